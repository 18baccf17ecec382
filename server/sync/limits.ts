/** A token bucket: `capacity` tokens, refilled at `perSecond`; `take(n)` is false when empty. */
export class TokenBucket {
  #tokens: number;
  #last: number;
  constructor(readonly perSecond: number, readonly capacity: number, readonly now: () => number = performance.now.bind(performance)) {
    this.#tokens = capacity;
    this.#last = now();
  }
  take(n = 1): boolean {
    const t = this.now();
    this.#tokens = Math.min(this.capacity, this.#tokens + ((t - this.#last) / 1000) * this.perSecond);
    this.#last = t;
    if (this.#tokens < n) return false;
    this.#tokens -= n;
    return true;
  }
}

/**
 * Token buckets by key (a client address), at most `maxKeys` of them, the least recently used
 * forgotten first (a forgotten key starts again full, which only an address that went quiet
 * gets). `take(key, n)` is false when that key's bucket is empty.
 */
export class KeyedBuckets {
  readonly #buckets = new Map<string, TokenBucket>();
  constructor(
    readonly perSecond: number,
    readonly capacity: number,
    readonly maxKeys = 10_000,
    readonly now: () => number = performance.now.bind(performance),
  ) {}
  take(key: string, n = 1): boolean {
    let bucket = this.#buckets.get(key);
    if (bucket) this.#buckets.delete(key);
    else {
      bucket = new TokenBucket(this.perSecond, this.capacity, this.now);
      if (this.#buckets.size >= this.maxKeys) this.#buckets.delete(this.#buckets.keys().next().value as string);
    }
    this.#buckets.set(key, bucket);
    return bucket.take(n);
  }
  get size(): number {
    return this.#buckets.size;
  }
}
