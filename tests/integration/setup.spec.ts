import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { defaultConfig } from '../../server/src/config';
import { JOBS, scheduleJobs } from '../../server/src/jobs';
import { http } from '../helpers/http';
import { testApp } from '../helpers/strapi';
import {
  createEdition,
  createForm,
  createPolicy,
  released,
  textsFor,
  uniqueKey,
} from '../helpers/fixtures';

const CHECKPOINTS = 'policy_ledger_checkpoints';

/** What a stock host app gets by default: the jobs run, sealing reports how it stands. Runs last: it moves the clock far ahead. */
export function setupSpec() {
  describe("a host app's defaults: jobs and sealing health", () => {
    let policyKey: string;
    let formKey: string;
    const T0 = new Date('2040-01-10T09:00:00.000Z');
    const integrity = () => testApp().strapi.plugin('policy-ledger').service('integrity');
    const checkpoints = async () =>
      Number(
        (
          (await testApp().strapi.db.connection(CHECKPOINTS).count({ c: '*' }).first()) as {
            c: number | string;
          }
        ).c,
      );
    const submit = (email: string) =>
      http(`/api/policy-ledger/forms/${formKey}/submissions`, {
        body: {
          locale: 'ru',
          data: { name: 'Setup', email },
          purposes: { processing: true },
          accepted: [{ policy: policyKey, version: 1 }],
        },
      });
    const sealStatus = async () => {
      const res = await http('/policy-ledger/ledger/seal-status', { admin: true });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.data;
    };
    const warnings = async () => {
      const res = await http('/policy-ledger/health', { admin: true });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return (res.body.data.warnings as Array<{ code: string }>).map((w) => w.code);
    };

    before(async () => {
      testApp().clock.set(T0);
      policyKey = uniqueKey('setup');
      const policy = await createPolicy(policyKey, { effectDelayDays: 0 });
      await released(await createEdition(policy.documentId, textsFor('setup v1')));
      formKey = uniqueKey('setup-form');
      await createForm(formKey, [policy.documentId]);
      // Everything earlier specs appended is sealed: this spec starts from an empty backlog.
      testApp().clock.advance(60_000);
      await integrity().seal();
    });

    it("schedules its jobs whatever the app's server.cron.enabled says, behind its own jobs.enabled", async () => {
      const { strapi, clock } = testApp();
      assert.equal(
        strapi.config.get('server.cron.enabled'),
        false,
        "the demo's server config is a stock one: Strapi's cron flag is off",
      );
      const ours = () =>
        (strapi.cron.jobs as Array<{ name?: string | null }>)
          .map((j) => j.name ?? '')
          .filter((n) => n.startsWith('policyLedger'))
          .sort();
      assert.deepEqual(ours(), [], 'jobs.enabled is false in this suite (it runs the jobs itself)');

      // jobs.enabled: true (the default), with rules that never fire during the run: the test fires the seal job itself.
      scheduleJobs(strapi, {
        ...defaultConfig.jobs,
        enabled: true,
        seal: '0 0 1 1 *',
        retention: '0 0 1 1 *',
        mail: '0 0 1 1 *',
      });
      try {
        assert.deepEqual(ours(), [JOBS.mail, JOBS.retention, JOBS.seal, JOBS.verify].sort());
        assert.equal((await submit('scheduled@example.com')).status, 201);
        clock.advance(60_000); // past the sealing lag
        const before = await checkpoints();
        const job = (
          strapi.cron.jobs as Array<{ name?: string | null; job: { invoke(): Promise<unknown> } }>
        ).find((j) => j.name === JOBS.seal);
        await job?.job.invoke();
        assert.equal(
          await checkpoints(),
          before + 1,
          'the scheduled seal task sealed a checkpoint',
        );
        assert.equal((await sealStatus()).unsealed, 0);
      } finally {
        strapi.cron.remove(JOBS.seal);
        strapi.cron.remove(JOBS.retention);
        strapi.cron.remove(JOBS.verify);
        strapi.cron.remove(JOBS.mail);
      }
      assert.deepEqual(ours(), []);
    });

    it('shows unsealed events and the age of the oldest, off on this instance, behind once overdue', async () => {
      const { clock } = testApp();
      const start = clock.now();
      assert.equal((await submit('first@example.com')).status, 201);
      clock.advance(5_000);
      assert.equal((await submit('second@example.com')).status, 201);

      let s = await sealStatus();
      assert.equal(s.status, 'off', 'jobs.enabled is false here');
      assert.equal(s.unsealed, 2);
      assert.equal(s.oldestUnsealedAt, start.toISOString());
      assert.equal(s.oldestUnsealedAgeSeconds, 5);
      assert.deepEqual(s.jobs, {
        enabled: false,
        seal: '*/1 * * * *',
        sealLagSeconds: 30,
        periodSeconds: 60,
      });
      assert.equal(s.overdueAfterSeconds, 30 + 120 + 60);
      assert.deepEqual(await warnings(), ['sealing-off', 'timestamping-off']);

      clock.advance(10 * 60_000);
      s = await sealStatus();
      assert.equal(s.status, 'behind');
      assert.equal(s.oldestUnsealedAgeSeconds, 605);
      assert.deepEqual(await warnings(), ['sealing-behind', 'timestamping-off']);

      await integrity().seal();
      s = await sealStatus();
      assert.equal(s.unsealed, 0);
      assert.equal(s.oldestUnsealedAgeSeconds, null);
      assert.equal(s.status, 'off');
      assert.ok(s.latestCheckpoint.seqTo > 0);
    });

    it('names, at boot and in the admin, a configured locale the app does not have', async () => {
      const { strapi } = testApp();
      const locales = strapi.db.query('plugin::i18n.locale');
      const en = (await locales.findOne({ where: { code: 'en' } })) as { id: number };
      // The demo configures fallbackLocales.en; for a moment the app has no "en".
      await locales.update({ where: { id: en.id }, data: { code: 'en-ZZ' } });
      const logged: string[] = [];
      const { warn, info } = strapi.log;
      try {
        const unknown = (
          await (
            await http('/policy-ledger/health', { admin: true })
          ).body.data.warnings
        ).filter((w: { code: string }) => w.code === 'unknown-locale');
        assert.deepEqual(
          unknown.map((w: { values: unknown }) => w.values),
          [{ locale: 'en', option: 'fallbackLocales' }],
        );
        assert.match(
          unknown[0].message,
          /Locale "en" \(fallbackLocales\) is not a locale of this app/,
        );

        strapi.log.warn = ((m: string) => void logged.push(`warn ${m}`)) as unknown as typeof warn;
        strapi.log.info = ((m: string) => void logged.push(`info ${m}`)) as unknown as typeof info;
        await strapi.plugin('policy-ledger').service('health').logReport();
      } finally {
        strapi.log.warn = warn;
        strapi.log.info = info;
        await locales.update({ where: { id: en.id }, data: { code: 'en' } });
      }
      assert.ok(
        logged.some((l) =>
          /^info \[policy-ledger\] sealing: OFF on this instance; \d+ unsealed event/.test(l),
        ),
        logged.join('\n'),
      );
      assert.ok(
        logged.includes('info [policy-ledger] locales: editions need kk, ru (requiredLocales)'),
        logged.join('\n'),
      );
      assert.ok(
        logged.some((l) => l.startsWith('warn [policy-ledger] Sealing is off on this instance')),
        logged.join('\n'),
      );
      assert.ok(
        logged.some((l) =>
          l.startsWith(
            'warn [policy-ledger] Locale "en" (fallbackLocales) is not a locale of this app',
          ),
        ),
        logged.join('\n'),
      );
      const after = (await (
        await http('/policy-ledger/health', { admin: true })
      ).body.data.warnings) as Array<{ code: string }>;
      assert.deepEqual(
        after.map((w) => w.code),
        ['sealing-off', 'timestamping-off'],
      );
    });

    it('keeps both routes behind the admin login', async () => {
      assert.equal((await http('/policy-ledger/ledger/seal-status')).status, 401);
      assert.equal((await http('/policy-ledger/health')).status, 401);
    });
  });
}
