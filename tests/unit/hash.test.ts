import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { contentHash, sha256Hex } from '../../server/src/domain/hash';

// Expected values are fixed: the NIST FIPS 180-2 test vectors, and for the
// non-ASCII strings the output of `printf '…' | sha256sum` (coreutils), which
// hashes the UTF-8 bytes of the literal.
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const NIST_448 = '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1';
const KAZAKH_TITLE = 'c8f96b53f711fa3424c25c12b5fee10cbc9008554a7f25b221dcb340632245b2'; // 'Құпиялылық саясаты'
const KAZAKH_TITLE_NL = '0a820c9cb27b2abcf18c75e2f2e2e3c0bddccfe89438325669a4c2b74cffe92e'; // + '\n'
const BODY_LF = 'ee66f5983387982a529f3ba9bfd384f2fcf2629e3e33327fab732a6cd482825e';
const BODY_CRLF = 'd6065a9229343516609b9c5a6aa92067e48bb2ad4a1e3deb8e2f85794d62f7dc';
const SHORT_I_NFC = '15f2ccabeb425c29c67317f181d744944e9c477d09fb42aacdbb4f64e1afcc3f'; // 'й' U+0439
const SHORT_I_NFD = 'fac89f4380cd5552ace6945b16adf37c5e750f211d09a2e5409a47f5f129d15f'; // 'и' U+0438 + U+0306
const E_ACUTE_NFC = '4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c'; // 'é' U+00E9
const E_ACUTE_NFD = 'bf12767b0f2a56b2190075bae8169f656e3ce8d6357d4aff184bc6c7ea48f9f6'; // 'e' + U+0301
const LOCK_EMOJI = '6ae1d2ee2e9592ea2e665661450a09fed95f7652324c4801c47aafe618daf96f'; // U+1F512 (surrogate pair in JS)

const BODY = '# Құпиялылық саясаты\n\nЖеке деректер — personal data.\n';

describe('contentHash', () => {
  it('matches the known SHA-256 of the empty string', () => {
    assert.equal(contentHash(''), EMPTY);
  });

  it('matches the NIST test vectors', () => {
    assert.equal(contentHash('abc'), ABC);
    assert.equal(contentHash('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'), NIST_448);
  });

  it('matches the known SHA-256 of a Kazakh string (UTF-8 bytes)', () => {
    assert.equal(contentHash('Құпиялылық саясаты'), KAZAKH_TITLE);
  });

  it('matches the known SHA-256 of a multi-line Markdown body', () => {
    assert.equal(contentHash(BODY), BODY_LF);
  });

  it('is 64 lowercase hex characters', () => {
    for (const s of ['', 'abc', BODY, '🔒']) {
      assert.match(contentHash(s), /^[0-9a-f]{64}$/);
    }
  });

  it('is deterministic', () => {
    assert.equal(contentHash(BODY), contentHash(BODY));
    assert.equal(contentHash(BODY.slice()), BODY_LF);
  });

  it('changes with a trailing newline (no trimming)', () => {
    assert.equal(contentHash('Құпиялылық саясаты\n'), KAZAKH_TITLE_NL);
    assert.notEqual(KAZAKH_TITLE_NL, KAZAKH_TITLE);
    assert.notEqual(contentHash(' Құпиялылық саясаты'), KAZAKH_TITLE);
  });

  it('changes with CRLF vs LF line endings (no newline normalisation)', () => {
    const crlf = BODY.replace(/\n/g, '\r\n');
    assert.equal(contentHash(crlf), BODY_CRLF);
    assert.notEqual(contentHash(crlf), contentHash(BODY));
  });

  it('differs for NFC and NFD forms of the same text (no Unicode normalisation)', () => {
    const nfc = 'й'.normalize('NFC');
    const nfd = 'й'.normalize('NFD');
    assert.notEqual(nfc, nfd); // sanity: the inputs really differ
    assert.equal(contentHash(nfc), SHORT_I_NFC);
    assert.equal(contentHash(nfd), SHORT_I_NFD);
    assert.equal(contentHash('\u00e9'), E_ACUTE_NFC);
    assert.equal(contentHash('e\u0301'), E_ACUTE_NFD);
  });

  it('hashes UTF-8, not UTF-16 or Latin-1', () => {
    assert.equal(contentHash('🔒'), LOCK_EMOJI);
    assert.notEqual(contentHash('\u00e9'), sha256Hex(Buffer.from('\u00e9', 'latin1')));
    assert.notEqual(contentHash('\u00e9'), sha256Hex(Buffer.from('\u00e9', 'utf16le')));
    assert.equal(contentHash(BODY), sha256Hex(Buffer.from(BODY, 'utf8')));
  });

  it('does not strip a byte-order mark', () => {
    assert.notEqual(contentHash('\ufeff' + 'abc'), ABC);
  });
});

describe('sha256Hex', () => {
  it('gives the same digest for a string and its UTF-8 Buffer', () => {
    assert.equal(sha256Hex('Құпиялылық саясаты'), KAZAKH_TITLE);
    assert.equal(sha256Hex(Buffer.from('Құпиялылық саясаты', 'utf8')), KAZAKH_TITLE);
  });

  it('hashes raw bytes as given', () => {
    assert.equal(sha256Hex(Buffer.alloc(0)), EMPTY);
    assert.equal(sha256Hex(Buffer.from([0x61, 0x62, 0x63])), ABC);
  });
});
