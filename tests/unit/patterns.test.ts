import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { calendarDateMs, isCalendarDate, KEY, KEY_CHARS } from '../../server/src/domain/patterns';

describe('patterns: keys and calendar dates, written once', () => {
  it('takes a key of 1 to 64 URL-safe characters, and nothing else', () => {
    for (const ok of ['privacy', 'a', 'cookies-2026', 'x_y.z~1', 'A'.repeat(64)])
      assert.ok(KEY.test(ok), ok);
    for (const bad of ['', 'a b', 'a/b', 'ключ', 'a?', 'A'.repeat(65)])
      assert.ok(!KEY.test(bad), bad);
    // The fast path builds its route patterns from the fragment: the same keys.
    const route = new RegExp(`^/forms/(${KEY_CHARS})/submissions$`);
    assert.deepEqual(route.exec('/forms/contact/submissions')?.[1], 'contact');
    assert.equal(route.exec(`/forms/${'A'.repeat(65)}/submissions`), null);
  });

  it('takes a calendar date only when it exists', () => {
    assert.equal(calendarDateMs('2027-01-31'), Date.UTC(2027, 0, 31));
    assert.ok(isCalendarDate('2028-02-29'));
    for (const bad of ['2027-02-29', '2027-13-01', '2027-1-1', '2027-01-31T00:00:00Z', 'soon'])
      assert.ok(!isCalendarDate(bad), bad);
  });
});
