import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { inclusionPath, merkleRoot } from '../../server/src/domain/merkle';
import { rootFromPath, type Sha256 } from '../../shared/proof/merkle';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const nodeSha: Sha256 = async (b) => new Uint8Array(createHash('sha256').update(b).digest());
const webSha: Sha256 = async (b) =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', b as BufferSource));

describe('Merkle inclusion proofs (RFC 6962 audit paths)', () => {
  it('lead every leaf of every tree size up to 40 to merkleRoot', async () => {
    for (let n = 1; n <= 40; n++) {
      const leaves = Array.from({ length: n }, (_, i) => sha(`event ${i}`));
      const root = merkleRoot(leaves);
      for (let i = 0; i < n; i++) {
        const path = inclusionPath(leaves, i);
        assert.ok(path.length <= Math.ceil(Math.log2(n)), `n=${n} i=${i}`);
        assert.equal(await rootFromPath(leaves[i], i, n, path, nodeSha), root, `n=${n} i=${i}`);
      }
    }
  });

  // The size is not in the path: the verifier takes it from the checkpoint (its hash covers it).
  it('fail for a changed leaf, a wrong position or a short path', async () => {
    const leaves = Array.from({ length: 13 }, (_, i) => sha(`e${i}`));
    const root = merkleRoot(leaves);
    const path = inclusionPath(leaves, 6);
    assert.equal(await rootFromPath(leaves[6], 6, 13, path, webSha), root);
    assert.notEqual(await rootFromPath(sha('forged'), 6, 13, path, webSha), root);
    assert.notEqual(await rootFromPath(leaves[6], 7, 13, path, webSha), root);
    assert.equal(await rootFromPath(leaves[6], 6, 13, path.slice(1), webSha), null);
    assert.equal(await rootFromPath(leaves[6], 13, 13, path, webSha), null);
  });
});
