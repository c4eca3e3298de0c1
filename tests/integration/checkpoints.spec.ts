import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { receiptFile } from '../../client/src/verify';
import { checkpointHash } from '../../server/src/domain/canonical';
import { checkpointContentOf } from '../../server/src/domain/verify';
import { checkToken } from '../../server/src/timestamping/token';
import type {
  CheckpointPage,
  ConsistencyProof,
  EvidencePack,
  LogCheckpoint,
  ReceiptEvent,
} from '../../shared/contracts';
import type { SealedProof } from '../../shared/proof/receipt';
import { checkpointCanonical } from '../../shared/proof/canonical';
import {
  checkpointContent,
  verifyConsistency,
  type CheckpointTokenVerifier,
} from '../../shared/proof/chain';
import type { Sha256 } from '../../shared/proof/merkle';
import { policyWithForm } from '../helpers/fixtures';
import { http } from '../helpers/http';
import { ROOT, testApp } from '../helpers/strapi';
import { startLocalTsa, type LocalTsa } from '../helpers/tsa';

const run = promisify(execFile);
const CHECKPOINTS = 'policy_ledger_checkpoints';
/** Its own authority name: the time-stamps spec checks tokens of its own authority against its own CA. */
const AUTHORITY = 'log-tsa';

const sha256: Sha256 = async (b) => new Uint8Array(createHash('sha256').update(b).digest());

/** The public checkpoint log, consistency between two heads, and the witness command. */
export function checkpointsSpec() {
  describe('public checkpoint log, consistency proofs and the witness (a real local TSA)', () => {
    let tsa: LocalTsa;
    let formKey: string;
    let key: string;
    let dir: string;
    /** The receipt event of the latest `sealedCheckpoint()`. */
    let lastEvent: ReceiptEvent;
    const knex = () => testApp().strapi.db.connection;
    const service = (name: string) => testApp().strapi.plugin('policy-ledger').service(name);
    const configure = (authorities: Array<{ name: string; url: string; trustAnchors: string }>) =>
      testApp().strapi.config.set('plugin::policy-ledger.timestamping', { authorities });
    const tokens: CheckpointTokenVerifier = async (t, cp) => {
      const r = await checkToken(
        new Uint8Array(Buffer.from(t.token, 'base64')),
        new TextEncoder().encode(checkpointCanonical(checkpointContent(cp))),
        tsa.caPem,
      );
      return { ok: r.ok, detail: r.detail };
    };
    const submit = async (email: string) => {
      const res = await http(`/api/policy-ledger/forms/${formKey}/submissions`, {
        body: {
          locale: 'en',
          data: { name: 'W', email },
          purposes: { processing: true },
          accepted: [{ policy: key, version: 1 }],
        },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res;
    };
    /** One decision recorded, sealed into a checkpoint of its own, and time-stamped. */
    const sealedCheckpoint = async (email = `log-${Date.now()}-${Math.random()}@example.kz`) => {
      const res = await submit(email);
      testApp().clock.advance(60_000);
      const cp = await service('integrity').seal();
      assert.ok(cp, 'sealed');
      const stamped = await service('timestamping').stampPending();
      assert.deepEqual(stamped.failed, []);
      lastEvent = res.body.data.receipt.events[0] as ReceiptEvent;
      return cp as { id: number; hash: string };
    };
    const head = async () => {
      const res = await http('/api/policy-ledger/checkpoints/head');
      assert.equal(res.status, 200);
      return res.body.data as LogCheckpoint;
    };
    const consistency = async (from: string) => {
      const res = await http(`/api/policy-ledger/checkpoints/consistency?from=${from}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.data as ConsistencyProof;
    };
    /**
     * A forger's rewrite: checkpoint `id` changed (as if an event in it had
     * been altered: another root), its hash and every later checkpoint's
     * previous hash and hash recomputed, so the chain is whole again. Returns
     * the undo.
     */
    const rewrite = async (id: number) => {
      const rows = await knex()(CHECKPOINTS).where('id', '>=', id).orderBy('id', 'asc');
      let prev: string | null = null;
      for (const row of rows) {
        const changed = {
          ...row,
          root: row.id === id ? createHash('sha256').update('forged').digest('hex') : row.root,
          prev_hash: row.id === id ? row.prev_hash : prev,
        };
        const hash = checkpointHash(checkpointContentOf(changed));
        await knex()(CHECKPOINTS)
          .where({ id: row.id })
          .update({ root: changed.root, prev_hash: changed.prev_hash, hash });
        prev = hash;
      }
      return async () => {
        for (const row of rows)
          await knex()(CHECKPOINTS)
            .where({ id: row.id })
            .update({ root: row.root, prev_hash: row.prev_hash, hash: row.hash });
      };
    };
    const cli = (script: string, args: string[]) =>
      run(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(ROOT, 'cli', script),
          ...args,
          '--trust',
          path.join(dir, 'ca.pem'),
        ],
        { cwd: ROOT },
      ).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string; stderr: string }) => ({
          code: e.code,
          out: e.stdout + e.stderr,
        }),
      );

    const witness = (state: string) => cli('witness.ts', [testApp().url, '--state', state]);

    before(async () => {
      tsa = await startLocalTsa();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'witness-'));
      fs.writeFileSync(path.join(dir, 'ca.pem'), tsa.caPem);
      ({ formKey, key } = await policyWithForm('log', 'log v1'));
      configure([{ name: AUTHORITY, url: tsa.url, trustAnchors: tsa.caPem }]);
    });
    after(async () => {
      configure([]);
      await tsa?.close();
    });

    it('pages the log oldest first, names bad paging in a 400, and caches by ETag', async () => {
      for (let i = 0; i < 3; i++) await sealedCheckpoint();
      const first = await http('/api/policy-ledger/checkpoints?limit=2');
      assert.equal(first.status, 200);
      const page = first.body.data as CheckpointPage;
      assert.equal(page.checkpoints.length, 2);
      assert.equal(page.next, page.checkpoints[1].id);
      assert.ok(page.checkpoints[0].id < page.checkpoints[1].id);
      // A full page before the head only gains tokens: an hour, revalidated by ETag.
      assert.equal(first.headers.get('cache-control'), 'public, max-age=3600');
      const etag = first.headers.get('etag') as string;
      assert.ok(etag);
      const again = await http('/api/policy-ledger/checkpoints?limit=2', {
        headers: { 'if-none-match': etag },
      });
      assert.equal(again.status, 304);
      // Walk to the end: every checkpoint once, in order, the last one the head.
      const all: LogCheckpoint[] = [];
      let after: number | null = null;
      let last = first;
      do {
        last = await http(
          `/api/policy-ledger/checkpoints?limit=2${after === null ? '' : `&after=${after}`}`,
        );
        const p = last.body.data as CheckpointPage;
        all.push(...p.checkpoints);
        after = p.next;
      } while (after !== null);
      assert.equal(last.headers.get('cache-control'), 'public, max-age=30');
      assert.deepEqual(
        all.map((c) => c.id),
        [...all.map((c) => c.id)].sort((a, b) => a - b),
      );
      assert.equal(new Set(all.map((c) => c.id)).size, all.length);
      const h = await head();
      assert.deepEqual(all[all.length - 1], h);
      assert.equal(h.timestamps.length, 1);
      assert.equal(h.timestamps[0].authority, AUTHORITY);
      assert.equal(checkpointHash(checkpointContent(h)), h.hash);
      // Nothing personal: hashes, ranges, times and tokens only.
      assert.deepEqual(Object.keys(h).sort(), [
        'count',
        'hash',
        'id',
        'prevHash',
        'root',
        'sealedAt',
        'seqFrom',
        'seqTo',
        'timestamps',
      ]);
      for (const [query, field] of [
        ['limit=0', 'limit'],
        ['limit=1001', 'limit'],
        ['after=x', 'after'],
      ]) {
        const bad = await http(`/api/policy-ledger/checkpoints?${query}`);
        assert.equal(bad.status, 400, query);
        assert.match(JSON.stringify(bad.body.error), new RegExp(field));
      }
    });

    it('proves across three seals that the head extends a kept checkpoint, and names one rewritten in between', async () => {
      const kept = await head();
      const made = [];
      for (let i = 0; i < 3; i++) made.push(await sealedCheckpoint());
      const proof = await consistency(kept.hash);
      assert.equal(proof.from.id, kept.id);
      assert.deepEqual(
        proof.chain.map((c) => c.id),
        made.map((c) => c.id),
      );
      const good = await verifyConsistency(kept, proof, sha256, tokens);
      assert.equal(good.ok, true, JSON.stringify(good.checks));
      assert.equal(good.forkAt, null);
      assert.match(good.checks.find((c) => c.check === 'timestamp')?.detail ?? '', /^4 token/);

      // The middle one rewritten and everything after it re-chained: the hash chain is whole again,
      // but the tokens stamped the old hash.
      const middle = made[1].id;
      const undo = await rewrite(middle);
      try {
        const forged = await consistency(kept.hash);
        const bad = await verifyConsistency(kept, forged, sha256, tokens);
        assert.equal(bad.ok, false);
        assert.equal(bad.forkAt, middle);
        const failed = bad.checks.find((c) => c.ok === false);
        assert.equal(failed?.check, 'timestamp');
        assert.match(failed?.detail ?? '', new RegExp(`^checkpoint ${middle}:`));
        // Whoever kept a checkpoint after the rewritten one no longer finds it: 404, naming it.
        const gone = await http(`/api/policy-ledger/checkpoints/consistency?from=${made[2].hash}`);
        assert.equal(gone.status, 404);
        assert.match(gone.body.error.message, new RegExp(made[2].hash));
      } finally {
        await undo();
      }
      assert.equal(
        (await verifyConsistency(kept, await consistency(kept.hash), sha256, tokens)).ok,
        true,
      );
      const bad = await http('/api/policy-ledger/checkpoints/consistency?from=nothex');
      assert.equal(bad.status, 400);
      assert.match(JSON.stringify(bad.body.error), /from/);
    });

    it("checks that a receipt sealed earlier is still part of today's ledger (verify-receipt --site)", async () => {
      await sealedCheckpoint();
      const event = lastEvent;
      const own = await head();
      await sealedCheckpoint();
      await sealedCheckpoint();
      const proof = (await http(`/api/policy-ledger/receipts/${event.id}/proof`)).body
        .data as SealedProof;
      assert.equal(proof.checkpoint.hash, own.hash);
      const file = path.join(dir, 'receipt.json');
      fs.writeFileSync(file, JSON.stringify(receiptFile(event, proof)));
      const today = await cli('verify-receipt.ts', [file, '--site', testApp().url]);
      assert.equal(today.code, 0, today.out);
      assert.match(today.out, /^ok {3}same-ledger link: each of the 2 checkpoint\(s\) after/m);
      assert.match(today.out, /^ok {3}same-ledger: .* still extends the receipt's checkpoint$/m);
      const undo = await rewrite(own.id);
      try {
        const rewritten = await cli('verify-receipt.ts', [file, '--site', testApp().url]);
        assert.equal(rewritten.code, 1, rewritten.out);
        assert.match(rewritten.out, /^ok {3}inclusion: /m);
        assert.match(
          rewritten.out,
          /^FAIL same-ledger: .* no longer holds the receipt's checkpoint/m,
        );
      } finally {
        await undo();
      }
    });

    it('builds an evidence pack of one person that verifies offline, and fails when any text, entry or proof in it is altered', async () => {
      const email = `pack-${Date.now()}@example.kz`;
      await sealedCheckpoint(email);
      await sealedCheckpoint();
      await submit(email);
      testApp().clock.advance(60_000);
      await service('integrity').seal();
      await service('timestamping').stampPending();
      await submit(email); // not sealed yet
      const res = await http(
        `/policy-ledger/subjects/evidence-pack?identifier=${encodeURIComponent(email)}`,
        { admin: true },
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.match(
        res.headers.get('content-disposition') ?? '',
        /^attachment; filename="evidence-[0-9a-f]{12}-/,
      );
      const pack = res.body as EvidencePack;
      assert.equal(pack.format, 'policy-ledger-evidence/1');
      assert.equal(pack.decisions.length, 3);
      assert.deepEqual(
        pack.decisions.map((d) => [
          d.proof.status,
          d.verification.kind,
          d.event.purposes.processing,
        ]),
        [
          ['sealed', 'unverified', true],
          ['sealed', 'unverified', true],
          ['pending', 'unverified', true],
        ],
      );
      assert.equal(pack.texts.length, 1);
      assert.equal(pack.record.schema, 'ISO/IEC TS 27560:2023');
      assert.deepEqual(
        pack.record.events.map((e) => e.eventType),
        ['given', 'given', 'given'],
      );
      assert.equal(pack.access.submissions.length, 3, 'what the access export holds');
      const audit = await knex()('policy_ledger_audit')
        .where({ action: 'subject.exported', target: pack.subject })
        .orderBy('seq', 'desc')
        .first();
      assert.match(audit.details, /evidence-pack/);

      const file = path.join(dir, 'pack.json');
      const check = async (p: EvidencePack) => {
        fs.writeFileSync(file, JSON.stringify(p));
        return cli('verify-receipt.ts', [file]);
      };
      const good = await check(pack);
      assert.equal(good.code, 0, good.out);
      for (const line of [
        /^ok {3}decision-hash: 3 entries match their hashes$/m,
        /^ok {3}verification: confirmed 0, unverified 3, by the operator 0, continued use 0$/m,
        /^ok {3}text: 3 decision\(s\) made on 1 text\(s\) in the pack, each the very text recorded$/m,
        /^ok {3}inclusion: 2 sealed entries are in 2 checkpoint\(s\)$/m,
        /^-- {3}pending: 1 entry is not sealed yet: no proof$/m,
        /^ok {3}timestamp: \d+ token\(s\) on \d+ checkpoint\(s\) stamp them$/m,
        /^ok {3}chain: every proof's checkpoint is on the chain to the head/m,
        /^The evidence pack checks out\.$/m,
      ])
        assert.match(good.out, line);

      const copy = () => JSON.parse(JSON.stringify(pack)) as EvidencePack;
      const text = copy();
      text.texts[0].body += ' ';
      const t = await check(text);
      assert.equal(t.code, 1);
      assert.match(
        t.out,
        /^FAIL text: .* edition 1 \(en\): the text in the pack is not the one entry/m,
      );
      const event = copy();
      event.decisions[1].event.purposes.processing = false;
      const e = await check(event);
      assert.equal(e.code, 1);
      assert.match(
        e.out,
        new RegExp(
          `^FAIL decision-hash: entry ${pack.decisions[1].event.id} \\(seq \\d+\\) does not match its hash`,
          'm',
        ),
      );
      const proof = copy();
      const sealed = proof.decisions[0].proof as SealedProof;
      sealed.leafIndex = sealed.leafIndex === 0 ? 1 : 0;
      const p = await check(proof);
      assert.equal(p.code, 1);
      assert.match(
        p.out,
        new RegExp(`^FAIL inclusion: entry ${pack.decisions[0].event.id}: `, 'm'),
      );
    });

    it('the witness keeps the head, follows new seals, and exits 1 naming a rewritten checkpoint', async () => {
      const state = path.join(dir, 'witness.json');
      const firstRun = await witness(state);
      assert.equal(firstRun.code, 0, firstRun.out);
      assert.match(firstRun.out, /^OK .* head \d+ [0-9a-f]{64}, \d+ new checkpoint\(s\)$/m);
      const seen = JSON.parse(fs.readFileSync(state, 'utf8'));
      assert.equal(seen.head.hash, (await head()).hash);

      const made = [await sealedCheckpoint(), await sealedCheckpoint()];
      const second = await witness(state);
      assert.equal(second.code, 0, second.out);
      assert.match(second.out, /, 2 new checkpoint\(s\)$/m);
      assert.match(second.out, /^ok {3}timestamp: 3 token\(s\) on 3 checkpoint\(s\) stamp them$/m);
      const kept = fs.readFileSync(state, 'utf8');
      assert.equal(JSON.parse(kept).head.id, made[1].id);

      // A checkpoint the witness saw is rewritten and everything after it re-chained.
      const undo = await rewrite(made[0].id);
      try {
        const third = await witness(state);
        assert.equal(third.code, 1, third.out);
        assert.match(
          third.out,
          new RegExp(`^FAIL kept: checkpoint ${made[0].id} was rewritten`, 'm'),
        );
        assert.match(third.out, /^FORK /m);
        assert.equal(fs.readFileSync(state, 'utf8'), kept, 'the state is kept as evidence');
      } finally {
        await undo();
      }
      const fourth = await witness(state);
      assert.equal(fourth.code, 0, fourth.out);
      assert.match(fourth.out, /, 0 new checkpoint\(s\)$/m);
    });
  });
}
