import { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { diffLines } from 'diff';
import { EDITION_UID, POLICY_UID } from '../constants';
import { editionState, pickCurrent } from '../domain/effective';
import { TABLES } from '../models';
import { clock } from '../utils/plugin';
import { refOf } from '../utils/subjects';
import type { PolicySnapshot } from './catalog';
import { contentOfRow, type EventRow } from './ledger';
import type { EditionRow, PolicyRow } from './types';

export const GROUP_KEYS = ['version', 'locale', 'form', 'day'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];
const ACTIONS = ['granted', 'implied', 'withdrawn', 'denied'] as const;
const COLUMN: Record<GroupKey, string> = { version: 'policy_version', locale: 'locale', form: 'form_key', day: 'day' };

export interface LedgerFilters {
  policy?: string;
  version?: number;
  locale?: string;
  form?: string;
  action?: string;
  from?: string;
  to?: string;
  subject?: string;
}

/** `to` is inclusive: a date means the whole day. */
const upper = (to: string) => (to.length === 10 ? `${to}T23:59:59.999Z` : new Date(to).toISOString());
const lower = (from: string) => (from.length === 10 ? `${from}T00:00:00.000Z` : new Date(from).toISOString());

/** An event as the admin API shows it: its hashed content, plus where it sits and its hash. */
export function publicEvent(r: EventRow) {
  return { seq: Number(r.seq), ...contentOfRow(r), hash: r.hash };
}

const CSV_COLUMNS = ['seq', 'id', 'occurredAt', 'subject', 'action', 'policy', 'version', 'locale', 'contentHash', 'form', 'formRevision', 'formHash', 'purposes', 'method', 'submission', 'evidenceHash', 'hash'] as const;

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One consent record in the spirit of ISO/IEC TS 27560 (consent record information structure). */
export function iso27560Record(e: ReturnType<typeof publicEvent>) {
  const status: Record<string, string> = { granted: 'given', implied: 'implied', withdrawn: 'withdrawn', denied: 'refused' };
  return {
    schema_version: 'ISO/IEC TS 27560:2023 (informative mapping by policy-ledger)',
    record_id: e.id,
    record_sequence: e.seq,
    pii_principal_id: e.subject,
    pii_principal_id_type: 'hmac-sha256 pseudonym',
    event: { type: status[e.action] ?? e.action, timestamp: e.occurredAt, method: e.method },
    notice: { id: `${e.policy}@${e.version}`, policy: e.policy, version: e.version, language: e.locale, content_hash: e.contentHash ? `sha256:${e.contentHash}` : null },
    collection: e.form ? { form: e.form, form_revision: e.formRevision, form_hash: e.formHash ? `sha256:${e.formHash}` : null, submission: e.submission } : null,
    purposes: Object.entries(e.purposes).map(([purpose, given]) => ({ purpose, consent_status: given ? 'given' : e.action === 'withdrawn' ? 'withdrawn' : 'not-given' })),
    integrity: { algorithm: 'SHA-256', event_hash: e.hash, evidence_hash: e.evidenceHash },
  };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const catalog = () => strapi.plugin('policy-ledger').service('catalog');

  function filtered(f: LedgerFilters) {
    const q = knex()(TABLES.events);
    if (f.policy) q.where('policy_key', f.policy);
    if (f.version !== undefined) q.where('policy_version', f.version);
    if (f.locale) q.where('locale', f.locale);
    if (f.form) q.where('form_key', f.form);
    if (f.action) q.where('action', f.action);
    if (f.from) q.where('occurred_at', '>=', lower(f.from));
    if (f.to) q.where('occurred_at', '<=', upper(f.to));
    if (f.subject) q.where('subject', refOf(strapi, f.subject, 'subject'));
    return q;
  }

  async function* rows(f: LedgerFilters, batch = 1000): AsyncGenerator<ReturnType<typeof publicEvent>> {
    let after = 0;
    for (;;) {
      const page = (await filtered(f).andWhere('seq', '>', after).orderBy('seq', 'asc').limit(batch)) as EventRow[];
      if (!page.length) return;
      for (const r of page) yield publicEvent(r);
      after = Number(page[page.length - 1].seq);
      if (page.length < batch) return;
    }
  }

  return {
    /** The Policies tab: every policy with its editions (drafts included). */
    async overview() {
      const now = clock(strapi).now();
      const policies = (await strapi.db.query(POLICY_UID).findMany({ orderBy: { key: 'asc' } })) as PolicyRow[];
      const rows = (await strapi.db.query(EDITION_UID).findMany({ populate: { policy: { select: ['id'] } }, orderBy: [{ version: 'desc' }, { id: 'asc' }] })) as EditionRow[];
      // Locale rows of a draft may not all carry the policy link: any one decides.
      const policyOfDoc = new Map<string, number>();
      for (const r of rows) if (r.policy) policyOfDoc.set(r.documentId, r.policy.id);
      const out = [];
      for (const p of policies) {
        const snap = (await catalog().snapshot(p.key)) as PolicySnapshot | null;
        const { current, upcoming } = snap ? pickCurrent(snap.editions, now) : { current: null, upcoming: null };
        const docs = new Map<string, EditionRow[]>();
        for (const r of rows) {
          if (policyOfDoc.get(r.documentId) !== p.id) continue;
          docs.set(r.documentId, [...(docs.get(r.documentId) ?? []), r]);
        }
        const editions = [...docs.values()].map((locs) => {
          const r = locs[0];
          const times = { version: r.version, releasedAt: r.releasedAt ? new Date(r.releasedAt) : null, effectiveAt: r.effectiveAt ? new Date(r.effectiveAt) : null, cancelledAt: r.cancelledAt ? new Date(r.cancelledAt) : null };
          return {
            documentId: r.documentId,
            version: r.version,
            state: editionState(times, now, current?.version ?? null),
            editionDate: r.editionDate,
            releasedAt: times.releasedAt?.toISOString() ?? null,
            effectiveAt: times.effectiveAt?.toISOString() ?? null,
            cancelledAt: times.cancelledAt?.toISOString() ?? null,
            changeKind: r.changeKind,
            locales: locs.map((l) => l.locale).sort(),
            title: (locs.find((l) => l.locale === snap?.defaultLocale) ?? locs[0]).title,
          };
        });
        editions.sort((a, b) => (b.version ?? Number.MAX_SAFE_INTEGER) - (a.version ?? Number.MAX_SAFE_INTEGER));
        out.push({ key: p.key, name: p.name, documentId: p.documentId, currentVersion: current?.version ?? null, upcomingVersion: upcoming?.version ?? null, editions });
      }
      return { now: now.toISOString(), policies: out };
    },

    /** Acceptance by edition from the counters; pending re-acceptance from the subject state. */
    async acceptance(policy: string, groupBy: GroupKey[], from?: string, to?: string) {
      const snap = (await catalog().snapshot(policy)) as PolicySnapshot | null;
      if (!snap) throw new errors.NotFoundError(`No policy with key "${policy}"`, { key: policy });
      const cols = groupBy.map((g) => COLUMN[g]);
      const q = knex()(TABLES.counters).where('policy_key', policy);
      if (from) q.where('day', '>=', from.slice(0, 10));
      if (to) q.where('day', '<=', to.slice(0, 10));
      const raw = (await q.select([...cols, 'action']).sum({ n: 'n' }).groupBy([...cols, 'action'])) as Array<Record<string, string | number | null>>;
      const byKey = new Map<string, Record<string, unknown>>();
      const totals = { granted: 0, implied: 0, withdrawn: 0, denied: 0, total: 0 };
      for (const r of raw) {
        const key = cols.map((c) => String(r[c])).join('|');
        let row = byKey.get(key);
        if (!row) {
          row = Object.fromEntries(groupBy.map((g) => {
            const v = r[COLUMN[g]];
            return [g, g === 'version' ? Number(v) : v === '' ? null : v];
          }));
          for (const a of ACTIONS) row[a] = 0;
          row.total = 0;
          byKey.set(key, row);
        }
        const n = Number(r.n);
        const action = String(r.action) as (typeof ACTIONS)[number];
        row[action] = (row[action] as number) + n;
        row.total = (row.total as number) + n;
        totals[action] += n;
        totals.total += n;
      }
      const rowsOut = [...byKey.values()].sort((a, b) => {
        for (const g of groupBy) {
          const x = a[g] ?? '';
          const y = b[g] ?? '';
          if (x < y) return -1;
          if (x > y) return 1;
        }
        return 0;
      });
      // People whose accepted version predates a re-consent edition now in force.
      const now = clock(strapi).now();
      const reconsent = snap.editions.filter((e) => !e.cancelledAt && e.changeKind === 'reconsent' && e.effectiveAt <= now).map((e) => e.version);
      const needed = reconsent.length ? Math.max(...reconsent) : null;
      const pending = needed === null
        ? 0
        : Number(((await knex()(TABLES.subjectState).where('policy_key', policy).andWhere('accepted_version', '<', needed).count({ c: '*' }).first()) as { c: number | string }).c);
      return { policy, currentVersion: pickCurrent(snap.editions, now).current?.version ?? null, groupBy, rows: rowsOut, totals, pendingReacceptance: pending };
    },

    /** One page of the ledger, newest first; the cursor is the last seq seen. */
    async page(f: LedgerFilters, cursor: number | null, limit: number) {
      const q = filtered(f);
      if (cursor !== null) q.where('seq', '<', cursor);
      const found = (await q.orderBy('seq', 'desc').limit(limit + 1)) as EventRow[];
      const events = found.slice(0, limit).map(publicEvent);
      return { events, nextCursor: found.length > limit ? String(events[events.length - 1].seq) : null };
    },

    /** The filtered ledger as a stream, read in batches: memory does not grow with the rows. */
    exportStream(f: LedgerFilters, format: 'csv' | 'ndjson' | 'iso27560'): Readable {
      if (f.subject) refOf(strapi, f.subject, 'subject'); // a bad identifier is a 400 before streaming starts
      async function* lines() {
        if (format === 'csv') yield `${CSV_COLUMNS.join(',')}\r\n`;
        if (format === 'iso27560') yield '[\n';
        let first = true;
        for await (const e of rows(f)) {
          if (format === 'csv') yield `${CSV_COLUMNS.map((c) => csvCell(e[c])).join(',')}\r\n`;
          else if (format === 'ndjson') yield `${JSON.stringify(e)}\n`;
          else {
            yield `${first ? '' : ',\n'}${JSON.stringify(iso27560Record(e))}`;
            first = false;
          }
        }
        if (format === 'iso27560') yield '\n]\n';
      }
      return Readable.from(lines());
    },

    /** Line diff of one locale of two editions. */
    async diff(documentId: string, against: string, locale: string) {
      const load = async (id: string) => {
        const row = (await strapi.db.query(EDITION_UID).findOne({ where: { documentId: id, locale } })) as EditionRow | null;
        if (!row) throw new errors.NotFoundError(`Edition ${id} has no text in ${locale}`, { documentId: id, locale });
        return row;
      };
      const [base, compare] = await Promise.all([load(against), load(documentId)]);
      const changes: Array<{ type: 'added' | 'removed' | 'unchanged'; value: string }> = [];
      // Whether the last line ends with a newline is not a change a reader cares about.
      const norm = (t: string | null) => (t ?? '').replace(/\r\n/g, '\n').replace(/\n?$/, '\n');
      for (const part of diffLines(norm(base.body), norm(compare.body))) {
        const type = part.added ? 'added' : part.removed ? 'removed' : 'unchanged';
        const lines = part.value.replace(/\n$/, '').split('\n');
        for (const value of lines) changes.push({ type, value });
      }
      return {
        locale,
        base: { documentId: against, version: base.version, title: base.title },
        compare: { documentId, version: compare.version, title: compare.title },
        changes,
        stats: { added: changes.filter((c) => c.type === 'added').length, removed: changes.filter((c) => c.type === 'removed').length },
      };
    },
  };
};
