import { sha256Hex } from './hash';

/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` dropped.
 * The same value always gives the same bytes, whatever the key order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export type ConsentAction = 'granted' | 'denied' | 'withdrawn' | 'implied';
export type ConsentMethod = 'form' | 'api' | 'continued-use' | 'admin';

/** What an event commits to. `seq` is not in it: checkpoints commit to the order. */
export interface EventContent {
  id: string;
  occurredAt: string;
  subject: string;
  action: ConsentAction;
  policy: string;
  version: number;
  locale: string | null;
  contentHash: string | null;
  form: string | null;
  formRevision: number | null;
  formHash: string | null;
  purposes: Record<string, boolean>;
  method: ConsentMethod;
  submission: string | null;
  evidenceHash: string | null;
}

export function eventHash(e: EventContent): string {
  return sha256Hex(
    canonicalJson({
      v: 1,
      id: e.id,
      occurredAt: e.occurredAt,
      subject: e.subject,
      action: e.action,
      policy: e.policy,
      version: e.version,
      locale: e.locale,
      contentHash: e.contentHash,
      form: e.form,
      formRevision: e.formRevision,
      formHash: e.formHash,
      purposes: e.purposes,
      method: e.method,
      submission: e.submission,
      evidenceHash: e.evidenceHash,
    }),
  );
}

export interface CheckpointContent {
  seqFrom: number;
  seqTo: number;
  count: number;
  root: string;
  prevHash: string | null;
  sealedAt: string;
}

export function checkpointHash(c: CheckpointContent): string {
  return sha256Hex(canonicalJson({ v: 1, ...c }));
}
