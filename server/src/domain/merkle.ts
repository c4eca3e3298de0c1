import { createHash } from 'node:crypto';

/**
 * Merkle root over a list of hex SHA-256 hashes, in order (RFC 6962 style:
 * leaves and inner nodes are hashed with distinct one-byte prefixes, so a
 * leaf can never pass for a node; an odd node is carried up unchanged).
 * The root of an empty list is the hash of the empty string.
 */
const H = (...parts: Buffer[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

export function merkleRoot(hexHashes: readonly string[]): string {
  if (hexHashes.length === 0) return H().toString('hex');
  let level: Buffer[] = hexHashes.map((h) => H(LEAF, Buffer.from(h, 'hex')));
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(i + 1 < level.length ? H(NODE, level[i], level[i + 1]) : level[i]);
    }
    level = next;
  }
  return level[0].toString('hex');
}
