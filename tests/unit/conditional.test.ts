import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ifNoneMatchHits } from '../../server/src/domain/conditional';

describe('ifNoneMatchHits (RFC 9110 §13.1.2)', () => {
  const etag = '"abc-1"';
  it('matches the same entity tag', () => assert.equal(ifNoneMatchHits('"abc-1"', etag), true));
  it('matches one of a list, with spaces', () =>
    assert.equal(ifNoneMatchHits('"x", "abc-1" ,"y"', etag), true));
  it('compares weakly (W/ prefix ignored)', () =>
    assert.equal(ifNoneMatchHits('W/"abc-1"', etag), true));
  it('matches *', () => assert.equal(ifNoneMatchHits('*', etag), true));
  it('does not match another tag, a missing header or an unquoted value', () => {
    assert.equal(ifNoneMatchHits('"abc-2"', etag), false);
    assert.equal(ifNoneMatchHits(undefined, etag), false);
    assert.equal(ifNoneMatchHits('', etag), false);
    assert.equal(ifNoneMatchHits('abc-1', etag), false);
  });
});
