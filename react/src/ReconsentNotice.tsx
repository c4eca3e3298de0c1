import type { StatusReason } from '../../client/src';
import { useStanding } from './hooks';
import { cx, defaultLabels, fill, type Labels } from './labels';

export interface ReconsentNoticeProps {
  /** The person (e-mail, phone or id); null while unknown: nothing is shown. */
  subject: string | null;
  /** The policy's key, e.g. "privacy". */
  policy: string;
  /** How the policy is named in the text (its key by default). */
  name?: string;
  /** Where the person reviews and accepts the policy (a link)… */
  href?: string;
  /** …or what the button does (e.g. open a dialog with a ConsentForm). */
  onReview?: () => void;
  labels?: Partial<Labels>;
  className?: string;
}

const REASON: Record<StatusReason, keyof Labels> = {
  'not-accepted': 'reasonNotAccepted',
  denied: 'reasonDenied',
  'reconsent-required': 'reasonReconsent',
  expired: 'reasonExpired',
};

/**
 * Shown only when the person's standing says `needsAcceptance`: why, and a
 * link or button to review the policy. The standing route is not public: the
 * provider's client must be allowed to read it (see useStanding).
 */
export function ReconsentNotice(props: ReconsentNoticeProps) {
  const { subject, policy, href, onReview, className } = props;
  const l = { ...defaultLabels, ...props.labels };
  const { data } = useStanding(subject, policy);
  if (!data?.needsAcceptance) return null;
  return (
    <div className={cx('pl-reconsent', className)} role="status" data-policy={policy}>
      <p className="pl-reconsent-text">
        {fill(l.reconsent, { policy: props.name ?? policy, version: data.currentVersion ?? '' })}
      </p>
      {data.reason && <p className="pl-reconsent-reason">{l[REASON[data.reason]]}</p>}
      {href ? (
        <a className="pl-button pl-review" href={href}>
          {l.review}
        </a>
      ) : (
        onReview && (
          <button type="button" className="pl-button pl-review" onClick={onReview}>
            {l.review}
          </button>
        )
      )}
    </div>
  );
}
