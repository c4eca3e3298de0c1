import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkConsent,
  decideConsent,
  expiredPurposes,
  policyStandingOf,
  wordOn,
  wordsIn,
  expiryOf,
  type CheckEvent,
  type PolicyRule,
} from '../../server/src/domain/consent-check';
import { gpcRefused, gpcSignal } from '../../server/src/domain/gpc';
import { foldStanding } from '../../server/src/domain/standing';

const at = (day: number) => new Date(Date.UTC(2027, 0, 1 + day)).toISOString();
const ev = (over: Partial<CheckEvent> & Pick<CheckEvent, 'action'>): CheckEvent => ({
  policy: 'privacy',
  version: 1,
  locale: 'kk',
  purposes: {},
  occurredAt: at(0),
  ...over,
});
const NO_LIFETIME = { renewAfterDays: null };
const now = new Date(at(10));
const opts = { policy: null, minStrength: 'unverified' as const, now, timeZone: 'UTC' };

describe('may the app use the data for a purpose (domain/consent-check.ts)', () => {
  it('allows a grant, with its instant, and refuses a purpose never granted', () => {
    const events = [ev({ action: 'granted', purposes: { marketing: true }, occurredAt: at(2) })];
    assert.deepEqual(checkConsent(events, 'marketing', NO_LIFETIME, opts), {
      allowed: true,
      reason: 'granted',
      acceptedVersion: 1,
      since: at(2),
      expiresAt: null,
    });
    assert.equal(checkConsent(events, 'profiling', NO_LIFETIME, opts).reason, 'not-granted');
    assert.equal(checkConsent([], 'marketing', NO_LIFETIME, opts).allowed, false);
  });

  it('takes the latest word: withdrawn, denied, or a form that left it unticked', () => {
    const granted = ev({ action: 'granted', purposes: { marketing: true } });
    const cases: Array<[CheckEvent, string]> = [
      [ev({ action: 'withdrawn', purposes: { marketing: false }, occurredAt: at(3) }), 'withdrawn'],
      [ev({ action: 'denied', purposes: { marketing: false }, occurredAt: at(3) }), 'denied'],
      [ev({ action: 'granted', purposes: { marketing: false }, occurredAt: at(3) }), 'denied'],
    ];
    for (const [later, reason] of cases) {
      const r = checkConsent([granted, later], 'marketing', NO_LIFETIME, opts);
      assert.equal(r.allowed, false);
      assert.equal(r.reason, reason);
      assert.equal(r.since, at(3));
    }
    // Granted again after a withdrawal: allowed.
    const again = ev({ action: 'granted', purposes: { marketing: true }, occurredAt: at(4) });
    assert.equal(
      checkConsent([granted, cases[0][0], again], 'marketing', NO_LIFETIME, opts).allowed,
      true,
    );
  });

  it('does not let an implied acceptance or a notice renew a purpose', () => {
    const events = [
      ev({ action: 'granted', purposes: { marketing: true }, occurredAt: at(0) }),
      ev({ action: 'implied', version: 2, purposes: { marketing: true }, occurredAt: at(9) }),
      ev({ action: 'notified', version: 2, occurredAt: at(9) }),
    ];
    const r = checkConsent(events, 'marketing', { renewAfterDays: 5 }, opts);
    assert.equal(r.reason, 'expired');
    assert.equal(r.since, at(0));
    assert.equal(r.expiresAt, at(5));
  });

  it('expires a grant at the start of the day renewAfterDays after its day, in the plugin zone', () => {
    const events = [ev({ action: 'granted', purposes: { marketing: true }, occurredAt: at(0) })];
    const rule = { renewAfterDays: 10 };
    const check = (iso: string) =>
      checkConsent(events, 'marketing', rule, { ...opts, now: new Date(iso) });
    assert.equal(check(new Date(Date.parse(at(10)) - 1).toISOString()).allowed, true);
    assert.equal(check(at(10)).reason, 'expired');
    assert.equal(check(at(10)).expiresAt, at(10));
    assert.deepEqual(expiredPurposes(events, { marketing: rule, news: rule }, now, 'UTC'), [
      'marketing',
    ]);
    assert.deepEqual(expiredPurposes(events, { marketing: NO_LIFETIME }, now, 'UTC'), []);
    // Granted at 23:30 in Almaty (UTC+5) on 2027-01-10: that day counts as day 0.
    assert.equal(
      expiryOf('2027-01-10T18:30:00.000Z', 1, 'Asia/Almaty'),
      '2027-01-10T19:00:00.000Z',
    );
    assert.equal(expiryOf('2027-01-10T18:30:00.000Z', 1, 'UTC'), '2027-01-11T00:00:00.000Z');
  });

  it('refuses an unverified grant when a confirmed one is required; a server-recorded grant counts as confirmed', () => {
    const grant = (strength?: 'confirmed' | 'unverified') => [
      ev({ action: 'granted', purposes: { marketing: true }, ...(strength ? { strength } : {}) }),
    ];
    const strict = { ...opts, minStrength: 'confirmed' as const };
    assert.equal(
      checkConsent(grant('unverified'), 'marketing', NO_LIFETIME, strict).reason,
      'unverified',
    );
    assert.equal(checkConsent(grant('confirmed'), 'marketing', NO_LIFETIME, strict).allowed, true);
    assert.equal(checkConsent(grant(), 'marketing', NO_LIFETIME, strict).allowed, true);
    assert.equal(checkConsent(grant('unverified'), 'marketing', NO_LIFETIME, opts).allowed, true);
  });

  it('with a policy, requires its edition in force to stand accepted (continued use counts)', () => {
    const editions = [
      { version: 1, changeKind: 'editorial', effectiveAt: new Date(at(0)), cancelledAt: null },
      { version: 2, changeKind: 'editorial', effectiveAt: new Date(at(5)), cancelledAt: null },
    ];
    const policy = (changeKind: string): PolicyRule => ({
      key: 'privacy',
      current: { ...editions[1], changeKind },
      editions: [editions[0], { ...editions[1], changeKind }],
    });
    const granted = ev({ action: 'granted', purposes: { marketing: true } });
    const withPolicy = (p: PolicyRule, events: CheckEvent[]) =>
      checkConsent(events, 'marketing', NO_LIFETIME, { ...opts, policy: p });
    assert.equal(withPolicy(policy('editorial'), [granted]).allowed, true);
    assert.equal(withPolicy(policy('editorial'), [granted]).acceptedVersion, 1);
    assert.equal(withPolicy(policy('reconsent'), [granted]).reason, 'policy-reconsent-required');
    const other = ev({ action: 'granted', policy: 'terms', purposes: { marketing: true } });
    assert.equal(withPolicy(policy('editorial'), [other]).reason, 'policy-not-accepted');
    const denied = ev({ action: 'denied', version: 2, occurredAt: at(6) });
    assert.equal(withPolicy(policy('editorial'), [granted, denied]).reason, 'policy-denied');
  });
});

describe('a check from folded states (what the sealing job keeps) and the events since', () => {
  it('answers as the whole history does, wherever the fold stopped', () => {
    const editions = [
      { version: 1, changeKind: 'editorial', effectiveAt: new Date(at(0)), cancelledAt: null },
      { version: 2, changeKind: 'reconsent', effectiveAt: new Date(at(4)), cancelledAt: null },
    ];
    const policy: PolicyRule = { key: 'privacy', current: editions[1], editions };
    const history: CheckEvent[] = [
      ev({ action: 'granted', purposes: { marketing: true, ads: false }, strength: 'unverified' }),
      ev({ action: 'granted', policy: 'terms', purposes: { marketing: true }, occurredAt: at(1) }),
      ev({ action: 'notified', version: 2, occurredAt: at(2) }),
      ev({ action: 'implied', version: 2, purposes: { marketing: true }, occurredAt: at(3) }),
      ev({ action: 'withdrawn', purposes: { ads: false }, occurredAt: at(4) }),
      ev({ action: 'denied', version: 2, purposes: { marketing: false }, occurredAt: at(5) }),
      ev({
        action: 'granted',
        version: 2,
        purposes: { marketing: true },
        occurredAt: at(6),
        strength: 'confirmed',
      }),
      ev({
        action: 'withdrawn',
        policy: 'terms',
        purposes: { marketing: false },
        occurredAt: at(7),
      }),
    ];
    const variants = [
      { ...opts, now: new Date(at(9)) },
      { ...opts, now: new Date(at(9)), policy, minStrength: 'confirmed' as const },
    ];
    for (let n = 1; n <= history.length; n++) {
      const events = history.slice(0, n);
      for (let cut = 0; cut <= n; cut++) {
        const [folded, since] = [events.slice(0, cut), events.slice(cut)];
        const words = wordsIn(folded.filter((e) => e.action !== 'notified'));
        const standing = policyStandingOf(
          foldStanding(folded.filter((e) => e.policy === 'privacy')),
        );
        for (const purpose of ['marketing', 'ads', 'never'])
          for (const o of variants) {
            const rule = { renewAfterDays: purpose === 'marketing' ? 5 : null };
            const whole = checkConsent(events, purpose, rule, o);
            const word = wordOn(since, purpose, words.get(purpose) ?? null);
            const resumed = policyStandingOf(
              foldStanding(
                since.filter((e) => e.policy === 'privacy'),
                { ...standing, purposes: {} },
              ),
            );
            assert.deepEqual(
              decideConsent(word, o.policy ? resumed : null, rule, o),
              whole,
              `${n} events folded up to ${cut}, ${purpose}, policy ${o.policy ? 'on' : 'off'}`,
            );
          }
      }
    }
  });
});

describe('Global Privacy Control (domain/gpc.ts)', () => {
  it('records the signal, acknowledged or not, and nothing without it', () => {
    assert.equal(gpcSignal(false, true), undefined);
    assert.equal(gpcSignal(true, false), 'on');
    assert.equal(gpcSignal(true, true), 'acknowledged');
  });

  it('refuses a grant of a purpose GPC applies to, unless acknowledged', () => {
    const applies = (p: string) => p === 'marketing' || p === 'sharing';
    const purposes = { processing: true, marketing: true, sharing: true, profiling: false };
    assert.deepEqual(gpcRefused(purposes, applies, true, false), ['marketing', 'sharing']);
    assert.deepEqual(gpcRefused(purposes, applies, true, true), []);
    assert.deepEqual(gpcRefused(purposes, applies, false, false), []);
    assert.deepEqual(gpcRefused({ marketing: false }, applies, true, false), []);
  });
});
