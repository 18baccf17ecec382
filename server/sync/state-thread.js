// The worker thread behind `state-worker.ts`: builds a room's state from its stored parts
// (snapshot and log rows) off the server's event loop, and answers with the state as one
// update (for compaction) or with what a state vector lacks (a sync step 2).
//
// Plain JavaScript: Node runs it as it is, both from the sources (tests) and next to the
// bundled server (esbuild copies it as its own entry), with no TypeScript loader.
//
// Messages in:  { id, parts: Uint8Array[], stateVector?: Uint8Array }
// Messages out: { id, state: Uint8Array, update?: Uint8Array } or { id, error: string }
//   state: the whole state; update: what `stateVector` lacks (when one was given).
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

parentPort.on('message', (job) => {
  let doc;
  try {
    // gc on: deleted content is dropped, as the room's own document drops it.
    doc = new Y.Doc({ gc: true });
    Y.transact(doc, () => {
      for (const part of job.parts) Y.applyUpdate(doc, part);
    });
    // What a log stored before the integrability check may hold pending is not the board's:
    // Yjs would encode it along (and the room drops it when it loads, see room.ts).
    doc.store.pendingStructs = null;
    doc.store.pendingDs = null;
    const state = Y.encodeStateAsUpdate(doc);
    if (job.stateVector) {
      const update = Y.encodeStateAsUpdate(doc, job.stateVector);
      parentPort.postMessage({ id: job.id, state, update }, [state.buffer, update.buffer]);
    } else {
      parentPort.postMessage({ id: job.id, state }, [state.buffer]);
    }
  } catch (err) {
    parentPort.postMessage({ id: job.id, error: String(err) });
  } finally {
    doc?.destroy();
  }
});
