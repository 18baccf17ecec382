/**
 * The browser's connection to a workshop's control document (room `w-<id>-control`), read
 * through the model's ControlDoc as it changes. The reader has no presence (nobody needs to
 * see it) and writes nothing: only the server writes this document. Values the model could
 * not read are skipped by it and reported here, once each, on the console.
 */
import * as Y from 'yjs';
import { ControlDoc, type ControlReadOptions, type ControlState } from '../model/index.js';
import { openProvider, watchRefusals, type Refusal, type SocketOptions } from './socket.js';

export interface ControlConnection {
  /** The validated state; null until the document has arrived. */
  state(): ControlState | null;
  onChange(listener: (s: ControlState | null) => void): () => void;
  onRefused(listener: (r: Refusal) => void): () => void;
  destroy(): void;
}

export function connectControl(opts: SocketOptions & { read?: ControlReadOptions }): ControlConnection {
  const doc = new Y.Doc();
  const provider = openProvider(doc, opts);
  provider.awareness.setLocalState(null);
  const refusals = watchRefusals(provider);
  const control = new ControlDoc(doc, opts.read);
  const reported = new Set<string>();
  const listeners = new Set<(s: ControlState | null) => void>();
  let current: ControlState | null = control.state();
  const off = control.observe(({ state, problems }) => {
    for (const p of problems) {
      if (reported.has(p.reason)) continue;
      reported.add(p.reason);
      console.warn(`kaedeboard: control document of ${opts.room}: ${p.reason}`);
    }
    current = state;
    for (const l of listeners) l(current);
  });
  return {
    state: () => current,
    onChange(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    onRefused: (l) => refusals.onRefused(l),
    destroy() {
      off();
      refusals.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
}
