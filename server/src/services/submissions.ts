import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  EvidenceStrength,
  GpcSignal,
  SubmissionBody,
  SubmissionOutcome,
  SubmissionResult,
} from '../../../shared/contracts';
import { rowOfContent, type EventRow } from '../db/event-row';
import { identifierRows } from '../db/identifiers';
import { checkSubmission, emailOf, usesDoubleOptIn, type CheckedSubmission } from '../domain/form';
import { identifyingValues } from '../domain/identifiers';
import { confirmedPerson } from '../http/errors';
import { subjectRef } from '../domain/subject';
import { evidenceOf, type RequestMeta } from '../ledger/evidence';
import { newEvent } from '../ledger/events';
import { gpcOf } from '../ledger/gpc';
import { idempotent } from '../ledger/idempotency';
import { acceptableEdition, checkShownText, policySnapshot } from '../ledger/policies';
import { receiptEvent, withdrawHint } from '../ledger/receipts';
import { pickLabel, type FormRecord } from './forms';
import { getService } from '../utils/get-service';
import { clock, pluginConfig } from '../utils/plugin';
import { pseudonymOf, subjectSecret } from '../utils/subjects';

const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: path.split('.'), message }] });

/**
 * Who submitted: the subject the caller's credentials allow (set at the edge,
 * auth/caller.ts: the API token's choice, or a signed-in user's own id), else
 * the form's e-mail or phone field, else this submission alone. `known`: the
 * pseudonyms of the submission's identifiers, by canonical identifier.
 */
function subjectOf(
  strapi: Core.Strapi,
  form: FormRecord,
  body: SubmissionBody,
  checked: CheckedSubmission,
  submissionId: string,
  known: ReadonlyMap<string, string>,
) {
  if (body.subject !== undefined) return pseudonymOf(strapi, body.subject);
  const idField =
    form.fields.find((f) => f.type === 'email' && checked.values[f.name]) ??
    form.fields.find((f) => f.type === 'phone' && checked.values[f.name]);
  if (idField) {
    const canonical = `${idField.type}:${checked.values[idField.name] as string}`;
    return known.get(canonical) ?? pseudonymOf(strapi, canonical);
  }
  return subjectRef(subjectSecret(strapi), `submission:${submissionId}`);
}

/** An edition a person was shown and accepted on a form: what its event records. */
export interface ShownEdition {
  policy: string;
  version: number;
  servedLocale: string;
  contentHash: string;
}

/** What a submission records, whether at once or when its link is confirmed. */
export interface SubmissionRecord {
  submissionId: string;
  form: Pick<FormRecord, 'key' | 'revision' | 'definitionHash'>;
  locale: string;
  subject: string;
  values: Record<string, unknown>;
  purposes: Record<string, boolean>;
  shown: ShownEdition[];
  receivedAt: string;
  strength?: EvidenceStrength;
  /** Global Privacy Control on the request that sent it (ledger/gpc.ts). */
  gpc?: GpcSignal;
  /**
   * The pseudonyms of the identifiers it holds (each e-mail and phone field),
   * indexed in the same write, its subject aside (policy_ledger_identifiers).
   */
  identifiers?: string[];
}

/**
 * Writes a submission, one `granted` event per edition shown and its
 * evidence, all or nothing; answers the receipt. The events occur now (at
 * confirmation, for a double opt-in submission).
 */
export async function recordSubmission(
  strapi: Core.Strapi,
  s: SubmissionRecord,
  meta: RequestMeta,
  idempotency: { scope: string; key: string | null; body: unknown },
): Promise<SubmissionResult> {
  const snaps = await Promise.all(s.shown.map((e) => policySnapshot(strapi, e.policy)));
  return idempotent<SubmissionResult>(
    strapi,
    idempotency.scope,
    idempotency.key,
    idempotency.body,
    async (record) => {
      const now = clock(strapi).now();
      const occurredAt = now.toISOString();
      const events: EventRow[] = [];
      const evidence = [];
      const receiptEvents = [];
      for (const shown of s.shown) {
        const ev = evidenceOf(strapi, meta, now);
        const event = newEvent({
          occurredAt,
          subject: s.subject,
          action: 'granted',
          policy: shown.policy,
          version: shown.version,
          locale: shown.servedLocale,
          contentHash: shown.contentHash,
          form: s.form.key,
          formRevision: s.form.revision,
          formHash: s.form.definitionHash,
          purposes: s.purposes,
          method: 'form',
          submission: s.submissionId,
          evidenceHash: ev.hash,
          ...(s.strength ? { strength: s.strength } : {}),
          ...(s.gpc ? { gpc: s.gpc } : {}),
        });
        const row = rowOfContent(event);
        events.push(row);
        evidence.push({ ...ev.item, event_id: event.id });
        receiptEvents.push(receiptEvent(event, row.hash, pluginConfig(strapi).jobs.sealLagSeconds));
      }
      const response: SubmissionResult = {
        status: 'recorded',
        submissionId: s.submissionId,
        receivedAt: s.receivedAt,
        receipt: {
          submission: s.submissionId,
          receivedAt: s.receivedAt,
          form: { key: s.form.key, revision: s.form.revision, hash: s.form.definitionHash },
          locale: s.locale,
          purposes: s.purposes,
          events: receiptEvents,
          withdraw: withdrawHint(snaps[0] ?? null),
        },
      };
      await getService(strapi, 'ledger-store').write({
        submission: {
          public_id: s.submissionId,
          form_key: s.form.key,
          form_revision: s.form.revision,
          form_hash: s.form.definitionHash,
          locale: s.locale,
          subject: s.subject,
          data: JSON.stringify(s.values),
          received_at: s.receivedAt,
        },
        events,
        evidence,
        idempotency: record(response),
        identifiers: identifierRows('submission', s.submissionId, s.subject, s.identifiers ?? []),
      });
      return response;
    },
  );
}

/**
 * POST /forms/:key/submissions. From an anonymous caller on a form that
 * collects an e-mail: held until the e-mailed link is opened (202,
 * services/confirmations.ts). Otherwise recorded now (201): the submission,
 * one `granted` event per policy of the form, the receipt — `unverified`
 * unless the operator's server recorded it; an anonymous caller may not
 * change the standing of a person whose e-mail is confirmed. A signed-in
 * user is recorded at once as themselves (`id:<user id>`); on a double opt-in
 * form the e-mail they typed gets a link that, once opened, links it to their
 * account (services/account-emails.ts).
 */
const submissionsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async submit(
    formKey: string,
    body: SubmissionBody,
    meta: RequestMeta,
  ): Promise<SubmissionOutcome> {
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
    const signal = gpcOf(strapi, meta, checked.purposes, body.gpcAcknowledged);
    const now = clock(strapi).now();
    const catalog = getService(strapi, 'catalog');
    const shown: ShownEdition[] = [];
    for (const p of form.policies) {
      const i = body.accepted.findIndex((x) => x.policy === p.key);
      if (i < 0) throw invalid('accepted', `accepted must include policy "${p.key}"`);
      const a = body.accepted[i];
      const snap = await policySnapshot(strapi, p.key);
      const edition = acceptableEdition(snap, a.version, now);
      const text = catalog.textFor(snap, edition, { locale: body.locale });
      checkShownText(p.key, a.version, a.hash, text, `accepted.${i}.hash`);
      shown.push({
        policy: snap.key,
        version: edition.version,
        servedLocale: text.servedLocale,
        contentHash: text.contentHash,
      });
    }
    const submissionId = randomUUID();
    // Every identifier the person typed (e-mail, phone): they are found by any of them.
    const secret = subjectSecret(strapi);
    const identifiers = new Map(
      identifyingValues(form.fields, checked.values).map((c) => [c, subjectRef(secret, c)]),
    );
    const subject = subjectOf(strapi, form, body, checked, submissionId, identifiers);
    const email = emailOf(form, checked.values);
    // An anonymous person is their e-mail here, until the link proves it.
    const held = meta.caller === 'anonymous' && email !== null && usesDoubleOptIn(form);
    // The address and the person counted, and (unless held) the person's confirmed e-mail looked up.
    const { confirmed } = await getService(strapi, 'limits').admit({
      address: meta.address ?? null,
      subject: meta.caller !== 'server' ? subject : null,
      confirmedOf: meta.caller === 'anonymous' && !held ? subject : null,
    });

    const record: SubmissionRecord = {
      submissionId,
      form,
      locale: body.locale,
      subject,
      values: checked.values,
      purposes: checked.purposes,
      shown,
      receivedAt: now.toISOString(),
      identifiers: [...identifiers.values()],
      ...signal,
    };
    const idempotency = { scope: `form:${formKey}`, key: meta.idempotencyKey, body };
    if (held) {
      return getService(strapi, 'confirmations').hold(
        record,
        {
          email: email as string,
          notices: body.notices === true,
          pageUrl: meta.pageUrl,
          formTitle: pickLabel(form.labels?.title, body.locale) ?? form.name,
        },
        idempotency,
      );
    }
    if (confirmed) throw confirmedPerson();
    if (meta.caller !== 'server') record.strength = 'unverified';
    const result = await recordSubmission(strapi, record, meta, idempotency);
    // A signed-in user's e-mail on a double opt-in form: recorded now as themselves, and
    // the link e-mailed to it links it to their account (services/account-emails.ts).
    if (meta.caller === 'user' && email && usesDoubleOptIn(form)) {
      await getService(strapi, 'account-emails')
        .request({
          submissionId: result.submissionId,
          subject,
          email,
          form: { key: form.key, title: pickLabel(form.labels?.title, body.locale) ?? form.name },
          locale: body.locale,
        })
        .catch((e: unknown) =>
          strapi.log.warn(
            `[policy-ledger] could not ask to confirm a signed-in user's e-mail: ${(e as Error)?.message ?? e}`,
          ),
        );
    }
    return result;
  },
});

export default submissionsService;

declare module './registry' {
  interface PluginServices {
    submissions: ReturnType<typeof submissionsService>;
  }
}
