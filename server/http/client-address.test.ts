import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, proxyList, rateKey } from './client-address.js';

const req = (remote: string, xff?: string | string[]): IncomingMessage =>
  ({ socket: { remoteAddress: remote }, headers: xff === undefined ? {} : { 'x-forwarded-for': xff } }) as unknown as IncomingMessage;

describe('the client address behind proxies', () => {
  const proxies = proxyList(['127.0.0.1', '10.0.0.0/8', '::1']);

  it('ignores X-Forwarded-For from an address that is not a trusted proxy', () => {
    expect(clientAddress(req('203.0.113.9', '1.2.3.4'), proxies)).toBe('203.0.113.9');
    expect(clientAddress(req('203.0.113.9', '1.2.3.4'), null)).toBe('203.0.113.9');
    expect(clientAddress(req('::ffff:203.0.113.9', '1.2.3.4'), proxies)).toBe('203.0.113.9');
  });

  it('believes a trusted proxy, reading the chain from the right past other trusted proxies', () => {
    expect(clientAddress(req('127.0.0.1', '198.51.100.7'), proxies)).toBe('198.51.100.7');
    expect(clientAddress(req('::ffff:127.0.0.1', '198.51.100.7, 10.1.2.3'), proxies)).toBe('198.51.100.7');
    // What the client itself put at the left is not believed past the first untrusted hop.
    expect(clientAddress(req('127.0.0.1', '6.6.6.6, 198.51.100.7'), proxies)).toBe('198.51.100.7');
    expect(clientAddress(req('127.0.0.1', ['6.6.6.6', '198.51.100.7']), proxies)).toBe('198.51.100.7');
    expect(clientAddress(req('::1', '2001:db8::5'), proxies)).toBe('2001:db8::5');
  });

  it('stops at garbage and at a missing header', () => {
    expect(clientAddress(req('127.0.0.1', 'not-an-ip, 198.51.100.7'), proxies)).toBe('198.51.100.7');
    expect(clientAddress(req('127.0.0.1', '198.51.100.7, <script>'), proxies)).toBe('127.0.0.1');
    expect(clientAddress(req('127.0.0.1'), proxies)).toBe('127.0.0.1');
    expect(clientAddress(req('10.0.0.2', '10.0.0.3'), proxies)).toBe('10.0.0.3');
  });

  it('counts IPv6 clients by their /64', () => {
    expect(rateKey('198.51.100.7')).toBe('198.51.100.7');
    expect(rateKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(rateKey('2001:0db8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(rateKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateKey('::1')).toBe('0:0:0:0::/64');
  });
});
