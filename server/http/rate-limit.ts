/**
 * Attempts per client address (joins by code, creating workshops): a token bucket per address,
 * at most `maxAddresses` of them, the least recently used forgotten first. An address that
 * keeps trying stays recent and keeps its empty bucket; only addresses that went quiet are
 * forgotten, so flooding the table from many addresses cannot reset anyone who is still at it.
 */
import { TokenBucket } from '../sync/limits.js';
import { rateKey } from './client-address.js';

export class AddressLimiter {
  /** Insertion order is recency order: a used bucket is moved to the end. */
  readonly #buckets = new Map<string, TokenBucket>();

  constructor(
    readonly perSecond: number,
    readonly burst: number,
    readonly maxAddresses = 10_000,
    readonly now: () => number = performance.now.bind(performance),
  ) {}

  /** Takes one attempt for `address`; false when its bucket is empty. */
  take(address: string): boolean {
    const key = rateKey(address);
    let bucket = this.#buckets.get(key);
    if (bucket) this.#buckets.delete(key);
    else {
      bucket = new TokenBucket(this.perSecond, this.burst, this.now);
      if (this.#buckets.size >= this.maxAddresses) this.#buckets.delete(this.#buckets.keys().next().value as string);
    }
    this.#buckets.set(key, bucket);
    return bucket.take();
  }

  get size(): number {
    return this.#buckets.size;
  }
}
