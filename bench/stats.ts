/** Latency samples (milliseconds) and their summary. */

/** A growable buffer of float samples; `take()` hands out a compact copy (transferable). */
export class SampleBuffer {
  #data = new Float64Array(4096);
  #length = 0;

  push(value: number): void {
    if (this.#length === this.#data.length) {
      const bigger = new Float64Array(this.#data.length * 2);
      bigger.set(this.#data);
      this.#data = bigger;
    }
    this.#data[this.#length++] = value;
  }

  get length(): number {
    return this.#length;
  }

  take(): Float64Array {
    return this.#data.slice(0, this.#length);
  }
}

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles over all parts together; null when there are no samples. */
export function summarize(parts: readonly Float64Array[]): LatencySummary | null {
  const count = parts.reduce((n, p) => n + p.length, 0);
  if (count === 0) return null;
  const all = new Float64Array(count);
  let offset = 0;
  for (const p of parts) {
    all.set(p, offset);
    offset += p.length;
  }
  all.sort();
  const at = (q: number): number => all[Math.min(count - 1, Math.max(0, Math.ceil(q * count) - 1))] as number;
  let sum = 0;
  for (const v of all) sum += v;
  return { count, mean: sum / count, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: all[count - 1] as number };
}
