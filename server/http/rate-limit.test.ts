import { describe, expect, it } from 'vitest';
import { AddressLimiter } from './rate-limit.js';

describe('attempts per address', () => {
  it('refuses an address past its burst and lets it in again as the bucket refills', () => {
    let now = 0;
    const limiter = new AddressLimiter(1, 3, 100, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
    expect(limiter.take('b')).toBe(true);
    now += 1000;
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
  });

  it('stays bounded, forgetting the least recently used address, never one that keeps trying', () => {
    const now = 0;
    const limiter = new AddressLimiter(1 / 60, 2, 3, () => now);
    limiter.take('attacker');
    limiter.take('attacker');
    for (let i = 0; i < 1000; i++) {
      // The attacker keeps at it between floods of other addresses.
      expect(limiter.take('attacker')).toBe(false);
      limiter.take(`10.0.${i >> 8}.${i & 255}`);
      limiter.take(`10.1.${i >> 8}.${i & 255}`);
      expect(limiter.size).toBeLessThanOrEqual(3);
    }
    expect(limiter.take('attacker')).toBe(false);
  });

  it('counts an IPv6 /64 as one address', () => {
    const limiter = new AddressLimiter(0.001, 2, 100, () => 0);
    expect(limiter.take('2001:db8:1:2::1')).toBe(true);
    expect(limiter.take('2001:db8:1:2::2')).toBe(true);
    expect(limiter.take('2001:db8:1:2:ffff::3')).toBe(false);
    expect(limiter.take('2001:db8:1:3::1')).toBe(true);
  });
});
