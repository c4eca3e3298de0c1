/**
 * Merkle inclusion proofs (RFC 6962 / RFC 9162 §2.1.3.2), checked with any
 * SHA-256: Web Crypto in a browser, node:crypto elsewhere. Leaves and inner
 * nodes are hashed with the prefixes 0x00 and 0x01, as the ledger does.
 */
export type Sha256 = (bytes: Uint8Array) => Promise<Uint8Array>;

export const fromHex = (hex: string): Uint8Array => {
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) throw new TypeError('not lowercase hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
};

export const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

const join = (prefix: number, ...parts: Uint8Array[]) => {
  const out = new Uint8Array(1 + parts.reduce((n, p) => n + p.length, 0));
  out[0] = prefix;
  let at = 1;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** The root the audit path leads to from leaf `index` of a tree of `size` leaves; null if the path does not fit. */
export async function rootFromPath(
  leafHex: string,
  index: number,
  size: number,
  path: readonly string[],
  sha256: Sha256,
): Promise<string | null> {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size)
    return null;
  let fn = index;
  let sn = size - 1;
  let r = await sha256(join(0, fromHex(leafHex)));
  for (const hex of path) {
    if (sn === 0) return null;
    const p = fromHex(hex);
    if (fn % 2 === 1 || fn === sn) {
      r = await sha256(join(1, p, r));
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = await sha256(join(1, r, p));
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? toHex(r) : null;
}
