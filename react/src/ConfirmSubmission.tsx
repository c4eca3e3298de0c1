import { useState } from 'react';
import type { SubmissionResult } from '../../client/src';
import { usePolicyLedgerClient } from './context';
import { cx, defaultLabels, fill, dateText, type Labels } from './labels';
import { LoadState } from './LoadState';
import { useLoad } from './useLoad';

export interface ConfirmSubmissionProps {
  /** The token from the link (the `{token}` of the plugin's `mail.confirmUrl`). */
  token: string;
  /** Called with the receipt once the submission is recorded. */
  onConfirmed?: (result: SubmissionResult) => void;
  labels?: Partial<Labels>;
  className?: string;
}

/**
 * Your site's confirmation page for double opt-in links: says whether the
 * link still works and confirms with a button (opening a link changes
 * nothing: mail scanners open links too), then shows what was recorded.
 */
export function ConfirmSubmission({
  token,
  onConfirmed,
  className,
  ...props
}: ConfirmSubmissionProps) {
  const l = { ...defaultLabels, ...props.labels };
  const client = usePolicyLedgerClient();
  const { data, error, reload } = useLoad(`confirm|${client.baseUrl}|${token}`, (signal) =>
    client.confirmation(token, { signal }),
  );
  const [result, setResult] = useState<SubmissionResult>();
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function confirm() {
    setSending(true);
    setFailed(false);
    try {
      const res = await client.confirm(token);
      setResult(res);
      onConfirmed?.(res);
    } catch {
      setFailed(true);
      reload();
    } finally {
      setSending(false);
    }
  }

  return (
    <div className={cx('pl-confirm', className)} role="status" aria-live="polite">
      {!data && <LoadState error={error} reload={reload} labels={l} />}
      {result && (
        <p className="pl-receipt-summary">
          {fill(l.sent, { id: result.submissionId, date: dateText(result.receivedAt) })}
        </p>
      )}
      {!result && data?.status === 'pending' && (
        <>
          <p>{l.confirmAsk}</p>
          {failed && <p role="alert">{l.sendFailed}</p>}
          <button
            type="button"
            className="pl-button pl-submit"
            disabled={sending}
            onClick={confirm}
          >
            {sending ? l.sending : l.confirm}
          </button>
        </>
      )}
      {!result && data && data.status !== 'pending' && <p>{l.confirmExpired}</p>}
    </div>
  );
}
