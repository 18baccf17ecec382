import { describe, expect, it } from 'vitest';
import { allowedHosts, hostAllowed } from './hosts.js';

describe('allowed host names', () => {
  it('by default answers to the loopback names, and to the listen address when it is a particular one', () => {
    const loop = allowedHosts({ host: '127.0.0.1', allowedHosts: [] });
    for (const h of ['localhost:8080', '127.0.0.1:8080', '[::1]:8080', 'LOCALHOST', 'localhost.']) expect(hostAllowed(h, loop), h).toBe(true);
    for (const h of ['evil.example:8080', 'evil.example', '127.0.0.1.evil.example', '', undefined]) expect(hostAllowed(h, loop), String(h)).toBe(false);
    const lan = allowedHosts({ host: '192.168.1.10', allowedHosts: [] });
    expect(hostAllowed('192.168.1.10:8080', lan)).toBe(true);
    expect(hostAllowed('evil.example', lan)).toBe(false);
    expect(allowedHosts({ host: '0.0.0.0', allowedHosts: [] })).toBeNull();
  });

  it('takes ALLOWED_HOSTS as given, with or without a port, and * for any', () => {
    const list = allowedHosts({ host: '0.0.0.0', allowedHosts: ['Board.Example.dk', 'other.example.dk:8443'] });
    expect(hostAllowed('board.example.dk', list)).toBe(true);
    expect(hostAllowed('board.example.dk:443', list)).toBe(true);
    expect(hostAllowed('other.example.dk:8443', list)).toBe(true);
    expect(hostAllowed('other.example.dk:8444', list)).toBe(false);
    expect(hostAllowed('localhost', list)).toBe(false);
    expect(hostAllowed('anything', allowedHosts({ host: '127.0.0.1', allowedHosts: ['*'] }))).toBe(true);
  });
});
