/**
 * One worker thread that encodes large room states off the event loop: compaction (the state
 * rebuilt from the stored snapshot and log rows, and encoded whole) and the sync step 2 a
 * client of a large room is first sent. Both are pure functions of what the store holds, so
 * the worker needs no document of its own: the room reads its stored parts (one SQLite read)
 * and the worker does the Yjs work, which is what stalls the loop (about 40 ms per 20,000
 * items on this machine, more for larger boards).
 *
 * The room keeps the last whole state the worker built (`Room`), so that sync requests against
 * a room that has not changed since cost no Yjs work at all.
 *
 * Jobs queue in the one thread, in order. A full queue refuses new jobs at once (the caller
 * falls back: a compaction waits for the next turn, a sync request is answered "busy"), so a
 * flood of requests cannot build an unbounded backlog. A thread that dies fails its jobs and
 * is started again on the next one.
 */
import { Worker } from 'node:worker_threads';

export class WorkerBusy extends Error {}

/** A worker's answer: the whole state, and what the state vector asked with lacks. */
export interface Built {
  state: Uint8Array;
  update: Uint8Array;
}

interface Job {
  resolve: (built: Built) => void;
  reject: (err: Error) => void;
}

export class StateWorker {
  #worker: Worker | null = null;
  readonly #jobs = new Map<number, Job>();
  #nextId = 1;
  #closed = false;

  constructor(readonly maxQueued = 8) {}

  /** Jobs sent and not yet answered. */
  get queued(): number {
    return this.#jobs.size;
  }

  /** The state of `parts` merged, as one update (gc on). */
  async merge(parts: readonly Uint8Array[]): Promise<Uint8Array> {
    return (await this.#run(parts, undefined)).state;
  }

  /** The state of `parts` merged, and what a client at `stateVector` lacks of it. */
  diff(parts: readonly Uint8Array[], stateVector: Uint8Array): Promise<Built> {
    return this.#run(parts, stateVector);
  }

  #run(parts: readonly Uint8Array[], stateVector: Uint8Array | undefined): Promise<Built> {
    if (this.#closed) return Promise.reject(new WorkerBusy('worker closed'));
    if (this.#jobs.size >= this.maxQueued) return Promise.reject(new WorkerBusy('worker queue full'));
    const worker = this.#start();
    const id = this.#nextId++;
    return new Promise<Built>((resolve, reject) => {
      this.#jobs.set(id, { resolve, reject });
      worker.postMessage({ id, parts, ...(stateVector ? { stateVector } : {}) });
    });
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./state-thread.js', import.meta.url));
    // An idle worker does not keep the process alive; a busy one is kept alive by its jobs' callers.
    worker.unref();
    worker.on('message', (msg: { id: number; state?: Uint8Array; update?: Uint8Array; error?: string }) => {
      const job = this.#jobs.get(msg.id);
      if (!job) return;
      this.#jobs.delete(msg.id);
      if (msg.state) job.resolve({ state: msg.state, update: msg.update ?? msg.state });
      else job.reject(new Error(msg.error ?? 'worker failed'));
    });
    const lost = (why: string): void => {
      if (this.#worker === worker) this.#worker = null;
      for (const job of this.#jobs.values()) job.reject(new Error(why));
      this.#jobs.clear();
    };
    worker.on('error', (err) => lost(String(err)));
    worker.on('exit', (code) => lost(`worker exited with ${code}`));
    this.#worker = worker;
    return worker;
  }

  /** Shutdown: pending jobs fail, the thread stops. */
  async close(): Promise<void> {
    this.#closed = true;
    const w = this.#worker;
    this.#worker = null;
    if (w) await w.terminate();
  }
}
