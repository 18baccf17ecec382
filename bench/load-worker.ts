/**
 * The client side of the bench, run in a worker thread: each client is a Y.Doc with a stock
 * y-websocket WebsocketProvider that "moves cards" — while dragging it sets its awareness
 * `drag` field at `awarenessHz`, and on each drop writes the card's position in one
 * transaction. Every value carries its send time; every other client of the room records
 * (receive time − send time) when the update reaches its document or awareness.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { now } from './clock.js';
import type { CloseCounts, FromWorker, Schedule, ToWorker, WorkerResult, WorkerSetup } from './messages.js';
import { SampleBuffer } from './stats.js';


/** ws implements what the provider uses of the DOM WebSocket; its types differ only in DOM-only members. */
const NodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket;

const CARDS_PER_CLIENT = 3;
/** Sampling period of the event-loop delay histogram; its values include it, so results subtract it. */
const LOOP_DELAY_RESOLUTION_MS = 2;
const BOARD = { width: 2000, height: 1200 };

/** The document value of a card: its position and when it was written. */
interface CardPosition {
  x: number;
  y: number;
  t: number;
  by: number;
}

/** The awareness `drag` field while a card is being dragged. */
interface DragState {
  id: string;
  x: number;
  y: number;
  t: number;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function sentAt(v: unknown): number | null {
  return isObject(v) && typeof v.t === 'number' ? v.t : null;
}

function readCard(v: unknown): CardPosition | null {
  if (!isObject(v)) return null;
  const { x, y, t, by } = v;
  return typeof x === 'number' && typeof y === 'number' && typeof t === 'number' && typeof by === 'number' ? { x, y, t, by } : null;
}

/** Small, fast, seedable PRNG (mulberry32): the same seed gives the same drag/drop schedule. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Collects what this worker's clients measure; only updates sent inside the window count. */
class Recorder {
  readonly doc = new SampleBuffer();
  readonly awareness = new SampleBuffer();
  /** Document latencies between clients of different instances (syncUrls). */
  readonly crossDoc = new SampleBuffer();
  docWrites = 0;
  awarenessWrites = 0;
  readonly closes: CloseCounts = {};
  connectionErrors = 0;
  /** Counting closes and errors (after connect, before teardown). */
  live = false;
  #window: Schedule | null = null;

  constructor(readonly clientsPerRoom: number) {}

  setWindow(schedule: Schedule): void {
    this.#window = schedule;
  }

  inWindow(t: number): boolean {
    return this.#window !== null && t >= this.#window.measureStart && t < this.#window.measureEnd;
  }

  received(buffer: SampleBuffer, receivedAt: number, t: number): void {
    if (this.inWindow(t)) buffer.push(receivedAt - t);
  }

  closed(event: CloseEvent | null): void {
    if (!this.live) return;
    const key = event ? `${event.code} ${event.reason || '(no reason)'}` : 'closed by client';
    this.closes[key] = (this.closes[key] ?? 0) + 1;
  }

  result(loopDelay: IntervalHistogram): WorkerResult {
    const receivers = this.clientsPerRoom - 1;
    // Nanoseconds of the histogram to ms of delay beyond the sampling timer's own period.
    const toDelayMs = (v: number): number => (Number.isFinite(v) ? Math.max(0, v / 1e6 - LOOP_DELAY_RESOLUTION_MS) : 0);
    return {
      docLatencies: this.doc.take(),
      awarenessLatencies: this.awareness.take(),
      crossDocLatencies: this.crossDoc.take(),
      docWrites: this.docWrites,
      awarenessWrites: this.awarenessWrites,
      docExpected: this.docWrites * receivers,
      awarenessExpected: this.awarenessWrites * receivers,
      closes: this.closes,
      connectionErrors: this.connectionErrors,
      loopDelayP99Ms: loopDelay.count > 0 ? toDelayMs(loopDelay.percentile(99)) : 0,
      loopDelayMaxMs: loopDelay.count > 0 ? toDelayMs(loopDelay.max) : 0,
    };
  }
}

interface Drag {
  id: string;
  fromX: number;
  fromY: number;
  toX: number;
  toY: number;
  start: number;
  end: number;
}

/** One simulated participant. */
class BenchClient {
  readonly doc = new Y.Doc();
  readonly cards: Y.Map<unknown> = this.doc.getMap('cards');
  readonly provider: WebsocketProvider;
  readonly #rng: () => number;
  readonly #key: string;
  readonly #period: number;
  #timer: NodeJS.Timeout | null = null;
  #stopAt = 0;
  #drag: Drag | null = null;
  /** Which of `syncUrls` this client is connected to. */
  readonly #instance: number;

  constructor(
    readonly setup: WorkerSetup,
    room: { name: string; index: number },
    index: number,
    readonly recorder: Recorder,
  ) {
    this.#rng = mulberry32(setup.seed * 1_000_003 + room.index * 1009 + index);
    this.#key = `r${room.index}c${index}`;
    this.#period = 1000 / setup.awarenessHz;
    const urls = setup.syncUrls;
    this.#instance = urls ? index % urls.length : 0;
    this.provider = new WebsocketProvider(urls ? (urls[this.#instance] as string) : setup.syncUrl, room.name, this.doc, { WebSocketPolyfill: NodeWebSocket, disableBc: true });
    this.provider.on('connection-close', (event) => recorder.closed(event));
    this.provider.on('connection-error', () => {
      if (recorder.live) recorder.connectionErrors++;
    });
    this.cards.observe(this.#onCards);
    this.provider.awareness.on('change', this.#onAwareness);
  }

  #onCards = (event: Y.YMapEvent<unknown>, tr: Y.Transaction): void => {
    if (tr.origin !== this.provider) return;
    const at = now();
    const instances = this.setup.syncUrls?.length ?? 1;
    for (const key of event.keysChanged) {
      const t = sentAt(this.cards.get(key));
      if (t === null) continue;
      this.recorder.received(this.recorder.doc, at, t);
      // Card ids are `r<room>c<writer>:<n>`: the writer's instance is its index modulo the instances.
      const writer = /^r\d+c(\d+):/.exec(key);
      if (instances > 1 && writer && Number(writer[1]) % instances !== this.#instance) this.recorder.received(this.recorder.crossDoc, at, t);
    }
  };

  #onAwareness = (change: { added: number[]; updated: number[] }, origin: unknown): void => {
    if (origin !== this.provider) return;
    const at = now();
    const states = this.provider.awareness.getStates();
    for (const id of [...change.added, ...change.updated]) {
      if (id === this.doc.clientID) continue;
      const t = sentAt(states.get(id)?.drag);
      if (t !== null) this.recorder.received(this.recorder.awareness, at, t);
    }
  };

  /** Resolves when the provider has synced with the server. */
  synced(timeoutMs: number): Promise<void> {
    if (this.provider.synced) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`client ${this.#key} not synced after ${timeoutMs} ms`)), timeoutMs);
      this.provider.once('sync', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Starts the drag/drop loop at a random phase after `loadStart`; it ends at `measureEnd`. */
  start(schedule: Schedule): void {
    this.#stopAt = schedule.measureEnd;
    this.#at(schedule.loadStart + this.#rng() * this.setup.dropEveryMs, () => this.#startDrag());
  }

  #at(time: number, fn: () => void): void {
    this.#timer = setTimeout(fn, Math.max(0, time - now()));
  }

  #startDrag(): void {
    const start = now();
    const id = `${this.#key}:${Math.floor(this.#rng() * CARDS_PER_CLIENT)}`;
    const previous = readCard(this.cards.get(id));
    const toX = this.#rng() * BOARD.width;
    const toY = this.#rng() * BOARD.height;
    // A drag lasts 70–120 % of the drop interval, the pause after it 0–10 %: one drop per interval on average.
    const duration = this.setup.dropEveryMs * (0.7 + 0.5 * this.#rng());
    this.#drag = { id, fromX: previous?.x ?? toX, fromY: previous?.y ?? toY, toX, toY, start, end: start + duration };
    this.#move(start);
  }

  /** One awareness update; `scheduled` is when this tick was due (keeps the rate without drift). */
  #move(scheduled: number): void {
    const drag = this.#drag;
    const t = now();
    if (!drag || t >= this.#stopAt) return;
    if (t >= drag.end) return this.#drop(drag);
    const f = (t - drag.start) / (drag.end - drag.start);
    const state: DragState = { id: drag.id, x: drag.fromX + (drag.toX - drag.fromX) * f, y: drag.fromY + (drag.toY - drag.fromY) * f, t };
    this.provider.awareness.setLocalStateField('drag', state);
    if (this.recorder.inWindow(t)) this.recorder.awarenessWrites++;
    // Behind schedule (busy event loop): skip the missed ticks instead of bursting.
    let next = scheduled + this.#period;
    if (next <= t) next = t + this.#period;
    this.#at(Math.min(next, drag.end), () => this.#move(next));
  }

  #drop(drag: Drag): void {
    const t = now();
    const position: CardPosition = { x: drag.toX, y: drag.toY, t, by: this.doc.clientID };
    this.doc.transact(() => this.cards.set(drag.id, position));
    if (this.recorder.inWindow(t)) this.recorder.docWrites++;
    this.provider.awareness.setLocalStateField('drag', null);
    this.#drag = null;
    const pause = this.setup.dropEveryMs * 0.1 * this.#rng();
    this.#at(t + pause, () => {
      if (now() < this.#stopAt) this.#startDrag();
    });
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#drag = null;
  }

  destroy(): void {
    this.stop();
    this.cards.unobserve(this.#onCards);
    this.provider.awareness.off('change', this.#onAwareness);
    this.provider.destroy();
    this.provider.awareness.destroy();
    this.doc.destroy();
  }
}

function createClients(setup: WorkerSetup, recorder: Recorder): BenchClient[] {
  // Each provider adds a process 'exit' listener; many clients in one thread are expected.
  process.setMaxListeners(Math.max(process.getMaxListeners(), setup.rooms.length * setup.clientsPerRoom + 10));
  const clients: BenchClient[] = [];
  for (const room of setup.rooms) {
    for (let i = 0; i < setup.clientsPerRoom; i++) clients.push(new BenchClient(setup, room, i, recorder));
  }
  return clients;
}

/** Measures this thread's event-loop delay during the window only. */
function watchLoopDelay(schedule: Schedule): IntervalHistogram {
  const histogram = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
  setTimeout(() => histogram.enable(), Math.max(0, schedule.measureStart - now()));
  setTimeout(() => histogram.disable(), Math.max(0, schedule.measureEnd - now()));
  return histogram;
}

/** Worker entry: connect, report ready, run on 'run', report and tear down on 'collect'. */
export async function runLoadWorker(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('runLoadWorker must run in a worker thread');
  const post = (message: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);
  const setup = workerData as WorkerSetup;
  const recorder = new Recorder(setup.clientsPerRoom);
  const started = now();
  const clients = createClients(setup, recorder);
  let loopDelay: IntervalHistogram | null = null;
  try {
    await Promise.all(clients.map((c) => c.synced(setup.connectTimeoutMs)));
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    teardown(clients, port);
    return;
  }
  recorder.live = true;
  post({ type: 'ready', clients: clients.length, connectMs: now() - started });
  port.on('message', (message: ToWorker) => {
    if (message.type === 'run') {
      recorder.setWindow(message.schedule);
      loopDelay = watchLoopDelay(message.schedule);
      for (const c of clients) c.start(message.schedule);
      return;
    }
    recorder.live = false;
    for (const c of clients) c.stop();
    const result = recorder.result(loopDelay ?? monitorEventLoopDelay());
    post({ type: 'result', result }, [result.docLatencies.buffer as ArrayBuffer, result.awarenessLatencies.buffer as ArrayBuffer]);
    teardown(clients, port);
  });
}

function teardown(clients: BenchClient[], port: MessagePort): void {
  for (const c of clients) c.destroy();
  port.close();
}
