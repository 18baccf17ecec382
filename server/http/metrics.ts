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
  readonly #counts: number[];
  #sum = 0;
  #count = 0;
  constructor(readonly name: string, readonly help: string, readonly buckets: readonly number[]) {
    this.#counts = buckets.map(() => 0);
  }
  observe(value: number): void {
    this.#sum += value;
    this.#count++;
    for (let i = 0; i < this.buckets.length; i++) {
      if (value <= (this.buckets[i] as number)) this.#counts[i] = (this.#counts[i] as number) + 1;
    }
  }
  get count(): number {
    return this.#count;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    this.buckets.forEach((b, i) => lines.push(`${this.name}_bucket{le="${b}"} ${this.#counts[i]}`));
    lines.push(`${this.name}_bucket{le="+Inf"} ${this.#count}`, `${this.name}_sum ${this.#sum}`, `${this.name}_count ${this.#count}`);
    return lines.join('\n');
  }
}

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
  readonly #gauges: Gauge[];

  constructor(read: { connections: () => number; rooms: () => number }) {
    this.#gauges = [
      new Gauge('kaedeboard_connections', 'Open websocket connections.', read.connections),
      new Gauge('kaedeboard_rooms_loaded', 'Rooms held in memory.', read.rooms),
      new Gauge('kaedeboard_process_resident_bytes', 'Resident set size of the server process.', () => process.memoryUsage.rss()),
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
    ];
    return series.map((s) => s.render()).join('\n') + '\n';
  }
}
