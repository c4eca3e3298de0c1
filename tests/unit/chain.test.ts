import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { checkpointHash } from '../../server/src/domain/canonical';
import type { CheckpointContent, EventContent, LogCheckpoint } from '../../shared/contracts';
import { verifyConsistency } from '../../shared/proof/chain';
import type { Sha256 } from '../../shared/proof/merkle';
import { noticeBefore, verificationOf } from '../../shared/proof/pack';

const sha256: Sha256 = async (b) => new Uint8Array(createHash('sha256').update(b).digest());
const hex = (s: string) => createHash('sha256').update(s).digest('hex');

/** A chain of `n` checkpoints of 10 events each, hashed and linked as the sealing job does. */
function chain(n: number): LogCheckpoint[] {
  const out: LogCheckpoint[] = [];
  for (let i = 0; i < n; i++) {
    const content: CheckpointContent = {
      seqFrom: i * 10 + 1,
      seqTo: i * 10 + 10,
      count: 10,
      root: hex(`root ${i}`),
      prevHash: i ? out[i - 1].hash : null,
      sealedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      // Every other checkpoint also seals one audit entry, numbered on from 1.
      ...(i % 2
        ? { audit: { from: (i + 1) / 2, to: (i + 1) / 2, count: 1, root: hex(`audit ${i}`) } }
        : {}),
    };
    out.push({ id: i + 1, hash: checkpointHash(content), ...content, timestamps: [] });
  }
  return out;
}

/** The chain re-hashed from `from` on, as a forger who rewrote it would. */
function rechain(list: LogCheckpoint[], from: number): LogCheckpoint[] {
  const out = list.map((c) => ({ ...c }));
  for (let i = from; i < out.length; i++) {
    if (i > 0) out[i].prevHash = out[i - 1].hash;
    const { id: _id, hash: _hash, timestamps: _t, ...content } = out[i];
    out[i].hash = checkpointHash(content);
  }
  return out;
}

describe('consistency between a kept checkpoint and the log (shared/proof/chain.ts)', () => {
  it('passes a chain that extends the kept checkpoint, and one with nothing after it', async () => {
    const log = chain(6);
    const r = await verifyConsistency(log[1], { from: log[1], chain: log.slice(2) }, sha256);
    assert.equal(r.ok, true, JSON.stringify(r.checks));
    assert.equal(r.forkAt, null);
    assert.equal(r.head.id, 6);
    assert.deepEqual(
      r.checks.map((c) => [c.check, c.ok]),
      [
        ['kept', true],
        ['checkpoint-hash', true],
        ['link', true],
        ['timestamp', null],
      ],
    );
    const alone = await verifyConsistency(log[5], { from: log[5], chain: [] }, sha256);
    assert.equal(alone.ok, true);
    assert.match(alone.checks[2].detail, /no checkpoint after the one kept/);
  });

  it('names the kept checkpoint when the log now holds another one in its place', async () => {
    const log = chain(5);
    const forged = rechain(
      log.map((c, i) => (i === 1 ? { ...c, root: hex('forged') } : c)),
      1,
    );
    const r = await verifyConsistency(log[2], { from: forged[2], chain: forged.slice(3) }, sha256);
    assert.equal(r.ok, false);
    assert.equal(r.forkAt, 3);
    assert.match(r.checks[0].detail, /^checkpoint 3 is not the one kept/);
  });

  it('names a checkpoint that does not match its hash, or does not link to the one before', async () => {
    const log = chain(6);
    const altered = log.map((c, i) => (i === 3 ? { ...c, count: 11 } : c));
    const r1 = await verifyConsistency(log[0], { from: log[0], chain: altered.slice(1) }, sha256);
    assert.equal(r1.forkAt, 4);
    assert.match(
      r1.checks.find((c) => c.ok === false)!.detail,
      /^checkpoint 4 does not match its hash/,
    );

    // Re-hashed but not re-linked: the next one still points at the old hash.
    const unlinked = log.map((c, i) => (i === 3 ? rechain([{ ...c, count: 11 }], 0)[0] : c));
    const r2 = await verifyConsistency(log[0], { from: log[0], chain: unlinked.slice(1) }, sha256);
    assert.equal(r2.forkAt, 5);
    assert.match(
      r2.checks.find((c) => c.check === 'link')!.detail,
      /^checkpoint 5 does not extend checkpoint 4: its previous hash is/,
    );

    // A gap in the events: a checkpoint left out of the chain, the rest re-linked around it.
    const gap = rechain([log[0], log[1], ...log.slice(3)], 2);
    const r3 = await verifyConsistency(log[0], { from: log[0], chain: gap.slice(1) }, sha256);
    assert.equal(r3.forkAt, 4);
    assert.match(
      r3.checks.find((c) => c.ok === false)!.detail,
      /events start at seq 31, not after checkpoint 2's 20/,
    );
  });

  it('says which checkpoints no token vouches for, without failing on them', async () => {
    const log = chain(3);
    const stamped = log.map((c, i) =>
      i === 0 ? { ...c, timestamps: [{ authority: 'a', genTime: c.sealedAt, token: 'AA==' }] } : c,
    );
    const unchecked = await verifyConsistency(
      stamped[0],
      { from: stamped[0], chain: stamped.slice(1) },
      sha256,
    );
    assert.equal(unchecked.ok, true);
    assert.match(unchecked.checks[3].detail, /1 stamped checkpoint\(s\) not checked here/);
    assert.match(unchecked.checks[4].detail, /^2 checkpoint\(s\) carry no token yet \(2, 3\)/);
  });
});

describe('how an evidence pack states each decision was verified (shared/proof/pack.ts)', () => {
  const base: EventContent = {
    id: 'e1',
    occurredAt: '2026-03-01T10:00:00.000Z',
    subject: hex('s'),
    action: 'granted',
    policy: 'privacy',
    version: 2,
    locale: 'kk',
    contentHash: hex('text'),
    form: 'contact',
    formRevision: 1,
    formHash: hex('form'),
    purposes: { processing: true },
    method: 'form',
    submission: null,
    evidenceHash: null,
  };
  const entry = (e: Partial<EventContent>) => ({
    event: { ...base, ...e },
    hash: hex(JSON.stringify(e)),
  });

  it('from the strength and method hashed into the entry', () => {
    assert.equal(verificationOf({ ...base, strength: 'confirmed' }, null).kind, 'confirmed');
    assert.equal(verificationOf({ ...base, strength: 'unverified' }, null).kind, 'unverified');
    assert.equal(verificationOf({ ...base, method: 'api' }, null).kind, 'server');
    assert.match(verificationOf({ ...base, method: 'admin' }, null).detail, /administrator/);
  });

  it('continued use names the notice of the same policy and edition that came before it', () => {
    const entries = [
      entry({ id: 'n1', action: 'notified', method: 'notice', version: 1 }),
      entry({ id: 'n2', action: 'notified', method: 'notice', version: 2 }),
      entry({ id: 'g1', action: 'granted', version: 2 }),
      entry({ id: 'i1', action: 'implied', method: 'continued-use', version: 2 }),
    ];
    const notice = noticeBefore(entries, 3);
    assert.deepEqual(notice, { id: 'n2', occurredAt: base.occurredAt, hash: entries[1].hash });
    const v = verificationOf(entries[3].event, notice);
    assert.equal(v.kind, 'continued-use');
    assert.match(v.detail, /after the notice of .* \(entry n2\)/);
    assert.equal(noticeBefore(entries, 0), null);
    assert.match(verificationOf(entries[3].event, null).detail, /no notice to this person/);
  });
});
