import { describe, expect, it } from 'vitest';
import { clientAddressFrom, parseTrustProxy } from './clientAddress.js';

describe('parseTrustProxy', () => {
  it.each([undefined, '', ' ', '0'])('trusts no proxy for %j', (raw) => {
    expect(parseTrustProxy(raw)).toBeNull();
  });

  it('reads a number of hops or a list of proxy addresses', () => {
    expect(parseTrustProxy('1')).toEqual({ hops: 1 });
    expect(parseTrustProxy('10.0.0.2, ::ffff:10.0.0.3,::1')).toEqual({ proxies: ['10.0.0.2', '10.0.0.3', '::1'] });
  });

  it.each(['true', 'yes', '10.0.0.0/8', 'proxy.example', '11', '-1'])('refuses %j with a clear message', (raw) => {
    expect(() => parseTrustProxy(raw)).toThrow(/TRUST_PROXY must be the number of proxies/);
  });
});

describe('clientAddressFrom', () => {
  it('ignores X-Forwarded-For unless a proxy is trusted', () => {
    expect(clientAddressFrom('::ffff:192.0.2.7', '203.0.113.9', null)).toBe('192.0.2.7');
  });

  it('takes the address the trusted hops appended, not what the client wrote before them', () => {
    expect(clientAddressFrom('10.0.0.2', '203.0.113.9', { hops: 1 })).toBe('203.0.113.9');
    expect(clientAddressFrom('10.0.0.2', '198.51.100.1, 203.0.113.9', { hops: 1 })).toBe('203.0.113.9');
    expect(clientAddressFrom('10.0.0.2', '198.51.100.1, 203.0.113.9, 10.0.0.5', { hops: 2 })).toBe('203.0.113.9');
  });

  it('falls back to the furthest address, or the peer, when the chain is short or not an address', () => {
    expect(clientAddressFrom('10.0.0.2', '203.0.113.9', { hops: 3 })).toBe('203.0.113.9');
    expect(clientAddressFrom('10.0.0.2', undefined, { hops: 1 })).toBe('10.0.0.2');
    expect(clientAddressFrom('10.0.0.2', 'not-an-address', { hops: 1 })).toBe('10.0.0.2');
  });

  it('believes the header only from a listed proxy, walking left past the others', () => {
    const trust = { proxies: ['10.0.0.2', '10.0.0.3'] };
    expect(clientAddressFrom('10.0.0.2', '198.51.100.1, 203.0.113.9, 10.0.0.3', trust)).toBe('203.0.113.9');
    expect(clientAddressFrom('192.0.2.7', '203.0.113.9', trust)).toBe('192.0.2.7');
  });
});
