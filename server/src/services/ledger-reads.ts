import { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import type {
  ExportFormat,
  LedgerEvent,
  LedgerFilters,
  LedgerPage,
} from '../../../shared/contracts';
import { ledgerEventOf, type EventRow } from '../db/event-row';
import { TABLES } from '../db/tables';
import { csvHeader, csvLine, iso27560Record } from '../reports/formats';
import { getService } from '../utils/get-service';
import { pseudonymOf } from '../utils/subjects';
import { lowerBound, upperBound } from '../domain/zone';
import { timeZoneOf } from '../utils/plugin';

/** The ledger as the admin reads it: filtered pages, newest first, and streamed exports. */
const ledgerReadsService = ({ strapi }: { strapi: Core.Strapi }) => {
  function filtered(f: LedgerFilters) {
    const q = strapi.db.connection(TABLES.events);
    if (f.policy) q.where('policy_key', f.policy);
    if (f.version !== undefined) q.where('policy_version', f.version);
    if (f.locale) q.where('locale', f.locale);
    if (f.form) q.where('form_key', f.form);
    if (f.action) q.where('action', f.action);
    // A date means its whole day in the plugin's time zone; `to` is inclusive.
    const zone = timeZoneOf(strapi);
    if (f.from) q.where('occurred_at', '>=', lowerBound(f.from, zone));
    if (f.to) {
      const { at, inclusive } = upperBound(f.to, zone);
      q.where('occurred_at', inclusive ? '<=' : '<', at);
    }
    if (f.subject) q.where('subject', pseudonymOf(strapi, f.subject));
    return q;
  }

  async function* rows(f: LedgerFilters, batch = 1000): AsyncGenerator<LedgerEvent> {
    let after = 0;
    for (;;) {
      const page = (await filtered(f)
        .andWhere('seq', '>', after)
        .orderBy('seq', 'asc')
        .limit(batch)) as EventRow[];
      if (!page.length) return;
      for (const r of page) yield ledgerEventOf(r);
      after = Number(page[page.length - 1].seq);
      if (page.length < batch) return;
    }
  }

  /** Every purpose key the filtered events mention, sorted. */
  async function purposeKeysOf(f: LedgerFilters): Promise<string[]> {
    const sets = (await filtered(f).distinct('purposes')) as Array<{ purposes: string | null }>;
    const keys = new Set<string>();
    for (const { purposes } of sets) {
      if (purposes) for (const k of Object.keys(JSON.parse(purposes) as object)) keys.add(k);
    }
    return [...keys].sort();
  }

  return {
    /** One page of the ledger, newest first; the cursor is the last seq seen. */
    async page(f: LedgerFilters, cursor: number | null, limit: number): Promise<LedgerPage> {
      const q = filtered(f);
      if (cursor !== null) q.where('seq', '<', cursor);
      const found = (await q.orderBy('seq', 'desc').limit(limit + 1)) as EventRow[];
      const events = found.slice(0, limit).map(ledgerEventOf);
      return {
        events,
        nextCursor: found.length > limit ? String(events[events.length - 1].seq) : null,
      };
    },

    /**
     * The filtered ledger as a stream, read in batches: memory does not grow
     * with the rows. A CSV has one column per purpose the filtered events
     * mention (found first, from their distinct purpose sets).
     */
    async exportStream(
      f: LedgerFilters,
      format: ExportFormat,
      o: { bom: boolean } = { bom: false },
    ): Promise<Readable> {
      // A bad identifier is a 400 before streaming starts; a person named in the filters is
      // recorded by their pseudonym: the trail outlives erasure.
      const subject = f.subject ? pseudonymOf(strapi, f.subject) : undefined;
      await getService(strapi, 'audit').record('ledger.exported', f.policy ?? null, {
        format,
        filters: subject ? { ...f, subject } : f,
      });
      const purposeKeys = format === 'csv' ? await purposeKeysOf(f) : [];
      async function* lines() {
        if (format === 'csv') yield `${o.bom ? '\uFEFF' : ''}${csvHeader(purposeKeys)}\r\n`;
        if (format === 'iso27560') yield '[\n';
        let first = true;
        for await (const e of rows(f)) {
          if (format === 'csv') yield `${csvLine(e, purposeKeys)}\r\n`;
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
  };
};

export default ledgerReadsService;

declare module './registry' {
  interface PluginServices {
    'ledger-reads': ReturnType<typeof ledgerReadsService>;
  }
}
