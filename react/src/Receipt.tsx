import type { FormDefinition, SubmissionResult } from '../../client/src';
import { dateText, fill, type Labels } from './labels';
import { shownEdition } from './submission';

/** What the person keeps after a 201: the submission id, when, and each consent recorded. */
export function Receipt({
  result,
  def,
  labels: l,
}: {
  result: SubmissionResult;
  def: FormDefinition;
  labels: Labels;
}) {
  const titleOf = (policy: string) => {
    const p = def.policies.find((x) => x.policy === policy);
    return (p && shownEdition(p)?.title) || p?.name || policy;
  };
  return (
    <div className="pl-receipt" data-submission={result.submissionId}>
      <p className="pl-receipt-summary">
        {fill(l.sent, {
          id: result.submissionId,
          date: dateText(result.receivedAt, def.locale),
        })}
      </p>
      <ul className="pl-receipt-events">
        {result.receipt.events.map((e) => (
          <li key={e.id} data-event={e.id} data-hash={e.hash}>
            {fill(l.receiptEvent, {
              policy: titleOf(e.policy),
              version: e.version,
              action: e.action === 'granted' ? l.granted : e.action,
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
