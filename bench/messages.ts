/** What the bench's main thread and its client workers tell each other. */

/** Given to each worker at start. */
export interface WorkerSetup {
  /** WebsocketProvider serverUrl. */
  syncUrl: string;
  /**
   * Several instances serving the same rooms (bench/cluster.ts): client i of each room connects
   * to `syncUrls[i % length]`, so the clients of one room are spread over the instances.
   */
  syncUrls?: string[];
  /** Rooms this worker hosts, all clients of a room in one worker (one clock, one event loop). */
  rooms: { name: string; index: number }[];
  clientsPerRoom: number;
  seed: number;
  awarenessHz: number;
  dropEveryMs: number;
  connectTimeoutMs: number;
}

/** Epoch milliseconds (performance.timeOrigin + performance.now()). */
export interface Schedule {
  /** Clients start dragging (warm-up). */
  loadStart: number;
  /** Updates sent from here… */
  measureStart: number;
  /** …to here are measured; the load stops here. */
  measureEnd: number;
}

export type ToWorker = { type: 'run'; schedule: Schedule } | { type: 'collect' };

/** Close codes and reasons the clients saw, as "1008 rate limit exceeded" → count. */
export type CloseCounts = Record<string, number>;

export interface WorkerResult {
  /** Fan-out latencies (ms) of document updates sent in the window, one per receiving client. */
  docLatencies: Float64Array;
  /** Same for awareness (drag) updates. */
  awarenessLatencies: Float64Array;
  /** With `syncUrls`: the document latencies of updates whose writer is on another instance than the receiver. */
  crossDocLatencies?: Float64Array;
  /** Document updates (drops) written in the window. */
  docWrites: number;
  /** Awareness drag updates set in the window. */
  awarenessWrites: number;
  /** docWrites × (clients per room − 1): deliveries a perfect server would make. */
  docExpected: number;
  awarenessExpected: number;
  closes: CloseCounts;
  /** Connection errors seen by clients. */
  connectionErrors: number;
  /** The worker's event-loop delay during the window (ms): high values mean the clients, not the server, add latency. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

export type FromWorker =
  | { type: 'ready'; clients: number; connectMs: number }
  | { type: 'result'; result: WorkerResult }
  | { type: 'error'; message: string };
