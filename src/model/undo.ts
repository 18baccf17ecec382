/**
 * Per-participant undo: a wrapper around `Y.UndoManager` over the items map, the geometry log
 * and the metadata, tracking only transactions whose origin is the participant's origin. One
 * participant's undo never takes back another participant's later work:
 *
 * - Items and metadata are Y.Maps, where Y.UndoManager already refuses to overwrite a value
 *   that a peer changed after the undone edit.
 * - Geometry lives in an array log (keyed-log.ts), where Y.UndoManager simply re-inserts the
 *   deleted entry next to its old position. Whether that beats a peer's later entry would then
 *   depend on array order (entries are placed per writer, not appended), so each undo/redo runs
 *   inside one transaction of ours that, before any observer sees it, deletes every restored
 *   entry whose key still has an entry that was live before the undo (a peer moved the item
 *   since) or whose item no longer exists. An undo step whose whole effect was vetoed is skipped,
 *   so one key press always does something visible if anything is left to undo.
 */
import * as Y from 'yjs';
import type { Board, Origin } from './board.js';
import { isEntry, latestEntries } from './keyed-log.js';
import { boardTypes } from './storage.js';
import type { BoardTypes } from './storage.js';

/** Whether undo and redo are available. */
export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

/** One participant's undo history on a board. */
export interface BoardUndoManager {
  /** Takes back this participant's last step; returns false if nothing changed. */
  undo(): boolean;
  /** Re-applies the last undone step; returns false if nothing changed. */
  redo(): boolean;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Starts a new step: the next change is not merged with the previous one. */
  stopCapturing(): void;
  /** Forgets the history. */
  clear(): void;
  /** Calls `listener` whenever undo/redo availability may have changed; returns the unsubscribe function. */
  on(event: 'change', listener: (state: UndoState) => void): () => void;
  /** Stops tracking (the board and document stay alive). */
  destroy(): void;
}

/** Options of {@link createUndoManager}. */
export interface UndoOptions {
  /** Changes closer together than this many milliseconds form one step (default 400). */
  captureTimeout?: number;
}

/**
 * Creates the undo history of the participant who writes with `origin` (use one object,
 * string or symbol per participant; not a class, whose instances Yjs would also track).
 */
export function createUndoManager(board: Board, origin: Origin, options: UndoOptions = {}): BoardUndoManager {
  const t = boardTypes(board.doc);
  const um = new Y.UndoManager([t.items, t.geometry, t.meta], {
    trackedOrigins: new Set<unknown>([origin]),
    captureTimeout: options.captureTimeout ?? 400,
  });
  const listeners = new Set<(state: UndoState) => void>();
  let stepping = false;
  const emit = (): void => {
    const state = { canUndo: um.canUndo(), canRedo: um.canRedo() };
    for (const listener of [...listeners]) listener(state);
  };
  const onStacks = (): void => {
    if (!stepping) emit();
  };
  um.on('stack-item-added', onStacks);
  um.on('stack-cleared', onStacks);

  /** Pops one step; true if it changed what the board reads. */
  const step = (dir: 'undo' | 'redo'): boolean => {
    const liveBefore = new Set<unknown>(t.geometry.toArray());
    const before = latestEntries(t.geometry);
    const done: { tr: Y.Transaction | null; popped: boolean } = { tr: null, popped: false };
    try {
      board.doc.transact((tr) => {
        done.tr = tr;
        done.popped = (dir === 'undo' ? um.undo() : um.redo()) !== null;
        // um.undo()/redo() reset their flag on return, but the UndoManager files a transaction
        // when it ends: keep the flag up so ours lands on the opposite stack, not as a new edit.
        if (dir === 'undo') um.undoing = true;
        else um.redoing = true;
        if (done.popped) vetoRestoredGeometry(t, liveBefore);
      }, um);
    } finally {
      um.undoing = false;
      um.redoing = false;
    }
    return done.popped && done.tr !== null && changedReadState(done.tr, t, before);
  };

  const run = (dir: 'undo' | 'redo'): boolean => {
    stepping = true;
    let changed = false;
    try {
      while (!changed && (dir === 'undo' ? um.canUndo() : um.canRedo())) changed = step(dir);
    } finally {
      stepping = false;
    }
    emit();
    return changed;
  };

  return {
    undo: () => run('undo'),
    redo: () => run('redo'),
    canUndo: () => um.canUndo(),
    canRedo: () => um.canRedo(),
    stopCapturing: () => um.stopCapturing(),
    clear: () => um.clear(),
    on(_event, listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    destroy() {
      um.clear();
      um.destroy();
      listeners.clear();
    },
  };
}

/**
 * Deletes geometry entries the undo restored that must not win: their key still has an entry
 * that was live before the undo (written since by someone), or their item does not exist.
 */
function vetoRestoredGeometry(t: BoardTypes, liveBefore: ReadonlySet<unknown>): void {
  const vals = t.geometry.toArray();
  const stillLive = new Set<string>();
  for (const v of vals) if (isEntry(v) && liveBefore.has(v)) stillLive.add(v.key);
  for (let i = vals.length - 1; i >= 0; i--) {
    const v = vals[i];
    if (!isEntry(v) || liveBefore.has(v)) continue;
    if (stillLive.has(v.key) || !t.items.has(v.key)) t.geometry.delete(i, 1);
  }
}

/** True if the transaction changed items or metadata, or the winning geometry of an existing item. */
function changedReadState(tr: Y.Transaction, t: BoardTypes, before: Map<string, unknown>): boolean {
  const changedTypes: ReadonlyMap<unknown, unknown> = tr.changedParentTypes;
  if (changedTypes.has(t.items) || changedTypes.has(t.meta)) return true;
  const after = latestEntries(t.geometry);
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    if (t.items.has(key) && before.get(key) !== after.get(key)) return true;
  }
  return false;
}
