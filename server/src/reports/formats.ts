import type { LedgerEvent } from '../../../shared/contracts';

/** Export formats of the ledger: CSV and an ISO/IEC TS 27560 consent record per event. */

export const CSV_COLUMNS = [
  'seq',
  'id',
  'occurredAt',
  'subject',
  'action',
  'policy',
  'version',
  'locale',
  'contentHash',
  'form',
  'formRevision',
  'formHash',
  'method',
  'submission',
  'evidenceHash',
  'hash',
] as const;

/** The CSV header: the event columns, then one `purpose:<key>` column per purpose. */
export const csvHeader = (purposeKeys: readonly string[]) =>
  [...CSV_COLUMNS, ...purposeKeys.map((k) => `purpose:${k}`)].join(',');

/** One event as a CSV line: a purpose it does not mention is an empty cell. */
export const csvLine = (e: LedgerEvent, purposeKeys: readonly string[]) =>
  [
    ...CSV_COLUMNS.map((c) => csvCell(e[c])),
    ...purposeKeys.map((k) => csvCell(e.purposes?.[k])),
  ].join(',');

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One consent record in the spirit of ISO/IEC TS 27560 (consent record information structure). */
export function iso27560Record(e: LedgerEvent) {
  const status: Record<string, string> = {
    granted: 'given',
    implied: 'implied',
    withdrawn: 'withdrawn',
    denied: 'refused',
  };
  return {
    schema_version: 'ISO/IEC TS 27560:2023 (informative mapping by policy-ledger)',
    record_id: e.id,
    record_sequence: e.seq,
    pii_principal_id: e.subject,
    pii_principal_id_type: 'hmac-sha256 pseudonym',
    event: { type: status[e.action] ?? e.action, timestamp: e.occurredAt, method: e.method },
    notice: {
      id: `${e.policy}@${e.version}`,
      policy: e.policy,
      version: e.version,
      language: e.locale,
      content_hash: e.contentHash ? `sha256:${e.contentHash}` : null,
    },
    collection: e.form
      ? {
          form: e.form,
          form_revision: e.formRevision,
          form_hash: e.formHash ? `sha256:${e.formHash}` : null,
          submission: e.submission,
        }
      : null,
    purposes: Object.entries(e.purposes).map(([purpose, given]) => ({
      purpose,
      consent_status: given ? 'given' : e.action === 'withdrawn' ? 'withdrawn' : 'not-given',
    })),
    integrity: { algorithm: 'SHA-256', event_hash: e.hash, evidence_hash: e.evidenceHash },
  };
}
