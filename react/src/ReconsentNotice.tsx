import { useStanding } from './hooks';
import { defaultLabels, fill, type Labels } from './labels';

export interface ReconsentNoticeProps {
  subject: string | null;
  policy: string;
  /** Where the person reads the policy, or what happens on the button. */
  href?: string;
  onReview?: () => void;
  labels?: Partial<Labels>;
  className?: string;
}

/** Shown only when the person's standing says `needsAcceptance`. */
export function ReconsentNotice({
  subject,
  policy,
  href,
  onReview,
  labels,
  className,
}: ReconsentNoticeProps) {
  const l = { ...defaultLabels, ...labels };
  const { data } = useStanding(subject, policy);
  if (!data?.needsAcceptance) return null;
  return (
    <div className={`pl-reconsent ${className ?? ''}`} role="status" aria-live="polite">
      <p>{fill(l.reconsent, { policy, version: data.currentVersion ?? '' })}</p>
      {data.reason && <p className="pl-reconsent-reason">{l.reconsentReason[data.reason]}</p>}
      {href ? (
        <a className="pl-button" href={href}>
          {l.review}
        </a>
      ) : (
        <button type="button" className="pl-button" onClick={onReview}>
          {l.review}
        </button>
      )}
    </div>
  );
}
