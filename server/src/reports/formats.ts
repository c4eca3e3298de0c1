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
  // The other pseudonym of a `linked` / `unlinked` entry (services/identities.ts); empty otherwise.
  'linkedSubject',
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

/**
 * One consent record in the spirit of ISO/IEC TS 27560 (consent record
 * information structure). A `linked` / `unlinked` entry is no consent: it
 * says that two PII principal ids are (or no longer are) the same principal,
 * with no notice and no purposes.
 */
export function iso27560Record(e: LedgerEvent) {
  const identity =
    e.action === 'linked' || e.action === 'unlinked'
      ? {
          type: e.action === 'linked' ? 'pii-principal-linked' : 'pii-principal-unlinked',
          linked_pii_principal_id: e.linkedSubject ?? null,
        }
      : null;
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
    event: {
      type: identity?.type ?? status[e.action] ?? e.action,
      timestamp: e.occurredAt,
      method: e.method,
    },
    ...(identity ? { linked_pii_principal_id: identity.linked_pii_principal_id } : {}),
    notice: identity
      ? null
      : {
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
