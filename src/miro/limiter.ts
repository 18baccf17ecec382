/**
 * Pacing for Miro's Web SDK rate limit. Miro counts credits per user and app: most calls on
 * board items cost 50 credits (level 1), creating or updating an image or embed 500 (level 3);
 * the limits are 100,000 credits a minute and 1,000,000 an hour. A call over the limit fails,
 * so the app waits for credits instead: every call takes its cost from a sliding window first.
 */

/** Documented cost of one call, in credits. */
export const CREDIT_COST = {
  /** Create, update, remove, get, frame.add: "most actions on board items". */
  item: 50,
  /** Create or update an image or an embed item. */
  image: 500,
} as const;

/** Documented limits. */
export const MIRO_LIMITS = { perMinute: 100_000, perHour: 1_000_000 } as const;

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface LimiterOptions {
  /** Credits allowed in any 60 s window (default: half the documented limit, leaving room for the user's other apps and our reads). */
  perMinute?: number;
  /** Credits allowed in any hour (default: half the documented limit). */
  perHour?: number;
  clock?: Clock;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** A sliding-window credit budget shared by every call the app makes. */
export class CreditLimiter {
  readonly perMinute: number;
  readonly perHour: number;
  readonly clock: Clock;
  /** Spent credits: [time, cost], oldest first. */
  private readonly spent: [number, number][] = [];

  constructor(options: LimiterOptions = {}) {
    this.perMinute = options.perMinute ?? MIRO_LIMITS.perMinute / 2;
    this.perHour = options.perHour ?? MIRO_LIMITS.perHour / 2;
    this.clock = options.clock ?? realClock;
    if (!(this.perMinute > 0 && this.perHour >= this.perMinute)) throw new Error('CreditLimiter: budgets must be positive, per hour ≥ per minute');
  }

  /** Credits spent in the window ending now. */
  used(windowMs: number, now = this.clock.now()): number {
    let sum = 0;
    for (const [at, cost] of this.spent) if (at > now - windowMs) sum += cost;
    return sum;
  }

  /** Waits until `cost` credits fit both windows, then spends them. */
  async take(cost: number): Promise<void> {
    if (cost > this.perMinute) throw new Error(`CreditLimiter: a call of ${cost} credits exceeds the budget of ${this.perMinute} a minute`);
    for (;;) {
      const now = this.clock.now();
      this.prune(now);
      const wait = Math.max(this.waitFor(cost, MINUTE, this.perMinute, now), this.waitFor(cost, HOUR, this.perHour, now));
      if (wait <= 0) {
        this.spent.push([now, cost]);
        return;
      }
      await this.clock.sleep(wait);
    }
  }

  /** How long until `cost` more fits `budget` within `windowMs` (0: now). */
  private waitFor(cost: number, windowMs: number, budget: number, now: number): number {
    let over = this.used(windowMs, now) + cost - budget;
    if (over <= 0) return 0;
    for (const [at, spent] of this.spent) {
      if (at <= now - windowMs) continue;
      over -= spent;
      // Once this entry leaves the window, enough credits are free.
      if (over <= 0) return at + windowMs - now + 1;
    }
    return windowMs;
  }

  private prune(now: number): void {
    while (this.spent.length > 0 && (this.spent[0] as [number, number])[0] <= now - HOUR) this.spent.shift();
  }
}
