/**
 * The canonical forms the ledger hashes, written once without Node APIs: the
 * server hashes them with node:crypto, the receipt verifiers (the client in a
 * browser, the command-line verifier) with Web Crypto.
 */
import type { CheckpointContent, EventContent } from '../contracts';

/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` dropped.
 * The same value always gives the same bytes, whatever the key order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new TypeError('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The canonical JSON of an event (v1), exactly as `canonicalJson` would write
 * it. `seq` is not in it: checkpoints commit to the order.
 */
export function eventCanonical(e: EventContent): string {
  const j = JSON.stringify;
  const purposes = Object.keys(e.purposes)
    .sort()
    .filter((k) => e.purposes[k] !== undefined)
    .map((k) => `${j(k)}:${j(e.purposes[k])}`)
    .join(',');
  // Keys in code-point order; every value is a string, a number, a boolean or null.
  return (
    `{"action":${j(e.action)},"contentHash":${j(e.contentHash)},"evidenceHash":${j(e.evidenceHash)},` +
    `"form":${j(e.form)},"formHash":${j(e.formHash)},"formRevision":${j(e.formRevision)},` +
    `${e.gpc === undefined ? '' : `"gpc":${j(e.gpc)},`}"id":${j(e.id)},` +
    `${e.linkedSubject === undefined ? '' : `"linkedSubject":${j(e.linkedSubject)},`}` +
    `"locale":${j(e.locale)},"method":${j(e.method)},"occurredAt":${j(e.occurredAt)},"policy":${j(e.policy)},` +
    `"purposes":{${purposes}},${e.strength === undefined ? '' : `"strength":${j(e.strength)},`}"subject":${j(e.subject)},"submission":${j(e.submission)},"v":1,"version":${j(e.version)}}`
  );
}

/** The canonical JSON of a checkpoint (v1); its audit range only when it has one. */
export function checkpointCanonical(c: CheckpointContent): string {
  return canonicalJson({ v: 1, ...c });
}
