import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import {
  canonicalJson,
  checkpointHash,
  eventCanonical,
  eventHash,
  type CheckpointContent,
} from '../../server/src/domain/canonical';
import type { EventContent } from '../../shared/contracts';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('canonicalJson', () => {
  it('writes scalars as JSON does', () => {
    assert.equal(canonicalJson(null), 'null');
    assert.equal(canonicalJson(true), 'true');
    assert.equal(canonicalJson(0), '0');
    assert.equal(canonicalJson(-1.5), '-1.5');
    assert.equal(canonicalJson('a"b\\c\n'), '"a\\"b\\\\c\\n"');
  });

  it('sorts object keys', () => {
    assert.equal(canonicalJson({ b: 1, a: 2, c: 3 }), '{"a":2,"b":1,"c":3}');
  });

  it('sorts keys recursively, inside nested objects and objects in arrays', () => {
    const value = { z: { y: 1, x: { b: 2, a: 1 } }, a: [{ d: 1, c: 2 }] };
    assert.equal(canonicalJson(value), '{"a":[{"c":2,"d":1}],"z":{"x":{"a":1,"b":2},"y":1}}');
  });

  it('gives the same text whatever the key insertion order', () => {
    const one = { alpha: 1, beta: { gamma: true, delta: null }, epsilon: [1, 2] };
    const two = { epsilon: [1, 2], beta: { delta: null, gamma: true }, alpha: 1 };
    assert.equal(canonicalJson(one), canonicalJson(two));
  });

  it('sorts keys by code unit, not by locale (uppercase before lowercase)', () => {
    assert.equal(canonicalJson({ b: 1, B: 2, a: 3, A: 4 }), '{"A":4,"B":2,"a":3,"b":1}');
  });

  it('has no whitespace', () => {
    assert.doesNotMatch(canonicalJson({ a: [1, { b: 2 }], c: 'x' }), /\s/);
  });

  it('drops undefined values in objects but keeps null', () => {
    assert.equal(canonicalJson({ a: undefined, b: null, c: 1 }), '{"b":null,"c":1}');
    assert.equal(canonicalJson({ a: undefined }), '{}');
  });

  it('keeps the order of arrays', () => {
    assert.equal(canonicalJson([3, 1, 2]), '[3,1,2]');
    assert.notEqual(canonicalJson(['b', 'a']), canonicalJson(['a', 'b']));
  });

  it('writes undefined in arrays as null', () => {
    assert.equal(canonicalJson([1, undefined, 3]), '[1,null,3]');
  });

  it('writes Dates as ISO strings, also when nested', () => {
    const when = new Date('2025-01-02T03:04:05.678Z');
    assert.equal(canonicalJson(when), '"2025-01-02T03:04:05.678Z"');
    assert.equal(
      canonicalJson({ at: when, list: [when] }),
      '{"at":"2025-01-02T03:04:05.678Z","list":["2025-01-02T03:04:05.678Z"]}',
    );
  });

  it('refuses NaN and infinities, also when nested', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      assert.throws(() => canonicalJson(bad), TypeError);
      assert.throws(() => canonicalJson({ a: { b: bad } }), TypeError);
      assert.throws(() => canonicalJson([1, bad]), TypeError);
    }
  });

  it('round-trips Unicode (Kazakh) text through JSON.parse', () => {
    const value = {
      title: 'Құпиялылық саясаты',
      items: ['Жеке деректер', 'ғ қ ң ө ұ ү һ і ә'],
      кілт: '🔒',
    };
    const text = canonicalJson(value);
    assert.deepEqual(JSON.parse(text), value);
    assert.ok(
      text.includes('Құпиялылық саясаты'),
      'non-ASCII text is written as is, not \\u-escaped',
    );
  });

  it('produces text that JSON.parse reads back to the same value', () => {
    const value = {
      n: 1,
      s: 'x',
      b: false,
      z: null,
      arr: [1, 'two', { three: 3 }],
      o: { p: { q: [] } },
    };
    assert.deepEqual(JSON.parse(canonicalJson(value)), value);
  });
});

const SAMPLE: EventContent = {
  id: '0b0d3f0e-6f0a-4c39-9a4b-1d2c3e4f5a6b',
  occurredAt: '2025-03-01T10:00:00.000Z',
  subject: 'a'.repeat(64),
  action: 'granted',
  policy: 'privacy',
  version: 3,
  locale: 'kk',
  contentHash: 'c'.repeat(64),
  form: 'contact',
  formRevision: 2,
  formHash: 'f'.repeat(64),
  purposes: { marketing: true, analytics: false },
  method: 'form',
  submission: 's'.repeat(64),
  evidenceHash: 'e'.repeat(64),
};

/** A different value of the same type for each kind of field. */
function changed(value: unknown): unknown {
  if (typeof value === 'string') return `${value}x`;
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  if (value && typeof value === 'object') return { ...(value as object), extra: true };
  throw new Error(`no change defined for ${String(value)}`);
}

describe('eventHash', () => {
  const base = eventHash(SAMPLE);

  it('is 64 lowercase hex characters and deterministic', () => {
    assert.match(base, /^[0-9a-f]{64}$/);
    assert.equal(eventHash({ ...SAMPLE, purposes: { ...SAMPLE.purposes } }), base);
  });

  it('equals the SHA-256 of the canonical JSON including v: 1', () => {
    const expected = sha256(canonicalJson({ v: 1, ...SAMPLE }));
    assert.equal(base, expected);
    // v is part of the commitment: without it (or with another v) the hash differs.
    assert.notEqual(base, sha256(canonicalJson(SAMPLE)));
    assert.notEqual(base, sha256(canonicalJson({ v: 2, ...SAMPLE })));
  });

  it('equals the SHA-256 of a hand-written canonical text', () => {
    const text =
      '{"action":"granted","contentHash":"' +
      'c'.repeat(64) +
      '","evidenceHash":"' +
      'e'.repeat(64) +
      '",' +
      '"form":"contact","formHash":"' +
      'f'.repeat(64) +
      '","formRevision":2,"id":"0b0d3f0e-6f0a-4c39-9a4b-1d2c3e4f5a6b",' +
      '"locale":"kk","method":"form","occurredAt":"2025-03-01T10:00:00.000Z","policy":"privacy",' +
      '"purposes":{"analytics":false,"marketing":true},"subject":"' +
      'a'.repeat(64) +
      '",' +
      '"submission":"' +
      's'.repeat(64) +
      '","v":1,"version":3}';
    assert.equal(base, sha256(text));
  });

  it('does not depend on the key order of the purposes object', () => {
    const reordered: EventContent = { ...SAMPLE, purposes: { analytics: false, marketing: true } };
    assert.deepEqual(Object.keys(reordered.purposes), ['analytics', 'marketing']);
    assert.equal(eventHash(reordered), base);
  });

  it('does not depend on the key order of the event object', () => {
    const reversed = Object.fromEntries(
      Object.entries(SAMPLE).reverse(),
    ) as unknown as EventContent;
    assert.equal(eventHash(reversed), base);
  });

  it('changes when any field changes', () => {
    const keys = Object.keys(SAMPLE) as (keyof EventContent)[];
    assert.equal(keys.length, 15, 'the sample covers every field of EventContent');
    const seen = new Set<string>([base]);
    for (const key of keys) {
      const mutated = { ...SAMPLE, [key]: changed(SAMPLE[key]) } as EventContent;
      const h = eventHash(mutated);
      assert.notEqual(h, base, `changing ${key} must change the hash`);
      assert.ok(!seen.has(h), `changing ${key} gave a hash already seen`);
      seen.add(h);
    }
  });

  it('changes when a nullable field becomes null', () => {
    const nullable = [
      'locale',
      'contentHash',
      'form',
      'formRevision',
      'formHash',
      'submission',
      'evidenceHash',
    ] as const;
    for (const key of nullable) {
      assert.notEqual(
        eventHash({ ...SAMPLE, [key]: null }),
        base,
        `setting ${key} to null must change the hash`,
      );
    }
  });

  it('changes when a purpose flips, is added or is removed', () => {
    assert.notEqual(
      eventHash({ ...SAMPLE, purposes: { marketing: false, analytics: false } }),
      base,
    );
    assert.notEqual(
      eventHash({ ...SAMPLE, purposes: { marketing: true, analytics: false, profiling: false } }),
      base,
    );
    assert.notEqual(eventHash({ ...SAMPLE, purposes: { marketing: true } }), base);
  });

  it('distinguishes the action and the method values', () => {
    const actions = ['granted', 'denied', 'withdrawn', 'implied'] as const;
    const methods = ['form', 'api', 'continued-use', 'admin'] as const;
    assert.equal(
      new Set(actions.map((action) => eventHash({ ...SAMPLE, action }))).size,
      actions.length,
    );
    assert.equal(
      new Set(methods.map((method) => eventHash({ ...SAMPLE, method }))).size,
      methods.length,
    );
  });

  it('does not confuse the number 3 with the string "3"', () => {
    assert.notEqual(eventHash({ ...SAMPLE, version: '3' as unknown as number }), base);
  });
});

const CHECKPOINT: CheckpointContent = {
  seqFrom: 1,
  seqTo: 10,
  count: 10,
  root: 'ab'.repeat(32),
  prevHash: 'cd'.repeat(32),
  sealedAt: '2025-03-01T12:00:00.000Z',
};

describe('checkpointHash', () => {
  const base = checkpointHash(CHECKPOINT);

  it('is 64 lowercase hex characters and deterministic', () => {
    assert.match(base, /^[0-9a-f]{64}$/);
    assert.equal(checkpointHash({ ...CHECKPOINT }), base);
  });

  it('equals the SHA-256 of the canonical JSON including v: 1', () => {
    const text =
      '{"count":10,"prevHash":"' +
      'cd'.repeat(32) +
      '","root":"' +
      'ab'.repeat(32) +
      '",' +
      '"sealedAt":"2025-03-01T12:00:00.000Z","seqFrom":1,"seqTo":10,"v":1}';
    assert.equal(canonicalJson({ v: 1, ...CHECKPOINT }), text);
    assert.equal(base, sha256(text));
  });

  it('does not depend on key order', () => {
    const reversed = Object.fromEntries(
      Object.entries(CHECKPOINT).reverse(),
    ) as unknown as CheckpointContent;
    assert.equal(checkpointHash(reversed), base);
  });

  it('changes when any field changes', () => {
    const keys = Object.keys(CHECKPOINT) as (keyof CheckpointContent)[];
    assert.equal(keys.length, 6, 'the sample covers every field of CheckpointContent');
    const seen = new Set<string>([base]);
    for (const key of keys) {
      const h = checkpointHash({
        ...CHECKPOINT,
        [key]: changed(CHECKPOINT[key]),
      } as CheckpointContent);
      assert.notEqual(h, base, `changing ${key} must change the hash`);
      assert.ok(!seen.has(h), `changing ${key} gave a hash already seen`);
      seen.add(h);
    }
  });

  it('changes when prevHash becomes null (first checkpoint)', () => {
    assert.notEqual(checkpointHash({ ...CHECKPOINT, prevHash: null }), base);
  });

  it('is not simply the root or the previous hash', () => {
    assert.notEqual(base, CHECKPOINT.root);
    assert.notEqual(base, CHECKPOINT.prevHash);
  });
});

describe('eventCanonical (the fast serializer) writes exactly what canonicalJson writes', () => {
  it('for events of every shape', () => {
    const base: EventContent = {
      id: 'e1',
      occurredAt: '2026-11-22T04:00:00.000Z',
      subject: 'ab'.repeat(32),
      action: 'granted',
      policy: 'privacy',
      version: 2,
      locale: 'kk',
      contentHash: 'c'.repeat(64),
      form: 'contact',
      formRevision: 3,
      formHash: 'd'.repeat(64),
      purposes: { processing: true, marketing: false, 'ä"\\': true },
      method: 'form',
      submission: 's1',
      evidenceHash: null,
    };
    const variants: EventContent[] = [
      base,
      {
        ...base,
        form: null,
        formRevision: null,
        formHash: null,
        locale: null,
        contentHash: null,
        submission: null,
        purposes: {},
      },
      { ...base, action: 'withdrawn', method: 'api', subject: 'Қ"\n\u2028', version: 0 },
    ];
    for (const e of variants) {
      assert.equal(eventCanonical(e), canonicalJson({ v: 1, ...e }));
      assert.equal(
        eventHash(e),
        createHash('sha256')
          .update(canonicalJson({ v: 1, ...e }), 'utf8')
          .digest('hex'),
      );
    }
  });
});
