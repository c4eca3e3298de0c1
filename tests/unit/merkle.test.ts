import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import { merkleRoot } from '../../server/src/domain/merkle';

// Independent reference computations with node:crypto (not the module's helper).
const sha = (...parts: Buffer[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const leaf = (hex: string): Buffer => sha(Buffer.from([0x00]), Buffer.from(hex, 'hex'));
const node = (l: Buffer, r: Buffer): Buffer => sha(Buffer.from([0x01]), l, r);
/** A deterministic 32-byte "event hash" for index i. */
const eh = (i: number): string => createHash('sha256').update(`event-${i}`).digest('hex');

const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('merkleRoot', () => {
  it('of an empty list is the SHA-256 of the empty string', () => {
    assert.equal(merkleRoot([]), EMPTY);
  });

  it('of one leaf is sha256(0x00 || leaf bytes), not the leaf itself', () => {
    const a = eh(0);
    const root = merkleRoot([a]);
    assert.equal(root, leaf(a).toString('hex'));
    assert.notEqual(root, a);
  });

  it('hashes the leaf bytes, not the hex text', () => {
    const a = eh(0);
    const ofText = sha(Buffer.from([0x00]), Buffer.from(a, 'utf8')).toString('hex');
    assert.notEqual(merkleRoot([a]), ofText);
  });

  it('of two leaves is sha256(0x01 || L0 || L1) of the leaf hashes', () => {
    const [a, b] = [eh(0), eh(1)];
    assert.equal(merkleRoot([a, b]), node(leaf(a), leaf(b)).toString('hex'));
  });

  it('of three leaves carries the odd leaf up: node(node(L0, L1), L2)', () => {
    const [a, b, c] = [eh(0), eh(1), eh(2)];
    const expected = node(node(leaf(a), leaf(b)), leaf(c)).toString('hex');
    assert.equal(merkleRoot([a, b, c]), expected);
    // Not the "duplicate the odd node" variant (Bitcoin style).
    assert.notEqual(
      merkleRoot([a, b, c]),
      node(node(leaf(a), leaf(b)), node(leaf(c), leaf(c))).toString('hex'),
    );
  });

  it('of five leaves carries the odd node up twice', () => {
    const h = [0, 1, 2, 3, 4].map(eh);
    const L = h.map(leaf);
    const expected = node(node(node(L[0], L[1]), node(L[2], L[3])), L[4]).toString('hex');
    assert.equal(merkleRoot(h), expected);
  });

  it('depends on the order of the leaves', () => {
    const [a, b, c] = [eh(0), eh(1), eh(2)];
    assert.notEqual(merkleRoot([a, b]), merkleRoot([b, a]));
    assert.notEqual(merkleRoot([a, b, c]), merkleRoot([a, c, b]));
  });

  it('changes when one leaf changes', () => {
    const list = [0, 1, 2, 3, 4, 5, 6].map(eh);
    const root = merkleRoot(list);
    for (let i = 0; i < list.length; i++) {
      const changed = [...list];
      changed[i] = eh(100 + i);
      assert.notEqual(merkleRoot(changed), root, `changing leaf ${i} must change the root`);
    }
  });

  it('changes when a single bit of a leaf flips', () => {
    const a = eh(0);
    const flipped = Buffer.from(a, 'hex');
    flipped[31] ^= 0x01;
    assert.notEqual(merkleRoot([a, eh(1)]), merkleRoot([flipped.toString('hex'), eh(1)]));
  });

  it('changes when a leaf is added or removed', () => {
    const list = [0, 1, 2, 3].map(eh);
    const root = merkleRoot(list);
    assert.notEqual(merkleRoot([...list, eh(4)]), root);
    assert.notEqual(merkleRoot(list.slice(0, 3)), root);
    // Duplicating the last leaf must not give the same root as the odd list.
    assert.notEqual(merkleRoot([...list.slice(0, 3), list[2]]), merkleRoot(list.slice(0, 3)));
  });

  it('does not let an inner node pass for a leaf', () => {
    const [a, b] = [eh(0), eh(1)];
    const inner = node(leaf(a), leaf(b)).toString('hex');
    assert.notEqual(merkleRoot([inner]), merkleRoot([a, b]));
  });

  it('is deterministic and does not modify its input', () => {
    const list = [0, 1, 2, 3, 4].map(eh);
    const copy = [...list];
    assert.equal(merkleRoot(list), merkleRoot(copy));
    assert.deepEqual(list, copy);
  });

  it('returns 64 lowercase hex characters', () => {
    for (const n of [0, 1, 2, 3, 17]) {
      assert.match(merkleRoot(Array.from({ length: n }, (_, i) => eh(i))), /^[0-9a-f]{64}$/);
    }
  });

  it('works on 1000 leaves and matches an independent implementation', () => {
    const list = Array.from({ length: 1000 }, (_, i) => eh(i));
    let level = list.map(leaf);
    while (level.length > 1) {
      const next: Buffer[] = [];
      for (let i = 0; i < level.length; i += 2)
        next.push(i + 1 < level.length ? node(level[i], level[i + 1]) : level[i]);
      level = next;
    }
    const root = merkleRoot(list);
    assert.equal(root, level[0].toString('hex'));
    const changed = [...list];
    changed[999] = eh(5000);
    assert.notEqual(merkleRoot(changed), root);
  });

  it('matches the RFC 6962 recursive definition (split at the largest power of two) for 1..33 leaves', () => {
    const mth = (d: Buffer[]): Buffer => {
      if (d.length === 1) return d[0];
      let k = 1;
      while (k * 2 < d.length) k *= 2;
      return node(mth(d.slice(0, k)), mth(d.slice(k)));
    };
    for (let n = 1; n <= 33; n++) {
      const list = Array.from({ length: n }, (_, i) => eh(i));
      assert.equal(merkleRoot(list), mth(list.map(leaf)).toString('hex'), `n = ${n}`);
    }
  });
});
