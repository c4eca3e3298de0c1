import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { receiptFile } from '../../client/src/verify';
import { checkpointHash, eventHash } from '../../server/src/domain/canonical';
import { contentOfRow } from '../../server/src/db/event-row';
import { merkleRoot } from '../../server/src/domain/merkle';
import { checkpointContentOf } from '../../server/src/domain/verify';
import type { ReceiptEvent } from '../../shared/contracts';
import type { SealedProof } from '../../shared/proof/receipt';
import { policyWithForm } from '../helpers/fixtures';
import { http } from '../helpers/http';
import { ROOT, testApp } from '../helpers/strapi';
import {
  downTsaUrl,
  makeTsaPki,
  startGarbageTsa,
  startLocalTsa,
  type LocalTsa,
} from '../helpers/tsa';

const run = promisify(execFile);
const CHECKPOINTS = 'policy_ledger_checkpoints';
const EVENTS = 'policy_ledger_events';
const TIMESTAMPS = 'policy_ledger_timestamps';

interface Authority {
  name: string;
  url: string;
  trustAnchors: string;
}

/** RFC 3161 time stamps on checkpoints, with OpenSSL as the authority. */
export function timestampsSpec() {
  describe('time-stamped checkpoints (RFC 3161, a real local TSA)', () => {
    let tsa: LocalTsa;
    let formKey: string;
    let key: string;
    const knex = () => testApp().strapi.db.connection;
    const service = (name: string) => testApp().strapi.plugin('policy-ledger').service(name);
    // The app's configuration, changed at runtime as an app may (the plugin reads it per use).
    const configure = (authorities: Authority[]) => {
      testApp().strapi.config.set('plugin::policy-ledger.timestamping', { authorities });
    };
    const verify = async () => {
      const res = await http('/policy-ledger/ledger/verify', {
        admin: true,
        body: { mode: 'full', consistency: false },
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.data;
    };
    const submit = async () => {
      const res = await http(`/api/policy-ledger/forms/${formKey}/submissions`, {
        body: {
          locale: 'en',
          data: { name: 'T', email: `ts-${Date.now()}-${Math.random()}@example.kz` },
          purposes: { processing: true },
          accepted: [{ policy: key, version: 1 }],
        },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.data.receipt.events[0] as ReceiptEvent;
    };
    const seal = async () => {
      testApp().clock.advance(60_000);
      return service('integrity').seal();
    };

    before(async () => {
      tsa = await startLocalTsa();
      ({ formKey, key } = await policyWithForm('tsa', 'tsa v1'));
    });
    after(async () => {
      configure([]);
      await tsa?.close();
    });

    it('stamps each new checkpoint after the seal, and verify checks the tokens', async () => {
      configure([{ name: 'local', url: tsa.url, trustAnchors: tsa.caPem }]);
      await submit();
      const cp = await seal();
      const out = await service('timestamping').stampPending();
      assert.deepEqual(out.failed, []);
      assert.ok(out.stamped >= 1);
      const row = await knex()(TIMESTAMPS).where({ checkpoint_id: cp.id }).first();
      assert.equal(row.checkpoint_hash, cp.hash);
      assert.equal(row.authority, 'local');
      const v = await verify();
      assert.equal(v.ok, true, JSON.stringify(v.firstMismatch));
      assert.ok(v.timestamps.stamped >= 1);
      assert.deepEqual([v.timestamps.invalid, v.timestamps.overdue], [0, 0]);
      assert.deepEqual(v.timestamps.authorities, ['local']);
    });

    it('puts the token in the receipt proof, and the command-line verifier checks it', async () => {
      const event = await submit();
      await seal();
      await service('timestamping').stampPending();
      const proof = (await http(`/api/policy-ledger/receipts/${event.id}/proof`)).body
        .data as SealedProof;
      assert.equal(proof.timestamps.length, 1);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'receipt-'));
      const file = path.join(dir, 'receipt.json');
      fs.writeFileSync(file, JSON.stringify(receiptFile(event, proof)));
      const ca = path.join(dir, 'ca.pem');
      fs.writeFileSync(ca, tsa.caPem);
      const cli = (args: string[]) =>
        run(
          process.execPath,
          ['--import', 'tsx', path.join(ROOT, 'cli/verify-receipt.ts'), ...args],
          {
            cwd: ROOT,
          },
        ).then(
          (r) => ({ code: 0, out: r.stdout }),
          (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
        );
      const trusted = await cli([file, '--trust', ca]);
      assert.equal(trusted.code, 0, trusted.out);
      assert.match(trusted.out, /ok {3}timestamp: local: valid, chains to the trust anchor/);
      const other = path.join(dir, 'other.pem');
      fs.copyFileSync(path.join(makeTsaPki('Other'), 'ca.crt'), other);
      const untrusted = await cli([file, '--trust', other]);
      assert.equal(untrusted.code, 1);
      assert.match(untrusted.out, /FAIL timestamp: local: the signer does not chain/);
    });

    it('catches a rewritten ledger whose hashes and checkpoints were all recomputed', async () => {
      await submit();
      const cp = await seal();
      await service('timestamping').stampPending();
      assert.equal((await verify()).ok, true);
      const before = await knex()(CHECKPOINTS).where({ id: cp.id }).first();
      const rows = await knex()(EVENTS)
        .whereBetween('seq', [before.seq_from, before.seq_to])
        .orderBy('seq', 'asc');
      const victim = rows[rows.length - 1];
      // The forger changes a decision, recomputes its hash, the Merkle root and the checkpoint hash
      // (the last checkpoint: nothing chains to it yet).
      const forged = { ...victim, purposes: '{"processing":false}' };
      forged.hash = eventHash(contentOfRow(forged));
      await knex()(EVENTS)
        .where({ seq: victim.seq })
        .update({ purposes: forged.purposes, hash: forged.hash });
      const root = merkleRoot(rows.map((r) => (r.seq === victim.seq ? forged.hash : r.hash)));
      const content = checkpointContentOf({ ...before, root });
      await knex()(CHECKPOINTS)
        .where({ id: cp.id })
        .update({ root, hash: checkpointHash(content) });
      const v = await verify();
      assert.equal(v.ok, false);
      assert.equal(v.firstMismatch.kind, 'timestamp');
      assert.equal(v.firstMismatch.checkpoint, cp.id);
      assert.equal(v.timestamps.invalid, 1);
      await knex()(EVENTS)
        .where({ seq: victim.seq })
        .update({ purposes: victim.purposes, hash: victim.hash });
      await knex()(CHECKPOINTS)
        .where({ id: cp.id })
        .update({ root: before.root, hash: before.hash });
      assert.equal((await verify()).ok, true);
    });

    it('never blocks or corrupts sealing when the TSA is down, answers garbage or is not trusted', async () => {
      const garbage = await startGarbageTsa();
      const stranger = await startLocalTsa(makeTsaPki('Stranger'));
      try {
        for (const [authority, expected] of [
          [{ name: 'local', url: await downTsaUrl(), trustAnchors: tsa.caPem }, /unreachable/],
          [{ name: 'local', url: garbage.url, trustAnchors: tsa.caPem }, /not a TimeStampResp/],
          [{ name: 'local', url: stranger.url, trustAnchors: tsa.caPem }, /does not chain/],
        ] as const) {
          configure([authority]);
          await submit();
          const cp = await seal();
          assert.ok(cp, 'sealed whatever the TSA does');
          const out = await service('timestamping').stampPending();
          assert.equal(out.stamped, 0);
          assert.match(out.failed[0], expected);
          assert.equal(await knex()(TIMESTAMPS).where({ checkpoint_id: cp.id }).first(), undefined);
        }
        // Through the sealing job: a failing TSA does not fail it.
        testApp().clock.advance(60_000);
        await submit();
        testApp().clock.advance(60_000);
        assert.ok(await service('integrity').runSealJob());
        // Back up: the newest unstamped checkpoints get their tokens, and verify is whole again.
        configure([{ name: 'local', url: tsa.url, trustAnchors: tsa.caPem }]);
        const out = await service('timestamping').stampPending();
        assert.ok(out.stamped >= 1);
        const v = await verify();
        assert.equal(v.ok, true, JSON.stringify(v.firstMismatch));
        assert.equal(v.timestamps.overdue, 0);
      } finally {
        await garbage.close();
        await stranger.close();
      }
    });

    it('says when checkpoints stay unstamped past the grace period', async () => {
      configure([{ name: 'local', url: await downTsaUrl(), trustAnchors: tsa.caPem }]);
      await submit();
      await seal();
      await service('timestamping').stampPending();
      testApp().clock.advance(2 * 60 * 60_000); // past the 60-minute grace
      const v = await verify();
      assert.equal(v.ok, false);
      assert.equal(v.firstMismatch.kind, 'timestamp');
      assert.match(v.firstMismatch.reason, /covered by no valid time stamp/);
      assert.ok(v.timestamps.overdue >= 1);
      configure([{ name: 'local', url: tsa.url, trustAnchors: tsa.caPem }]);
      await service('timestamping').stampPending();
      assert.equal((await verify()).ok, true);
    });
  });
}
