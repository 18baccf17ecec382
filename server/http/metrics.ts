/**
 * Counters, gauges and histograms rendered in the Prometheus text exposition format
 * (https://prometheus.io/docs/instrumenting/exposition_formats/). Deliberately tiny: the
 * server needs a handful of series, not a client library.
 */

type Labels = Record<string, string>;

function labelKey(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return '';
  return '{' + keys.map((k) => `${k}="${String(labels[k]).replace(/["\\\n]/g, (c) => (c === '\n' ? '\\n' : '\\' + c))}"`).join(',') + '}';
}

export class Counter {
  readonly #values = new Map<string, number>();
  constructor(readonly name: string, readonly help: string) {}
  inc(by = 1, labels: Labels = {}): void {
    const k = labelKey(labels);
    this.#values.set(k, (this.#values.get(k) ?? 0) + by);
  }
  get(labels: Labels = {}): number {
    return this.#values.get(labelKey(labels)) ?? 0;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    if (this.#values.size === 0) lines.push(`${this.name} 0`);
    for (const [k, v] of this.#values) lines.push(`${this.name}${k} ${v}`);
    return lines.join('\n');
  }
}

export class Gauge {
  constructor(readonly name: string, readonly help: string, readonly read: () => number) {}
  render(): string {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`, `${this.name} ${this.read()}`].join('\n');
  }
}

export class Histogram {
  /** Per label set: bucket counts, sum, count. */
  readonly #series = new Map<string, { counts: number[]; sum: number; count: number }>();
  constructor(readonly name: string, readonly help: string, readonly buckets: readonly number[]) {}
  observe(value: number, labels: Labels = {}): void {
    const k = labelKey(labels);
    let s = this.#series.get(k);
    if (!s) this.#series.set(k, (s = { counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    s.sum += value;
    s.count++;
    for (let i = 0; i < this.buckets.length; i++) {
      if (value <= (this.buckets[i] as number)) s.counts[i] = (s.counts[i] as number) + 1;
    }
  }
  get count(): number {
    let n = 0;
    for (const s of this.#series.values()) n += s.count;
    return n;
  }
  /** The smallest bucket bound below which `q` (0..1) of the observations fall (all label sets). */
  quantile(q: number): number {
    const total = this.count;
    if (total === 0) return 0;
    for (let i = 0; i < this.buckets.length; i++) {
      let n = 0;
      for (const s of this.#series.values()) n += s.counts[i] as number;
      if (n >= q * total) return this.buckets[i] as number;
    }
    return Infinity;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    const series = this.#series.size > 0 ? this.#series : new Map([['', { counts: this.buckets.map(() => 0), sum: 0, count: 0 }]]);
    for (const [k, s] of series) {
      const inner = k === '' ? '' : k.slice(1, -1) + ',';
      this.buckets.forEach((b, i) => lines.push(`${this.name}_bucket{${inner}le="${b}"} ${s.counts[i]}`));
      lines.push(`${this.name}_bucket{${inner}le="+Inf"} ${s.count}`, `${this.name}_sum${k} ${s.sum}`, `${this.name}_count${k} ${s.count}`);
    }
    return lines.join('\n');
  }
}

const SECONDS = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5];

/** The server's series. Gauges read live values through the callbacks given. */
export class Metrics {
  readonly messagesIn = new Counter('kaedeboard_messages_in_total', 'Websocket messages received.');
  readonly messagesOut = new Counter('kaedeboard_messages_out_total', 'Websocket messages sent.');
  readonly bytesIn = new Counter('kaedeboard_bytes_in_total', 'Websocket bytes received.');
  readonly bytesOut = new Counter('kaedeboard_bytes_out_total', 'Websocket bytes sent.');
  readonly closes = new Counter('kaedeboard_connection_closes_total', 'Connections closed by the server, by reason.');
  readonly updatesStored = new Counter('kaedeboard_updates_stored_total', 'Document updates appended to the store.');
  readonly compactions = new Counter('kaedeboard_compactions_total', 'Room logs compacted into one state.');
  readonly writesRefused = new Counter('kaedeboard_writes_refused_total', 'Document updates refused (locked or read-only).');
  readonly appendSeconds = new Histogram(
    'kaedeboard_update_append_seconds',
    'Time to append one update durably to the store.',
    [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
  );
  /** The store (PostgreSQL): each statement or transaction by operation, and the ones that failed. */
  readonly storeSeconds = new Histogram('kaedeboard_store_query_seconds', 'Time of one store statement or transaction, by operation (PostgreSQL).', SECONDS);
  readonly storeErrors = new Counter('kaedeboard_store_errors_total', 'Store operations that failed, by operation.');
  /** The fan-out between instances (Redis). */
  readonly fanoutSeconds = new Histogram('kaedeboard_fanout_delivery_seconds', 'From publishing on one instance to delivery on another, by kind (update, awareness).', SECONDS);
  readonly fanoutPublished = new Counter('kaedeboard_fanout_published_total', 'Messages published to the other instances, by kind.');
  readonly fanoutErrors = new Counter('kaedeboard_fanout_errors_total', 'Fan-out failures, by kind (publish, connection, malformed).');
  readonly fanoutGaps = new Counter('kaedeboard_fanout_gaps_total', 'Published rows that came out of order or after a missed one.');
  readonly fanoutCatchUps = new Counter('kaedeboard_fanout_catch_ups_total', 'Rooms that read rows they had missed from the store.');
  readonly #gauges: Gauge[];

  constructor(read: { connections: () => number; rooms: () => number; fanoutConnected?: () => number }) {
    this.#gauges = [
      new Gauge('kaedeboard_connections', 'Open websocket connections.', read.connections),
      new Gauge('kaedeboard_rooms_loaded', 'Rooms held in memory.', read.rooms),
      new Gauge('kaedeboard_process_resident_bytes', 'Resident set size of the server process.', () => process.memoryUsage.rss()),
      new Gauge('kaedeboard_fanout_connected', 'Is the fan-out to the other instances up (1) or cut off (0)?', read.fanoutConnected ?? (() => 1)),
    ];
  }

  render(): string {
    const series = [
      ...this.#gauges,
      this.messagesIn,
      this.messagesOut,
      this.bytesIn,
      this.bytesOut,
      this.closes,
      this.updatesStored,
      this.compactions,
      this.writesRefused,
      this.appendSeconds,
      this.storeSeconds,
      this.storeErrors,
      this.fanoutSeconds,
      this.fanoutPublished,
      this.fanoutErrors,
      this.fanoutGaps,
      this.fanoutCatchUps,
    ];
    return series.map((s) => s.render()).join('\n') + '\n';
  }
}
