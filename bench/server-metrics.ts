/**
 * Reads a few series from our server's Prometheus /metrics, to say where its time goes
 * (the durable SQLite append before each broadcast) and whether it closed connections.
 * Best effort: a missing endpoint or series gives null, never a failed run.
 */

export interface OurServerMetrics {
  updatesStored: number;
  /** Durable appends timed, their total time (s), and how many took at most 1 ms. */
  appendCount: number;
  appendSumSeconds: number;
  appendUnder1msCount: number;
  messagesIn: number;
  messagesOut: number;
  /** Connections the server closed, by reason. */
  closes: Record<string, number>;
}

type Series = { name: string; labels: Record<string, string>; value: number };

function parsePrometheus(text: string): Series[] {
  const series: Series[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const m of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[m[1] as string] = m[2] as string;
    series.push({ name: match[1] as string, labels, value: Number(match[3]) });
  }
  return series;
}

export async function fetchOurMetrics(httpUrl: string): Promise<OurServerMetrics | null> {
  let text: string;
  try {
    const res = await fetch(`${httpUrl}/metrics`, { signal: AbortSignal.timeout(2000) });
    if (!res.ok) return null;
    text = await res.text();
  } catch {
    return null;
  }
  const series = parsePrometheus(text);
  const one = (name: string, labels: Record<string, string> = {}): number | null => {
    const s = series.find((x) => x.name === name && Object.entries(labels).every(([k, v]) => x.labels[k] === v));
    return s ? s.value : null;
  };
  const closes: Record<string, number> = {};
  for (const s of series) {
    if (s.name === 'kaedeboard_connection_closes_total' && s.value > 0) closes[s.labels.reason ?? '(no reason)'] = s.value;
  }
  return {
    updatesStored: one('kaedeboard_updates_stored_total') ?? 0,
    appendCount: one('kaedeboard_update_append_seconds_count') ?? 0,
    appendSumSeconds: one('kaedeboard_update_append_seconds_sum') ?? 0,
    appendUnder1msCount: one('kaedeboard_update_append_seconds_bucket', { le: '0.001' }) ?? 0,
    messagesIn: one('kaedeboard_messages_in_total') ?? 0,
    messagesOut: one('kaedeboard_messages_out_total') ?? 0,
    closes,
  };
}

/** Sums the metrics of several runs (one fresh server each). */
export function addOurMetrics(parts: readonly OurServerMetrics[]): OurServerMetrics | null {
  if (parts.length === 0) return null;
  const sum = (f: (m: OurServerMetrics) => number): number => parts.reduce((n, m) => n + f(m), 0);
  const closes: Record<string, number> = {};
  for (const m of parts) for (const [k, v] of Object.entries(m.closes)) closes[k] = (closes[k] ?? 0) + v;
  return {
    updatesStored: sum((m) => m.updatesStored),
    appendCount: sum((m) => m.appendCount),
    appendSumSeconds: sum((m) => m.appendSumSeconds),
    appendUnder1msCount: sum((m) => m.appendUnder1msCount),
    messagesIn: sum((m) => m.messagesIn),
    messagesOut: sum((m) => m.messagesOut),
    closes,
  };
}
