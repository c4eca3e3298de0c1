import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';

import { processIp } from '../../server/src/domain/ip';

const SECRET = 'test-secret-0123456789';
const V6 = '2001:db8:85a3:8d3:1319:8a2e:370:7348';

describe('processIp: truncate', () => {
  it('keeps the /24 of an IPv4 address', () => {
    assert.equal(processIp('203.0.113.77', 'truncate', SECRET), '203.0.113.0');
    assert.equal(processIp('10.1.2.255', 'truncate', SECRET), '10.1.2.0');
  });

  it('unwraps an IPv4-mapped IPv6 address before truncating', () => {
    assert.equal(processIp('::ffff:203.0.113.77', 'truncate', SECRET), '203.0.113.0');
  });

  it('keeps the /48 of a full IPv6 address', () => {
    assert.equal(processIp(V6, 'truncate', SECRET), '2001:db8:85a3::');
  });

  it('gives the same result for two hosts of the same network', () => {
    assert.equal(
      processIp('203.0.113.1', 'truncate', SECRET),
      processIp('203.0.113.200', 'truncate', SECRET),
    );
    assert.equal(
      processIp(V6, 'truncate', SECRET),
      processIp('2001:db8:85a3:ffff:0:0:0:1', 'truncate', SECRET),
    );
  });

  it('does not contain the host part', () => {
    const out = processIp(V6, 'truncate', SECRET);
    assert.ok(out !== null);
    for (const group of ['8d3', '1319', '8a2e', '370', '7348'])
      assert.ok(!out.includes(group), `${out} leaks ${group}`);
    assert.ok(!processIp('203.0.113.77', 'truncate', SECRET)?.includes('77'));
  });
});

describe('processIp: full', () => {
  it('keeps an IPv4 address as is', () => {
    assert.equal(processIp('203.0.113.77', 'full', SECRET), '203.0.113.77');
  });

  it('drops the ::ffff: prefix of an IPv4-mapped address', () => {
    assert.equal(processIp('::ffff:203.0.113.77', 'full', SECRET), '203.0.113.77');
  });

  it('keeps an IPv6 address as is', () => {
    assert.equal(processIp(V6, 'full', SECRET), V6);
  });
});

describe('processIp: none', () => {
  it('stores nothing', () => {
    assert.equal(processIp('203.0.113.77', 'none', SECRET), null);
    assert.equal(processIp(V6, 'none', SECRET), null);
  });
});

describe('processIp: hash', () => {
  it('gives 32 lowercase hex characters', () => {
    for (const ip of ['203.0.113.77', V6])
      assert.match(processIp(ip, 'hash', SECRET) ?? '', /^[0-9a-f]{32}$/);
  });

  it('is the first half of HMAC-SHA-256(secret, "ip:" + address)', () => {
    const expected = createHmac('sha256', SECRET)
      .update('ip:203.0.113.77')
      .digest('hex')
      .slice(0, 32);
    assert.equal(processIp('203.0.113.77', 'hash', SECRET), expected);
  });

  it('gives the same output for the same input', () => {
    assert.equal(
      processIp('203.0.113.77', 'hash', SECRET),
      processIp('203.0.113.77', 'hash', SECRET),
    );
  });

  it('treats an IPv4-mapped address as the IPv4 address', () => {
    assert.equal(
      processIp('::ffff:203.0.113.77', 'hash', SECRET),
      processIp('203.0.113.77', 'hash', SECRET),
    );
  });

  it('differs for a different address', () => {
    assert.notEqual(
      processIp('203.0.113.78', 'hash', SECRET),
      processIp('203.0.113.77', 'hash', SECRET),
    );
  });

  it('differs for a different secret', () => {
    assert.notEqual(
      processIp('203.0.113.77', 'hash', 'another-secret-9876'),
      processIp('203.0.113.77', 'hash', SECRET),
    );
  });

  it('does not contain the address', () => {
    assert.ok(!processIp('203.0.113.77', 'hash', SECRET)?.includes('203'));
  });
});

describe('processIp: no address', () => {
  it('returns null for a null or empty address, in every mode', () => {
    for (const mode of ['truncate', 'hash', 'full', 'none'] as const) {
      assert.equal(processIp(null, mode, SECRET), null, mode);
      assert.equal(processIp('', mode, SECRET), null, mode);
    }
  });
});

describe('processIp: truncate, shortened and unusual forms (regressions)', () => {
  const t = (ip: string) => processIp(ip, 'truncate', 'secret');
  it('expands "::" before keeping the /48', () => {
    assert.equal(t('2001:db8::8a2e:370:7348'), '2001:db8:0::');
    assert.equal(t('2001::abcd:ef01:2345:6789'), '2001:0:0::');
    assert.equal(t('::1'), '0:0:0::');
  });
  it('drops a zone id and handles an embedded IPv4 tail', () => {
    assert.equal(t('fe80::1%eth0'), 'fe80:0:0::');
    assert.equal(t('64:ff9b::203.0.113.77'), '64:ff9b:0::');
  });
  it('unwraps an upper-case IPv4-mapped prefix', () =>
    assert.equal(t('::FFFF:203.0.113.77'), '203.0.113.0'));
  it('stores nothing for text that is not an address', () => assert.equal(t('not-an-ip'), null));
});
