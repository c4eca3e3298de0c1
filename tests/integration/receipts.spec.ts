import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { before, describe, it } from 'node:test';
import { eventHash } from '../../server/src/domain/canonical';
import { receiptFile, verifyReceipt } from '../../client/src/verify';
import type { ReceiptEvent } from '../../shared/contracts';
import type { SealedProof } from '../../shared/proof/receipt';
import { policyWithForm } from '../helpers/fixtures';
import { http } from '../helpers/http';
import { ROOT, testApp } from '../helpers/strapi';

const run = promisify(execFile);

/** Receipts a person can check offline: GET /receipts/:id/proof and the verifiers. */
export function receiptsSpec() {
  describe('receipts a person can verify', () => {
    let event: ReceiptEvent;
    const proofOf = (id: string) => http(`/api/policy-ledger/receipts/${id}/proof`);
    const cli = async (file: object) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'receipt-'));
      const name = path.join(dir, 'receipt.json');
      fs.writeFileSync(name, JSON.stringify(file));
      try {
        const { stdout } = await run(
          process.execPath,
          ['--import', 'tsx', path.join(ROOT, 'cli/verify-receipt.ts'), name],
          { cwd: ROOT },
        );
        return { code: 0, stdout };
      } catch (e) {
        const err = e as { code: number; stdout: string };
        return { code: err.code, stdout: err.stdout };
      }
    };

    before(async () => {
      const made = await policyWithForm('receipt', 'receipt v1');
      const sent = await http(`/api/policy-ledger/forms/${made.formKey}/submissions`, {
        body: {
          locale: 'kk',
          data: { name: 'R', email: 'receipt@example.kz' },
          purposes: { processing: true },
          accepted: [{ policy: made.key, version: 1 }],
        },
      });
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
      event = sent.body.data.receipt.events[0];
    });

    it('gives the event as hashed on the receipt, and says when its proof will be ready', async () => {
      assert.equal(eventHash(event.content), event.hash);
      assert.equal(event.proof.url, `/api/policy-ledger/receipts/${event.id}/proof`);
      const pending = await proofOf(event.id);
      assert.equal(pending.status, 200);
      assert.deepEqual(pending.body.data, {
        status: 'pending',
        event: { id: event.id, hash: event.hash },
        availableAfter: event.proof.availableAfter,
      });
      assert.ok(Number(pending.headers.get('retry-after')) >= 1);
      assert.ok(Date.parse(event.proof.availableAfter) > Date.parse(event.content.occurredAt));
    });

    it('proves a sealed event, publicly and without personal data, and the proof checks out offline', async () => {
      testApp().clock.advance(120_000);
      await testApp().strapi.plugin('policy-ledger').service('integrity').seal();
      const res = await proofOf(event.id);
      assert.equal(res.status, 200);
      const proof = res.body.data as SealedProof;
      assert.equal(proof.status, 'sealed');
      assert.ok(!JSON.stringify(proof).includes(event.content.subject), 'no pseudonym');
      assert.match(res.headers.get('cache-control') ?? '', /max-age/);

      const file = receiptFile(event, proof);
      const checked = await verifyReceipt(file);
      assert.equal(checked.ok, true, JSON.stringify(checked.checks));
      assert.deepEqual(
        checked.checks.map((c) => [c.check, c.ok]),
        [
          ['event-hash', true],
          ['inclusion', true],
          ['checkpoint-hash', true],
          ['timestamp', null],
        ],
      );
      const byCli = await cli(file);
      assert.equal(byCli.code, 0, byCli.stdout);
      assert.match(byCli.stdout, /The receipt checks out/);
    });

    it('fails offline for a changed event, a wrong position or a forged checkpoint', async () => {
      const proof = (await proofOf(event.id)).body.data as SealedProof;
      const file = receiptFile(event, proof);
      const failed = async (f: typeof file) =>
        (await verifyReceipt(f)).checks.filter((c) => c.ok === false).map((c) => c.check);

      const changed = { ...file, event: { ...file.event, purposes: { processing: false } } };
      assert.deepEqual(await failed(changed), ['event-hash']);
      assert.equal((await cli(changed)).code, 1);

      const moved = { ...file, proof: { ...proof, leafIndex: proof.leafIndex + 1 } };
      assert.ok((await failed(moved)).includes('inclusion'));

      const forgedRoot = {
        ...file,
        proof: { ...proof, checkpoint: { ...proof.checkpoint, root: 'f'.repeat(64) } },
      };
      assert.deepEqual(await failed(forgedRoot), ['inclusion', 'checkpoint-hash']);
      const otherTime = {
        ...file,
        proof: {
          ...proof,
          checkpoint: { ...proof.checkpoint, sealedAt: '2020-01-01T00:00:00.000Z' },
        },
      };
      assert.deepEqual(await failed(otherTime), ['checkpoint-hash']);
    });

    it('answers 404 for an unknown event and 400 for a malformed id', async () => {
      assert.equal((await proofOf('00000000-0000-4000-8000-000000000000')).status, 404);
      const bad = await proofOf('not-an-id');
      assert.equal(bad.status, 400);
      assert.match(JSON.stringify(bad.body.error), /id/);
    });
  });
}
