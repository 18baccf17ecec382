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
