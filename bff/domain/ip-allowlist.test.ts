import { describe, it, expect } from 'vitest';
import { IP_RESTRICTED_MESSAGE, ipAllowed, isValidAllowlistEntry } from './ip-allowlist';
import { normalizeIp, rateLimitKeyForIp, resolveClientIp } from './ip-allowlist';

describe('ipAllowed', () => {
  it('an empty list allows everyone, even without a known IP', () => {
    expect(ipAllowed('203.0.113.7', [])).toBe(true);
    expect(ipAllowed('2001:db8::1', [])).toBe(true);
    expect(ipAllowed(undefined, [])).toBe(true);
    expect(ipAllowed('not an ip', [])).toBe(true);
  });

  it('a single IPv4 entry admits exactly that address', () => {
    const list = ['203.0.113.7'];
    expect(ipAllowed('203.0.113.7', list)).toBe(true);
    expect(ipAllowed('203.0.113.8', list)).toBe(false);
    expect(ipAllowed('203.0.113.6', list)).toBe(false);
  });

  it('a single IPv6 entry admits that address in any notation', () => {
    const list = ['2001:db8::1'];
    expect(ipAllowed('2001:db8::1', list)).toBe(true);
    expect(ipAllowed('2001:0db8:0000:0000:0000:0000:0000:0001', list)).toBe(true);
    expect(ipAllowed('2001:db8::2', list)).toBe(false);
  });

  it('an IPv4 CIDR admits its range and nothing around it', () => {
    const list = ['10.20.0.0/16'];
    expect(ipAllowed('10.20.0.0', list)).toBe(true);
    expect(ipAllowed('10.20.255.255', list)).toBe(true);
    expect(ipAllowed('10.21.0.0', list)).toBe(false);
    expect(ipAllowed('10.19.255.255', list)).toBe(false);
  });

  it('an IPv4 CIDR of /32 and /0', () => {
    expect(ipAllowed('192.0.2.1', ['192.0.2.1/32'])).toBe(true);
    expect(ipAllowed('192.0.2.2', ['192.0.2.1/32'])).toBe(false);
    expect(ipAllowed('198.51.100.99', ['0.0.0.0/0'])).toBe(true);
    expect(ipAllowed('2001:db8::1', ['0.0.0.0/0'])).toBe(false); // a v4 range never admits a plain v6 address
  });

  it('an IPv6 CIDR admits its range and nothing around it', () => {
    const list = ['2001:db8:abcd::/48'];
    expect(ipAllowed('2001:db8:abcd:12::1', list)).toBe(true);
    expect(ipAllowed('2001:db8:abcd:ffff:ffff:ffff:ffff:ffff', list)).toBe(true);
    expect(ipAllowed('2001:db8:abce::1', list)).toBe(false);
    expect(ipAllowed('10.0.0.1', list)).toBe(false);
  });

  it('an IPv4-mapped IPv6 client address counts as its IPv4 address', () => {
    expect(ipAllowed('::ffff:10.1.2.3', ['10.0.0.0/8'])).toBe(true);
    expect(ipAllowed('::ffff:10.1.2.3', ['10.1.2.3'])).toBe(true);
    expect(ipAllowed('::ffff:11.1.2.3', ['10.0.0.0/8'])).toBe(false);
  });

  it('an IPv4-mapped IPv6 single entry admits the IPv4 client', () => {
    expect(ipAllowed('10.1.2.3', ['::ffff:10.1.2.3'])).toBe(true);
    expect(ipAllowed('10.1.2.4', ['::ffff:10.1.2.3'])).toBe(false);
  });

  it('a missing or unparsable client IP is denied when the list is not empty', () => {
    const list = ['0.0.0.0/0', '::/0'];
    expect(ipAllowed(undefined, list)).toBe(false);
    expect(ipAllowed('', list)).toBe(false);
    expect(ipAllowed('garbage', list)).toBe(false);
    expect(ipAllowed('10.0.0.0/8', list)).toBe(false); // a range is not an address
    expect(ipAllowed('999.1.1.1', list)).toBe(false);
  });

  it('invalid entries are ignored, valid ones still apply', () => {
    const list = ['not-an-ip', '10.0.0.0/33', '300.1.1.1', '', '192.0.2.0/24'];
    expect(ipAllowed('192.0.2.55', list)).toBe(true);
    expect(ipAllowed('10.0.0.1', list)).toBe(false);
  });

  it('a list of only invalid entries admits nobody (it is not treated as empty)', () => {
    expect(ipAllowed('192.0.2.55', ['garbage', '1.2.3.4/99'])).toBe(false);
  });

  it('entries may carry surrounding spaces (the seed lists IPs separated by commas)', () => {
    expect(ipAllowed('192.0.2.1', [' 192.0.2.1 '])).toBe(true);
    expect(ipAllowed('198.51.100.9', [' 198.51.100.0/24 '])).toBe(true);
  });

  it('any matching entry is enough', () => {
    const list = ['192.0.2.1', '2001:db8::/32', '10.0.0.0/8'];
    expect(ipAllowed('10.9.9.9', list)).toBe(true);
    expect(ipAllowed('2001:db8:1::5', list)).toBe(true);
    expect(ipAllowed('172.16.0.1', list)).toBe(false);
  });

  it('a zero-padded entry never admits the host an octal reading would give', () => {
    // An administrator typing 192.168.001.010 means 192.168.1.10; ipaddr.js's loose parser reads
    // "010" as octal 8, so the list would admit 192.168.1.8, a host nobody listed.
    expect(ipAllowed('192.168.1.8', ['192.168.001.010'])).toBe(false);
  });
});

describe('isValidAllowlistEntry', () => {
  it.each(['192.0.2.1', '10.0.0.0/8', '0.0.0.0/0', '2001:db8::1', '2001:db8::/32', '::/0', '::ffff:10.1.2.3', ' 192.0.2.1 '])(
    'accepts %j',
    (entry) => {
      expect(isValidAllowlistEntry(entry)).toBe(true);
    },
  );

  it.each(['', 'garbage', '10.0.0.0/33', '2001:db8::/129', '256.0.0.1', '10.0.0.0/', '/8', '10.0.0.0/8/8', '1.2.3.4, 5.6.7.8'])(
    'rejects %j',
    (entry) => {
      expect(isValidAllowlistEntry(entry)).toBe(false);
    },
  );

  it('agrees with ipAllowed: a valid single-IP entry admits that IP, an invalid entry admits nothing', () => {
    for (const entry of ['192.0.2.1', '2001:db8::1']) {
      expect(isValidAllowlistEntry(entry)).toBe(true);
      expect(ipAllowed(entry, [entry])).toBe(true);
    }
    expect(isValidAllowlistEntry('1.2.3.4/99')).toBe(false);
    expect(ipAllowed('1.2.3.4', ['1.2.3.4/99'])).toBe(false);
  });
});

describe('IP_RESTRICTED_MESSAGE', () => {
  it("follows seed 000's wording with the tenant named instead of the product", () => {
    expect(IP_RESTRICTED_MESSAGE('Globex')).toBe('Your organization policies restrict you from accessing Globex from your current IP.');
  });
});

describe('resolveClientIp behind trusted proxies', () => {
  const proxies = ['10.0.0.0/8'];
  it('uses the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(resolveClientIp('203.0.113.9', '10.1.1.1', [])).toBe('203.0.113.9');
    expect(resolveClientIp('::ffff:127.0.0.1', undefined, [])).toBe('127.0.0.1');
  });
  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(resolveClientIp('203.0.113.9', '198.51.100.1', proxies)).toBe('203.0.113.9');
  });
  it('takes the right-most untrusted hop, so a forged left-hand entry never counts', () => {
    expect(resolveClientIp('10.0.0.2', '10.0.0.5, 203.0.113.9', proxies)).toBe('203.0.113.9');
    expect(resolveClientIp('10.0.0.2', '198.51.100.7, 203.0.113.9, 10.0.0.3', proxies)).toBe('203.0.113.9');
  });
  it('answers unknown for a garbage hop, and the left-most hop when every hop is a proxy', () => {
    expect(resolveClientIp('10.0.0.2', 'not-an-ip, 010.1.2.3', proxies)).toBeUndefined();
    expect(resolveClientIp('10.0.0.2', '10.0.0.9, 10.0.0.8', proxies)).toBe('10.0.0.9');
  });
});

describe('proxy hops with ports and rate-limit keys', () => {
  it('reads hops written with a port or in brackets', () => {
    expect(resolveClientIp('10.0.0.2', '203.0.113.9:51234', ['10.0.0.0/8'])).toBe('203.0.113.9');
    expect(resolveClientIp('10.0.0.2', '[2001:db8::7]:443', ['10.0.0.0/8'])).toBe('2001:db8::7');
    expect(normalizeIp('[::1]')).toBe('::1');
  });

  it('counts IPv4 per address and IPv6 per /64', () => {
    expect(rateLimitKeyForIp('203.0.113.9')).toBe('203.0.113.9');
    expect(rateLimitKeyForIp('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(rateLimitKeyForIp('2001:db8:1:2:aaaa::1')).toBe(rateLimitKeyForIp('2001:db8:1:2:bbbb::2'));
    expect(rateLimitKeyForIp('2001:db8:1:2::1')).not.toBe(rateLimitKeyForIp('2001:db8:1:3::1'));
    expect(rateLimitKeyForIp(undefined)).toBe('unknown');
    expect(rateLimitKeyForIp('garbage')).toBe('unknown');
  });
});
