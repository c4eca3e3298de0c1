import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { SubmissionBody, SubmissionResult } from '../../../shared/contracts';
import { rowOfContent, type EventRow } from '../db/event-row';
import { checkSubmission, type CheckedSubmission } from '../domain/form';
import { subjectRef } from '../domain/subject';
import { evidenceOf, type RequestMeta } from '../ledger/evidence';
import { newEvent } from '../ledger/events';
import { idempotent } from '../ledger/idempotency';
import { acceptableEdition, checkShownText, policySnapshot } from '../ledger/policies';
import { receiptEvent, withdrawHint } from '../ledger/receipts';
import type { PolicySnapshot } from './catalog';
import type { FormRecord } from './forms';
import type { ReleasedEdition } from './types';
import { getService } from '../utils/get-service';
import { clock, pluginConfig } from '../utils/plugin';
import { refOf, subjectSecret } from '../utils/subjects';

const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: path.split('.'), message }] });

/** Who submitted: the subject given, else the form's e-mail or phone field, else this submission alone. */
function subjectOf(
  strapi: Core.Strapi,
  form: FormRecord,
  body: SubmissionBody,
  checked: CheckedSubmission,
  submissionId: string,
) {
  if (body.subject !== undefined) return refOf(strapi, body.subject, 'subject');
  const idField =
    form.fields.find((f) => f.type === 'email' && checked.values[f.name]) ??
    form.fields.find((f) => f.type === 'phone' && checked.values[f.name]);
  if (idField)
    return refOf(
      strapi,
      `${idField.type}:${checked.values[idField.name] as string}`,
      `data.${idField.name}`,
    );
  return subjectRef(subjectSecret(strapi), `submission:${submissionId}`);
}

/** POST /forms/:key/submissions: the submission, one `granted` event per policy of the form, the receipt. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async submit(
    formKey: string,
    body: SubmissionBody,
    meta: RequestMeta,
  ): Promise<SubmissionResult> {
    const form = await getService(strapi, 'forms').get(formKey);
    if (!form.active) {
      throw new errors.ApplicationError(`Form "${formKey}" is not accepting submissions`, {
        code: 'FORM_INACTIVE',
        form: formKey,
      });
    }
    // What depends on the form's definition: its fields and purposes.
    const checked = checkSubmission(form.fields, form.purposes, body.data, body.purposes);
    if (checked.problems.length) {
      throw new errors.ValidationError(checked.problems[0].message, {
        errors: checked.problems.map((p) => ({ path: p.path.split('.'), message: p.message })),
      });
    }
    body.accepted.forEach((a, i) => {
      if (!form.policies.some((p) => p.key === a.policy)) {
        throw invalid(
          `accepted.${i}.policy`,
          `accepted.${i}.policy "${a.policy}" is not a policy of this form`,
        );
      }
    });
    const now = clock(strapi).now();
    const catalog = getService(strapi, 'catalog');
    const chosen: Array<{
      snap: PolicySnapshot;
      edition: ReleasedEdition;
      text: ReturnType<typeof catalog.textFor>;
    }> = [];
    for (const p of form.policies) {
      const i = body.accepted.findIndex((x) => x.policy === p.key);
      if (i < 0) throw invalid('accepted', `accepted must include policy "${p.key}"`);
      const a = body.accepted[i];
      const snap = await policySnapshot(strapi, p.key);
      const edition = acceptableEdition(snap, a.version, now);
      const text = catalog.textFor(snap, edition, { locale: body.locale });
      checkShownText(p.key, a.version, a.hash, text, `accepted.${i}.hash`);
      chosen.push({ snap, edition, text });
    }
    const submissionId = randomUUID();
    const subject = subjectOf(strapi, form, body, checked, submissionId);
    if (meta.limited) await getService(strapi, 'limits').subject(subject);

    return idempotent<SubmissionResult>(
      strapi,
      `form:${formKey}`,
      meta.idempotencyKey,
      body,
      async (record) => {
        const receivedAt = now.toISOString();
        const events: EventRow[] = [];
        const evidence = [];
        const receiptEvents = [];
        for (const { snap, edition, text } of chosen) {
          const ev = evidenceOf(strapi, meta, now);
          const event = newEvent({
            occurredAt: receivedAt,
            subject,
            action: 'granted',
            policy: snap.key,
            version: edition.version,
            locale: text.servedLocale,
            contentHash: text.contentHash,
            form: form.key,
            formRevision: form.revision,
            formHash: form.definitionHash,
            purposes: checked.purposes,
            method: 'form',
            submission: submissionId,
            evidenceHash: ev.hash,
          });
          const row = rowOfContent(event);
          events.push(row);
          evidence.push({ ...ev.item, event_id: event.id });
          receiptEvents.push(
            receiptEvent(event, row.hash, pluginConfig(strapi).jobs.sealLagSeconds),
          );
        }
        const response: SubmissionResult = {
          submissionId,
          receivedAt,
          receipt: {
            submission: submissionId,
            receivedAt,
            form: { key: form.key, revision: form.revision, hash: form.definitionHash },
            locale: body.locale,
            purposes: checked.purposes,
            events: receiptEvents,
            withdraw: withdrawHint(chosen[0]?.snap ?? null),
          },
        };
        await getService(strapi, 'ledgerStore').write({
          submission: {
            public_id: submissionId,
            form_key: form.key,
            form_revision: form.revision,
            form_hash: form.definitionHash,
            locale: body.locale,
            subject,
            data: JSON.stringify(checked.values),
            received_at: receivedAt,
          },
          events,
          evidence,
          idempotency: record(response),
        });
        return response;
      },
    );
  },
});
