/**
 * The countdown to a scheduled edition (admin/src/utils/countdown.ts): its wording at
 * each unit's boundary, and which edition takes effect next.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createIntl } from 'react-intl';

import { countdownText, nextScheduledAt, scheduledAt } from '../../admin/src/utils/countdown';
import en from '../../admin/src/translations/en.json';
import ru from '../../admin/src/translations/ru.json';
import type { EditionState } from '../../shared/contracts';

const SECOND = 1000;
const MIN = 60 * SECOND;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** The messages as registerTrads registers them: prefixed with the plugin id. */
const intl = (locale: string, messages: Record<string, string> = {}) =>
  createIntl({
    locale,
    messages: Object.fromEntries(
      Object.entries(messages).map(([k, v]) => [`policy-ledger.${k}`, v]),
    ),
    onError: () => {},
  });

const { formatMessage } = intl('en', en);
const text = (ms: number) => countdownText(ms, formatMessage);

describe('admin: countdown wording', () => {
  it('says "now" once the instant is reached or passed', () => {
    assert.equal(text(0), 'takes effect now');
    assert.equal(text(-1), 'takes effect now');
    assert.equal(text(-3 * DAY), 'takes effect now');
  });

  it('never says "0 min" before the instant: under a minute left is 1 min', () => {
    assert.equal(text(1), 'takes effect in 1 min');
    assert.equal(text(30 * SECOND), 'takes effect in 1 min');
    assert.equal(text(MIN), 'takes effect in 1 min');
    assert.equal(text(MIN + 1), 'takes effect in 2 min');
  });

  it('counts minutes up to the hour, rounding up', () => {
    assert.equal(text(59 * MIN), 'takes effect in 59 min');
    // 59 min 30 s rounds up to a whole hour: hours and minutes from then on.
    assert.equal(text(59 * MIN + 30 * SECOND), 'takes effect in 1 h 0 min');
    assert.equal(text(HOUR - 1), 'takes effect in 1 h 0 min');
    assert.equal(text(HOUR), 'takes effect in 1 h 0 min');
    assert.equal(text(HOUR + 1), 'takes effect in 1 h 1 min');
  });

  it('counts hours and minutes up to the day', () => {
    assert.equal(text(5 * HOUR + 12 * MIN), 'takes effect in 5 h 12 min');
    assert.equal(text(23 * HOUR + 59 * MIN), 'takes effect in 23 h 59 min');
    assert.equal(text(DAY - 1), 'takes effect in 1 d 0 h');
    assert.equal(text(DAY), 'takes effect in 1 d 0 h');
  });

  it('counts days and hours from a day on, leaving the minutes out', () => {
    assert.equal(text(DAY + 59 * MIN), 'takes effect in 1 d 0 h');
    assert.equal(text(DAY + HOUR), 'takes effect in 1 d 1 h');
    assert.equal(text(6 * DAY + 23 * HOUR + 59 * MIN), 'takes effect in 6 d 23 h');
    assert.equal(text(400 * DAY), 'takes effect in 400 d 0 h');
  });

  it('uses the translated message, and the English default without one', () => {
    const russian = countdownText(3 * DAY + 4 * HOUR, intl('ru', ru).formatMessage);
    assert.notEqual(russian, 'takes effect in 3 d 4 h');
    assert.match(russian, /3/);
    assert.match(russian, /4/);
    assert.notEqual(countdownText(0, intl('ru', ru).formatMessage), 'takes effect now');
    assert.equal(countdownText(2 * HOUR, intl('de').formatMessage), 'takes effect in 2 h 0 min');
  });
});

const edition = (state: EditionState, effectiveAt: string | null) => ({ state, effectiveAt });
const at = (iso: string) => new Date(iso).getTime();

describe('admin: when a scheduled edition takes effect', () => {
  it('gives the instant of a scheduled edition, in ms', () => {
    assert.equal(
      scheduledAt(edition('scheduled', '2031-03-02T10:00:00.000Z')),
      at('2031-03-02T10:00:00.000Z'),
    );
    // An offset is honoured: the same instant.
    assert.equal(
      scheduledAt(edition('scheduled', '2031-03-02T15:00:00+05:00')),
      at('2031-03-02T10:00:00.000Z'),
    );
  });

  it('gives null for every other state, even with an effective date', () => {
    for (const state of ['draft', 'in-force', 'superseded', 'cancelled'] as const)
      assert.equal(scheduledAt(edition(state, '2031-03-02T10:00:00.000Z')), null, state);
  });

  it('gives null for a scheduled edition without a usable date', () => {
    assert.equal(scheduledAt(edition('scheduled', null)), null);
    assert.equal(scheduledAt(edition('scheduled', '')), null);
    assert.equal(scheduledAt(edition('scheduled', 'next Tuesday')), null);
  });
});

describe('admin: the next scheduled edition', () => {
  it('is null without editions, or without a scheduled one', () => {
    assert.equal(nextScheduledAt([]), null);
    assert.equal(
      nextScheduledAt([
        edition('in-force', '2031-01-01T00:00:00.000Z'),
        edition('draft', null),
        edition('scheduled', null),
        edition('scheduled', 'soon'),
      ]),
      null,
    );
  });

  it('is the earliest scheduled one, in whatever order the editions come', () => {
    const editions = [
      edition('scheduled', '2031-05-01T00:00:00.000Z'),
      edition('cancelled', '2031-03-01T00:00:00.000Z'),
      edition('scheduled', '2031-04-01T00:00:00.000Z'),
      edition('scheduled', 'not a date'),
      edition('superseded', '2030-01-01T00:00:00.000Z'),
    ];
    const expected = at('2031-04-01T00:00:00.000Z');
    assert.equal(nextScheduledAt(editions), expected);
    assert.equal(nextScheduledAt([...editions].reverse()), expected);
    for (let shift = 1; shift < editions.length; shift++) {
      const rotated = [...editions.slice(shift), ...editions.slice(0, shift)];
      assert.equal(nextScheduledAt(rotated), expected, `rotated by ${shift}`);
    }
  });

  it('takes one instant for editions scheduled at the same time', () => {
    const same = '2031-04-01T00:00:00.000Z';
    assert.equal(
      nextScheduledAt([edition('scheduled', same), edition('scheduled', same)]),
      at(same),
    );
  });

  it('keeps a scheduled instant already passed (the job has not moved it in force yet)', () => {
    assert.equal(
      nextScheduledAt([
        edition('scheduled', '2031-04-01T00:00:00.000Z'),
        edition('scheduled', '2020-01-01T00:00:00.000Z'),
      ]),
      at('2020-01-01T00:00:00.000Z'),
    );
  });
});
