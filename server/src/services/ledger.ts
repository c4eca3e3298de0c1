import { randomUUID } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { canonicalJson, eventHash, type ConsentAction, type ConsentMethod, type EventContent } from '../domain/canonical';
import { pickCurrent } from '../domain/effective';
import { checkSubmission } from '../domain/form';
import { sha256Hex } from '../domain/hash';
import { TABLES } from '../models';
import { writeLedger, type LedgerWrite } from './write';
import { iso, isUniqueViolation } from '../utils/db';
import { conflict, unprocessable } from '../utils/http-errors';
import { clock, pluginConfig } from '../utils/plugin';
import { refOf, subjectSecret } from '../utils/subjects';
import { subjectRef } from '../domain/subject';
import type { PolicySnapshot } from './catalog';
import type { FormRecord } from './forms';
import type { ReleasedEdition } from './types';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  pageUrl: string | null;
  idempotencyKey: string | null;
}

export interface EventRow {
  seq?: number;
  event_id: string;
  occurred_at: string;
  subject: string;
  action: ConsentAction;
  policy_key: string;
  policy_version: number;
  locale: string | null;
  content_hash: string | null;
  form_key: string | null;
  form_revision: number | null;
  form_hash: string | null;
  purposes: string;
  method: ConsentMethod;
  submission_id: string | null;
  evidence_hash: string | null;
  hash: string;
  implied_key: string | null;
}

/** The content of a stored event row, as hashed. */
export function contentOfRow(r: EventRow): EventContent {
  return {
    id: r.event_id,
    occurredAt: r.occurred_at,
    subject: r.subject,
    action: r.action,
    policy: r.policy_key,
    version: Number(r.policy_version),
    locale: r.locale,
    contentHash: r.content_hash,
    form: r.form_key,
    formRevision: r.form_revision === null ? null : Number(r.form_revision),
    formHash: r.form_hash,
    purposes: JSON.parse(r.purposes) as Record<string, boolean>,
    method: r.method,
    submission: r.submission_id,
    evidenceHash: r.evidence_hash,
  };
}

function toRow(c: EventContent, impliedKey: string | null = null): EventRow {
  return {
    event_id: c.id,
    occurred_at: c.occurredAt,
    subject: c.subject,
    action: c.action,
    policy_key: c.policy,
    policy_version: c.version,
    locale: c.locale,
    content_hash: c.contentHash,
    form_key: c.form,
    form_revision: c.formRevision,
    form_hash: c.formHash,
    purposes: canonicalJson(c.purposes),
    method: c.method,
    submission_id: c.submission,
    evidence_hash: c.evidenceHash,
    hash: eventHash(c),
    implied_key: impliedKey,
  };
}

/** IP as the configuration says: truncated (/24, /48), hashed, full or not at all. */
export function processIp(ip: string | null, mode: 'truncate' | 'hash' | 'full' | 'none', secret: string): string | null {
  if (!ip || mode === 'none') return null;
  const clean = ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (mode === 'full') return clean;
  if (mode === 'hash') return subjectRef(secret, `ip:${clean}`).slice(0, 32);
  if (isIPv4(clean)) return clean.split('.').slice(0, 3).concat('0').join('.');
  const addr = clean.replace(/%.*$/, ''); // drop a zone id (fe80::1%eth0)
  if (!isIPv6(addr)) return null; // not an address: store nothing rather than the raw text
  // Expand "::" so that the first three groups are the real /48 prefix.
  const width = (part: string) => (part ? part.split(':').reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0) : 0);
  const [head, tail = ''] = addr.split('::');
  const groups = addr.includes('::')
    ? [...(head ? head.split(':') : []), ...Array<string>(8 - width(head) - width(tail)).fill('0'), ...(tail ? tail.split(':') : [])]
    : addr.split(':');
  return `${groups.slice(0, 3).map((g) => parseInt(g, 16).toString(16)).join(':')}::`;
}

const badRequest = (path: string, message: string) => new errors.ValidationError(message, { errors: [{ path: path.split('.'), message }] });

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Faults a test can inject into the write path (never set in production code). */
export interface Faults {
  /** Sees (and may spoil) every ledger write just before it is stored. */
  beforeWrite?: (write: LedgerWrite) => void;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const catalog = () => strapi.plugin('policy-ledger').service('catalog');
  const forms = () => strapi.plugin('policy-ledger').service('forms');
  const knex = () => strapi.db.connection;
  const faults: Faults = {};

  async function policySnapshot(key: string): Promise<PolicySnapshot> {
    const snap = (await catalog().snapshot(key)) as PolicySnapshot | null;
    if (!snap) throw new errors.NotFoundError(`No policy with key "${key}"`, { key });
    return snap;
  }

  /** The edition a person may accept: the current one or the announced one; else 409. */
  function acceptable(snap: PolicySnapshot, version: unknown, now: Date): ReleasedEdition {
    const { current, upcoming } = pickCurrent(snap.editions, now);
    const hit = [current, upcoming].find((e) => e && e.version === version);
    if (!hit) {
      throw conflict(
        `Version ${String(version)} of policy "${snap.key}" is neither the current nor the upcoming edition; fetch the policy again`,
        { policy: snap.key, version, currentVersion: current?.version ?? null, upcomingVersion: upcoming?.version ?? null },
      );
    }
    return hit;
  }

  function evidenceOf(meta: RequestMeta, now: Date) {
    const cfg = pluginConfig(strapi);
    const item = {
      ip: processIp(meta.ip, cfg.evidence.ip, subjectSecret(strapi)),
      user_agent: meta.userAgent ? meta.userAgent.slice(0, 512) : null,
      page_url: meta.pageUrl ? meta.pageUrl.slice(0, 2048) : null,
      created_at: iso(now),
    };
    const hash = sha256Hex(canonicalJson({ ip: item.ip, userAgent: item.user_agent, pageUrl: item.page_url }));
    return { item, hash };
  }

  /** Runs `write` once per Idempotency-Key: a replay gets the first response, another body 422. */
  async function idempotent<T>(scope: string, meta: RequestMeta, body: unknown, write: (record: (response: T) => Record<string, unknown> | null) => Promise<T>): Promise<T> {
    if (!meta.idempotencyKey) return write(() => null);
    if (meta.idempotencyKey.length > 200) throw badRequest('Idempotency-Key', 'Idempotency-Key must be at most 200 characters');
    // The column holds 255 characters; a longer key is stored by its hash.
    const plainKey = `${scope}:${meta.idempotencyKey}`;
    const scopeKey = plainKey.length <= 255 ? plainKey : `${scope}:sha256:${sha256Hex(meta.idempotencyKey)}`;
    const requestHash = sha256Hex(canonicalJson(body ?? null));
    const replay = async (): Promise<T | null> => {
      const prior = await knex()(TABLES.idempotency).where({ scope_key: scopeKey }).first();
      if (!prior) return null;
      if (prior.request_hash !== requestHash) {
        throw unprocessable('This Idempotency-Key was already used with a different request body', { idempotencyKey: meta.idempotencyKey });
      }
      return JSON.parse(prior.response) as T;
    };
    const first = await replay();
    if (first) return first;
    try {
      return await write((response) => ({
        scope_key: scopeKey,
        request_hash: requestHash,
        status: 201,
        response: JSON.stringify(response),
        created_at: iso(clock(strapi).now()),
      }));
    } catch (e) {
      // A concurrent request with the same key committed first.
      if (isUniqueViolation(e)) {
        const again = await replay();
        if (again) return again;
      }
      throw e;
    }
  }

  /** Stores one write atomically (see write.ts). */
  const store = (w: { submission?: Record<string, unknown> | null; events: EventRow[]; evidence: Array<Record<string, unknown>>; idempotency?: Record<string, unknown> | null }) => {
    const write = w as unknown as LedgerWrite;
    faults.beforeWrite?.(write);
    return writeLedger(strapi, write);
  };

  /** Events of one subject for one policy, oldest first. */
  async function eventsOf(subject: string, policy: string): Promise<EventRow[]> {
    return knex()(TABLES.events).where({ subject, policy_key: policy }).orderBy('seq', 'asc');
  }

  /** Folds a subject's events for a policy into their standing. */
  function standing(events: EventRow[]) {
    let acceptedVersion: number | null = null;
    let acceptedLocale: string | null = null;
    let deniedVersion: number | null = null;
    const purposes: Record<string, boolean> = {};
    for (const e of events) {
      const p = JSON.parse(e.purposes) as Record<string, boolean>;
      const v = Number(e.policy_version);
      if (e.action === 'granted' || e.action === 'implied') {
        if (acceptedVersion === null || v >= acceptedVersion) {
          acceptedVersion = v;
          acceptedLocale = e.locale;
        }
        if (deniedVersion !== null && v >= deniedVersion) deniedVersion = null;
        Object.assign(purposes, p);
      } else if (e.action === 'denied') {
        deniedVersion = v;
        for (const k of Object.keys(p)) purposes[k] = false;
      } else if (e.action === 'withdrawn') {
        for (const k of Object.keys(p)) purposes[k] = false;
      }
    }
    return { acceptedVersion, acceptedLocale, deniedVersion, purposes };
  }

  /**
   * Implied acceptance: a person who accepted version N, seen again after a
   * later edition took effect, accepts it by continued use unless an edition
   * in between asks for re-consent. Recorded once per person and edition.
   */
  async function evaluate(subject: string, snap: PolicySnapshot, now: Date) {
    const events = await eventsOf(subject, snap.key);
    let s = standing(events);
    const { current } = pickCurrent(snap.editions, now);
    const currentVersion = current?.version ?? null;
    let needsAcceptance = false;
    let reason: string | null = null;
    if (!current) {
      return { acceptedVersion: s.acceptedVersion, currentVersion, needsAcceptance, reason, purposes: s.purposes };
    }
    if (s.acceptedVersion === null) {
      needsAcceptance = true;
      reason = s.deniedVersion !== null ? 'denied' : 'not-accepted';
    } else if (s.deniedVersion !== null && s.deniedVersion >= s.acceptedVersion) {
      needsAcceptance = true;
      reason = 'denied';
    } else if (s.acceptedVersion < current.version) {
      const between = snap.editions.filter(
        (e) => !e.cancelledAt && e.version > (s.acceptedVersion as number) && e.version <= current.version && e.effectiveAt <= now,
      );
      if (between.some((e) => e.changeKind === 'reconsent')) {
        needsAcceptance = true;
        reason = 'reconsent-required';
      } else {
        const text = catalog().textFor(snap, current, { locale: s.acceptedLocale });
        const content: EventContent = {
          id: randomUUID(),
          occurredAt: iso(now),
          subject,
          action: 'implied',
          policy: snap.key,
          version: current.version,
          locale: text.servedLocale,
          contentHash: text.contentHash,
          form: null,
          formRevision: null,
          formHash: null,
          purposes: s.purposes,
          method: 'continued-use',
          submission: null,
          evidenceHash: null,
        };
        // The unique implied_key makes a concurrent duplicate fail, and its
        // transaction (counters included) roll back: recorded once.
        try {
          await store({ events: [toRow(content, `${subject}:${snap.key}:${current.version}`)], evidence: [] });
        } catch (e) {
          if (!isUniqueViolation(e)) throw e;
        }
        s = standing(await eventsOf(subject, snap.key));
      }
    }
    return { acceptedVersion: s.acceptedVersion, currentVersion, needsAcceptance, reason, purposes: s.purposes };
  }

  const withdrawHint = (snap: PolicySnapshot | null) => ({
    endpoint: 'POST /api/policy-ledger/consents/withdraw',
    contact: snap?.operatorEmail ?? null,
    note: 'Keep this receipt. You can withdraw consent at any time; the operator records the withdrawal in the same ledger.',
    policy: snap?.key ?? null,
  });

  return {
    faults,
    evaluate,
    standing,

    /** POST /forms/:key/submissions */
    async submit(formKey: string, body: unknown, meta: RequestMeta) {
      const form = (await forms().get(formKey)) as FormRecord;
      if (!form.active) {
        throw new errors.ApplicationError(`Form "${formKey}" is not accepting submissions`, { code: 'FORM_INACTIVE', form: formKey });
      }
      if (!isObj(body)) throw badRequest('body', 'The request body must be a JSON object');
      for (const k of Object.keys(body)) {
        if (!['locale', 'data', 'purposes', 'accepted', 'subject', 'pageUrl'].includes(k)) throw badRequest(k, `${k} is not a field of a submission`);
      }
      const { locale } = body;
      if (typeof locale !== 'string' || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(locale)) throw badRequest('locale', 'locale must be a locale code such as "kk"');
      if (body.pageUrl !== undefined && (typeof body.pageUrl !== 'string' || body.pageUrl.length > 2048)) throw badRequest('pageUrl', 'pageUrl must be a URL of at most 2048 characters');
      const checked = checkSubmission(form.fields, form.purposes, body.data, body.purposes);
      if (checked.problems.length) {
        throw new errors.ValidationError(checked.problems[0].message, { errors: checked.problems.map((p) => ({ path: p.path.split('.'), message: p.message })) });
      }
      if (!Array.isArray(body.accepted)) throw badRequest('accepted', 'accepted must list the policy editions the person accepted: [{ "policy": "privacy", "version": 3 }]');
      const accepted = body.accepted as unknown[];
      for (const [i, a] of accepted.entries()) {
        if (!isObj(a) || typeof a.policy !== 'string' || !Number.isInteger(a.version)) {
          throw badRequest(`accepted.${i}`, `accepted[${i}] must be { "policy": key, "version": integer }`);
        }
        if (!form.policies.some((p) => p.key === a.policy)) throw badRequest(`accepted.${i}.policy`, `accepted[${i}].policy "${a.policy}" is not a policy of this form`);
      }
      const now = clock(strapi).now();
      const chosen: Array<{ snap: PolicySnapshot; edition: ReleasedEdition }> = [];
      for (const p of form.policies) {
        const a = accepted.find((x) => (x as { policy: string }).policy === p.key) as { policy: string; version: number } | undefined;
        if (!a) throw badRequest('accepted', `accepted must include policy "${p.key}"`);
        const snap = await policySnapshot(p.key);
        chosen.push({ snap, edition: acceptable(snap, a.version, now) });
      }

      const submissionId = randomUUID();
      // Who: the subject given, else the form's e-mail or phone field, else this submission alone.
      const idField = form.fields.find((f) => f.type === 'email' && checked.values[f.name]) ?? form.fields.find((f) => f.type === 'phone' && checked.values[f.name]);
      const subject =
        body.subject !== undefined
          ? refOf(strapi, body.subject, 'subject')
          : idField
            ? refOf(strapi, `${idField.type}:${checked.values[idField.name] as string}`, `data.${idField.name}`)
            : subjectRef(subjectSecret(strapi), `submission:${submissionId}`);

      return idempotent(`form:${formKey}`, meta, body, async (record) => {
        const occurredAt = iso(now);
        const events: EventRow[] = [];
        const evidence: Array<Record<string, unknown>> = [];
        const receiptEvents = [];
        for (const { snap, edition } of chosen) {
          const text = catalog().textFor(snap, edition, { locale });
          const ev = evidenceOf(meta, now);
          const content: EventContent = {
            id: randomUUID(),
            occurredAt,
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
          };
          const row = toRow(content);
          events.push(row);
          evidence.push({ ...ev.item, event_id: content.id });
          receiptEvents.push({ id: content.id, action: content.action, policy: snap.key, version: edition.version, locale: text.servedLocale, contentHash: text.contentHash, hash: row.hash });
        }
        const response = {
          submissionId,
          receivedAt: occurredAt,
          receipt: {
            submission: submissionId,
            receivedAt: occurredAt,
            form: { key: form.key, revision: form.revision, hash: form.definitionHash },
            locale,
            purposes: checked.purposes,
            events: receiptEvents,
            withdraw: withdrawHint(chosen[0]?.snap ?? null),
          },
        };
        const idem = record(response);
        await store({
          submission: {
            public_id: submissionId,
            form_key: form.key,
            form_revision: form.revision,
            form_hash: form.definitionHash,
            locale,
            subject,
            data: JSON.stringify(checked.values),
            received_at: occurredAt,
          },
          events,
          evidence,
          idempotency: idem,
        });
        return response;
      });
    },

    /** POST /consents — a decision without a form. */
    async consent(body: unknown, meta: RequestMeta) {
      if (!isObj(body)) throw badRequest('body', 'The request body must be a JSON object');
      for (const k of Object.keys(body)) {
        if (!['subject', 'policy', 'version', 'locale', 'purposes', 'action', 'pageUrl'].includes(k)) throw badRequest(k, `${k} is not a field of a consent`);
      }
      const subject = refOf(strapi, body.subject, 'subject');
      if (typeof body.policy !== 'string') throw badRequest('policy', 'policy must be a policy key');
      if (!Number.isInteger(body.version)) throw badRequest('version', 'version must be an integer');
      if (body.action !== 'granted' && body.action !== 'denied') throw badRequest('action', 'action must be "granted" or "denied"');
      if (typeof body.locale !== 'string' || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(body.locale)) throw badRequest('locale', 'locale must be a locale code such as "kk"');
      const purposes = body.purposes ?? {};
      if (!isObj(purposes) || !Object.values(purposes).every((v) => typeof v === 'boolean') || Object.keys(purposes).some((k) => !/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(k))) {
        throw badRequest('purposes', 'purposes must map purpose keys to true or false');
      }
      const now = clock(strapi).now();
      const snap = await policySnapshot(body.policy);
      const edition = acceptable(snap, body.version, now);
      const locale = body.locale;
      // Seen again: a later edition in force may be accepted by continued use first.
      if (edition.version !== pickCurrent(snap.editions, now).current?.version) await evaluate(subject, snap, now);
      return idempotent(`consent`, meta, body, async (record) => {
        const text = catalog().textFor(snap, edition, { locale });
        const ev = evidenceOf(meta, now);
        const content: EventContent = {
          id: randomUUID(),
          occurredAt: iso(now),
          subject,
          action: body.action as ConsentAction,
          policy: snap.key,
          version: edition.version,
          locale: text.servedLocale,
          contentHash: text.contentHash,
          form: null,
          formRevision: null,
          formHash: null,
          purposes: purposes as Record<string, boolean>,
          method: 'api',
          submission: null,
          evidenceHash: ev.hash,
        };
        const row = toRow(content);
        const response = { event: { id: content.id, action: content.action, policy: snap.key, version: edition.version, locale: text.servedLocale, contentHash: text.contentHash, occurredAt: content.occurredAt, hash: row.hash } };
        const idem = record(response);
        await store({ events: [row], evidence: [{ ...ev.item, event_id: content.id }], idempotency: idem });
        return response;
      });
    },

    /** POST /consents/withdraw — appends `withdrawn` events. */
    async withdraw(body: unknown, meta: RequestMeta) {
      if (!isObj(body)) throw badRequest('body', 'The request body must be a JSON object');
      for (const k of Object.keys(body)) {
        if (!['subject', 'policy', 'purposes'].includes(k)) throw badRequest(k, `${k} is not a field of a withdrawal`);
      }
      const subject = refOf(strapi, body.subject, 'subject');
      if (body.policy !== undefined && typeof body.policy !== 'string') throw badRequest('policy', 'policy must be a policy key');
      if (body.purposes !== undefined && !(Array.isArray(body.purposes) && body.purposes.every((p) => typeof p === 'string'))) {
        throw badRequest('purposes', 'purposes must be a list of purpose keys');
      }
      const now = clock(strapi).now();
      const keys: string[] = body.policy
        ? [body.policy as string]
        : ((await knex()(TABLES.events).distinct('policy_key').where({ subject })) as Array<{ policy_key: string }>).map((r) => r.policy_key);
      if (body.policy) await policySnapshot(body.policy as string);
      const rows: EventRow[] = [];
      const evidence: Array<Record<string, unknown>> = [];
      for (const key of keys.sort()) {
        const s = standing(await eventsOf(subject, key));
        const active = Object.keys(s.purposes).filter((k) => s.purposes[k]);
        const targets = body.purposes ? (body.purposes as string[]).filter((p) => active.includes(p)) : active;
        if (!targets.length || s.acceptedVersion === null) continue;
        const ev = evidenceOf(meta, now);
        const content: EventContent = {
          id: randomUUID(),
          occurredAt: iso(now),
          subject,
          action: 'withdrawn',
          policy: key,
          version: s.acceptedVersion,
          locale: s.acceptedLocale,
          contentHash: null,
          form: null,
          formRevision: null,
          formHash: null,
          purposes: Object.fromEntries(targets.map((t) => [t, false])),
          method: 'api',
          submission: null,
          evidenceHash: ev.hash,
        };
        rows.push(toRow(content));
        evidence.push({ ...ev.item, event_id: content.id });
      }
      await store({ events: rows, evidence });
      return {
        events: rows.map((r) => ({ id: r.event_id, action: r.action, policy: r.policy_key, version: r.policy_version, purposes: JSON.parse(r.purposes), occurredAt: r.occurred_at, hash: r.hash })),
      };
    },

    /** GET /subjects/status */
    async status(rawSubject: unknown, policy: unknown) {
      const subject = refOf(strapi, rawSubject, 'subject');
      if (typeof policy !== 'string' || !policy) throw badRequest('policy', 'policy must be a policy key');
      const snap = await policySnapshot(policy);
      const now = clock(strapi).now();
      const r = await evaluate(subject, snap, now);
      return {
        policy: snap.key,
        acceptedVersion: r.acceptedVersion,
        currentVersion: r.currentVersion,
        needsAcceptance: r.needsAcceptance,
        reason: r.reason,
        purposes: Object.fromEntries(Object.entries(r.purposes).filter(([, v]) => v)),
      };
    },
  };
};
