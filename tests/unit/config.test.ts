import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import config, { configuredLocales, defaultConfig, resolveConfig } from '../../server/src/config';
import { durabilityWarning } from '../../server/src/db/durability';

/** What Strapi does with a plugin's config: lodash/fp defaultsDeep(default, host). */
const strapiMerge = (host: unknown) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fp = require('lodash/fp') as { defaultsDeep: (a: unknown, b: unknown) => unknown };
  return fp.defaultsDeep(config.default, host);
};

describe('plugin configuration', () => {
  it('has the documented defaults when the host sets nothing', () => {
    assert.deepEqual(defaultConfig, {
      effectDelayDays: 7,
      requiredLocales: null,
      fallbackLocales: {},
      subjectSecret: null,
      evidence: { ip: 'truncate' },
      retention: { evidenceDays: 30, submissionDays: 365 },
      cache: { maxAge: 300, ttl: 5 },
      fastPath: { enabled: true },
      submission: { maxBodyBytes: 65536 },
      durability: 'full',
      bodyGuard: 'plugin',
      limits: {
        enabled: true,
        perAddress: { points: 60, seconds: 60 },
        perSubject: { points: 10, seconds: 600 },
      },
      mail: {
        confirmDays: 7,
        confirmUrl: null,
        editionUrl: null,
        from: null,
        batchSize: 200,
        noticeBatchSize: 500,
      },
      timestamping: { authorities: [], timeoutMs: 10000, graceMinutes: 60 },
      purposes: {},
      jobs: {
        enabled: true,
        seal: '*/1 * * * *',
        retention: '17 3 * * *',
        mail: '*/1 * * * *',
        verify: '41 2 * * *',
        sealLagSeconds: 30,
      },
      timeZone: null,
      requests: {
        deadlines: Object.fromEntries(
          ['access', 'correction', 'erasure', 'withdrawal', 'objection'].map((t) => [
            t,
            { days: 30, count: 'calendar' },
          ]),
        ),
        weekend: [6, 0],
        holidays: [],
        dueSoonDays: 3,
      },
    });
  });

  it('checks the abuse limits and the body guard, naming the option', () => {
    assert.throws(
      () => resolveConfig({ limits: { perAddress: { points: 0, seconds: 60 } } }),
      /limits\.perAddress\.points/,
    );
    assert.throws(() => resolveConfig({ limits: { perIp: 5 } }), /limits/);
    assert.throws(() => resolveConfig({ bodyGuard: 'all' }), /bodyGuard/);
    assert.throws(
      () => resolveConfig({ mail: { confirmUrl: 'https://example.kz/confirm' } }),
      /mail\.confirmUrl: must be an http\(s\) URL containing \{token\}/,
    );
    assert.equal(
      resolveConfig({ mail: { confirmUrl: 'https://example.kz/confirm?t={token}' } }).mail
        .confirmDays,
      7,
    );
    assert.deepEqual(resolveConfig({ limits: { perSubject: { points: 3, seconds: 60 } } }).limits, {
      enabled: true,
      perAddress: { points: 60, seconds: 60 },
      perSubject: { points: 3, seconds: 60 },
    });
  });

  it('checks the time zone, the deadlines and the holidays, naming the option', () => {
    assert.throws(() => resolveConfig({ timeZone: 'Asia/Nowhere' }), /timeZone: must be an IANA/);
    assert.throws(
      () => resolveConfig({ requests: { holidays: ['2027-02-30'] } }),
      /requests\.holidays\.0: must be a calendar date/,
    );
    assert.throws(
      () => resolveConfig({ requests: { deadlines: { access: { days: 3, count: 'weekdays' } } } }),
      /requests\.deadlines\.access\.count/,
    );
    const kz = resolveConfig({
      timeZone: 'Asia/Almaty',
      requests: { deadlines: { access: { days: 3, count: 'working' } } },
    });
    assert.equal(kz.timeZone, 'Asia/Almaty');
    assert.deepEqual(kz.requests.deadlines.access, { days: 3, count: 'working' });
    assert.deepEqual(kz.requests.deadlines.erasure, { days: 30, count: 'calendar' });
  });

  it('gives Strapi no defaults to merge, so a host array replaces the default whole', () => {
    assert.deepEqual(config.default, {});
    const merged = strapiMerge({ requiredLocales: ['en'], fallbackLocales: { kk: ['ru'] } });
    const resolved = resolveConfig(merged);
    assert.deepEqual(resolved.requiredLocales, ['en']);
    assert.deepEqual(resolved.fallbackLocales, { kk: ['ru'] });
  });

  it('fills the keys a host leaves out of an option group, one by one', () => {
    const resolved = resolveConfig(strapiMerge({ jobs: { enabled: false }, cache: { ttl: 1 } }));
    assert.deepEqual(resolved.jobs, {
      enabled: false,
      seal: '*/1 * * * *',
      retention: '17 3 * * *',
      mail: '*/1 * * * *',
      verify: '41 2 * * *',
      sealLagSeconds: 30,
    });
    assert.deepEqual(resolved.cache, { maxAge: 300, ttl: 1 });
  });

  it('treats an empty subject secret (an empty .env line) as not set', () => {
    assert.equal(resolveConfig({ subjectSecret: '' }).subjectSecret, null);
    assert.equal(resolveConfig({ subjectSecret: 'x'.repeat(16) }).subjectSecret, 'x'.repeat(16));
  });

  it('refuses bad values, naming every one with its path', () => {
    const bad = {
      effectDelayDays: 1.5,
      requiredLocales: 'en',
      fallbackLocales: { en: ['not a locale'] },
      subjectSecret: 'short',
      evidence: { ip: 'keep' },
      jobs: { enabled: 'yes', seal: 'hourly', sealLag: 3 },
      cahce: {},
    };
    assert.throws(
      () => config.validator(bad),
      (e: Error) => {
        for (const path of [
          'effectDelayDays',
          'requiredLocales',
          'fallbackLocales.en.0',
          'subjectSecret',
          'evidence.ip',
          'jobs.enabled',
          'jobs.seal',
          'jobs',
          '(root)',
        ]) {
          assert.match(
            e.message,
            new RegExp(`- ${path.replace(/[.()]/g, '\\$&')}: `),
            `${path} is not named in:\n${e.message}`,
          );
        }
        assert.match(e.message, /sealLag/);
        assert.match(e.message, /cahce/);
        return true;
      },
    );
    assert.throws(() => resolveConfig({ requiredLocales: [] }), /requiredLocales/);
  });

  it('takes what a purpose declares, with defaults, and refuses bad keys and lifetimes', () => {
    assert.deepEqual(resolveConfig({ purposes: { marketing: { gpc: true } } }).purposes, {
      marketing: { renewAfterDays: null, gpc: true },
    });
    assert.throws(
      () => resolveConfig({ purposes: { 'bad key': {}, news: { renewAfterDays: 0 } } }),
      (e: Error) => {
        assert.match(e.message, /- purposes\.bad key: must be a purpose key/);
        assert.match(e.message, /- purposes\.news\.renewAfterDays: /);
        return true;
      },
    );
  });

  it('lists every locale the configuration names, with the option naming it', () => {
    assert.deepEqual(
      configuredLocales({ requiredLocales: ['kk', 'ru'], fallbackLocales: { en: ['ru'] } }),
      [
        { locale: 'kk', option: 'requiredLocales' },
        { locale: 'ru', option: 'requiredLocales' },
        { locale: 'en', option: 'fallbackLocales' },
        { locale: 'ru', option: 'fallbackLocales.en' },
      ],
    );
    assert.deepEqual(configuredLocales(defaultConfig), []);
  });
});

describe('the missing subject secret', () => {
  it('is a setup warning (development only: elsewhere Strapi refuses to boot)', async () => {
    const { subjectSecretWarning } = await import('../../server/src/services/health');
    assert.equal(subjectSecretWarning('x'.repeat(16)), null);
    assert.equal(
      subjectSecretWarning(resolveConfig({ subjectSecret: '' }).subjectSecret)?.code,
      'subject-secret-missing',
    );
  });
});

describe('durability warning (db/durability.ts)', () => {
  it('warns when commits are acknowledged before they reach the disk, naming the setting', () => {
    assert.equal(durabilityWarning({ durable: true, setting: 'synchronous=FULL' }), null);
    const w = durabilityWarning({ durable: false, setting: 'synchronous=NORMAL' });
    assert.equal(w?.code, 'not-durable');
    assert.deepEqual(w?.values, { setting: 'synchronous=NORMAL' });
    assert.match(w?.message ?? '', /power loss/);
  });

  it("defaults to durability 'full' and refuses anything but full or host", () => {
    assert.equal(resolveConfig({}).durability, 'full');
    assert.equal(resolveConfig({ durability: 'host' }).durability, 'host');
    assert.throws(() => resolveConfig({ durability: 'fast' }), /durability/);
  });
});
