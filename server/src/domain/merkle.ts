import { hash } from 'node:crypto';

/**
 * Merkle root over a list of hex SHA-256 hashes, in order (RFC 6962 style:
 * leaves and inner nodes are hashed with distinct one-byte prefixes, so a
 * leaf can never pass for a node; an odd node is carried up unchanged).
 * The root of an empty list is the hash of the empty string.
 */
// One-shot hashing into preallocated buffers: verification hashes twice per event.
const sha256 = (b: Buffer) => hash('sha256', b, 'buffer') as unknown as Buffer;

function leaf(hexHash: string): Buffer {
  const b = Buffer.allocUnsafe(1 + hexHash.length / 2);
  b[0] = 0;
  b.write(hexHash, 1, 'hex');
  return sha256(b);
}

function node(left: Buffer, right: Buffer): Buffer {
  const b = Buffer.allocUnsafe(1 + left.length + right.length);
  b[0] = 1;
  left.copy(b, 1);
  right.copy(b, 1 + left.length);
  return sha256(b);
}

export function merkleRoot(hexHashes: readonly string[]): string {
  if (hexHashes.length === 0) return sha256(Buffer.alloc(0)).toString('hex');
  let level: Buffer[] = hexHashes.map(leaf);
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(i + 1 < level.length ? node(level[i], level[i + 1]) : level[i]);
    }
    level = next;
  }
  return level[0].toString('hex');
}

/** Largest power of two smaller than n (n ≥ 2). */
const split = (n: number) => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

/**
 * The audit paths of leaves among `hexHashes` (RFC 6962 §2.1.1 PATH): for
 * each, the sibling subtree roots from the leaf up, hex. The tree
 * `merkleRoot` builds (pairs left to right, an odd node carried up) is
 * RFC 6962's tree, so each path leads to its root (shared/proof/merkle.ts
 * checks it). Each subtree is hashed once, however many paths cross it.
 */
export function inclusionPaths(
  hexHashes: readonly string[],
  indices: readonly number[],
): string[][] {
  for (const index of indices)
    if (index < 0 || index >= hexHashes.length) throw new RangeError('leaf index out of range');
  const leaves = hexHashes.map(leaf);
  const memo = new Map<number, Buffer>();
  const mth = (from: number, to: number): Buffer => {
    if (to - from === 1) return leaves[from];
    const key = from * 4_294_967_296 + to;
    let h = memo.get(key);
    if (!h) {
      const k = split(to - from);
      h = node(mth(from, from + k), mth(from + k, to));
      memo.set(key, h);
    }
    return h;
  };
  const path = (m: number, from: number, to: number): Buffer[] => {
    if (to - from === 1) return [];
    const k = split(to - from);
    return m < k
      ? [...path(m, from, from + k), mth(from + k, to)]
      : [...path(m - k, from + k, to), mth(from, from + k)];
  };
  return indices.map((index) => path(index, 0, leaves.length).map((b) => b.toString('hex')));
}

/** The audit path of one leaf (see inclusionPaths). */
export function inclusionPath(hexHashes: readonly string[], index: number): string[] {
  return inclusionPaths(hexHashes, [index])[0];
}
