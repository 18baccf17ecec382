/**
 * What the workshop pages make of the control document and of the boards they watch: the
 * shapes the pages take (tests pass fakes of them), the timer as it shows, and the sentence
 * for a refusal or a read-only board. The connections themselves are made in src/sync (control.ts, connection.ts)
 * and the document is read by the model's ControlDoc; nothing here opens a socket or reads a
 * Y type but `boardFromUpdate`, which reads a snapshot into a Board.
 */
import * as Y from 'yjs';
import { Board, type ControlReadOptions, type ControlState } from '../model/index.js';
import { t } from '../i18n/index.js';
import type { ReadOnly, WatchedBoard } from '../sync/connection.js';
import type { Refusal } from '../sync/socket.js';
import { m } from './messages.js';

export type { Refusal };

/** How the pages read the control document: a group without a name is "Gruppe n" / "Group n". */
export const controlReadOptions: ControlReadOptions = { groupName: (n) => m('common.group', { n }) };

/** What the timer shows now: ms left, and whether it runs. */
export function timerRemaining(timer: ControlState['timer'], now = Date.now()): { ms: number; running: boolean } | null {
  if (timer.endsAt !== null) return { ms: Math.max(0, timer.endsAt - now), running: true };
  if (timer.remainingMs !== null) return { ms: timer.remainingMs, running: false };
  return null;
}

/** mm:ss (minutes may pass 99). Rounds up, so 0:00 shows only when time is really up. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const mm = Math.floor(total / 60);
  const ss = total % 60;
  return `${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
}

/** The plain sentence for a refusal close code. */
export function refusalText(r: Refusal): string {
  if (r.code === 4401) return m('group.refused4401');
  if (r.code === 4403) return m('group.refused4403');
  if (r.code === 4404) return m('group.refused4404');
  if (r.code === 4410) return m('group.deleted');
  return m('group.refused', { reason: r.reason || String(r.code) });
}

/** The sentence for a board this build may not write (see ReadOnly in src/sync/connection.ts); '' when it may. */
export function readOnlyText(r: ReadOnly | null): string {
  if (!r) return '';
  return t(r.reason === 'newer-schema' ? 'board.readOnlyNewer' : 'board.readOnlyCannotMigrate');
}

/** A source of control states (the live document, or a fake in tests). */
export interface ControlSource {
  state(): ControlState | null;
  onChange(listener: (s: ControlState | null) => void): () => void;
  onRefused(listener: (r: Refusal) => void): () => void;
  destroy(): void;
}

/** A person on a board, as awareness tells. */
export interface Person {
  clientId: number;
  name: string;
  color: string;
}

/** A board watched without being seen: no presence of our own, nothing written. */
export interface WatchedRoom {
  readonly board: Board;
  people(): Person[];
  onChange(listener: () => void): () => void;
  onRefused(listener: (r: Refusal) => void): () => void;
  destroy(): void;
}

/** A watched board (src/sync) as the pages take it: its peers as people. */
export function watchedRoom(w: WatchedBoard): WatchedRoom {
  return {
    board: w.board,
    people: () => w.peers().map((p) => ({ clientId: p.clientId, name: p.user.name, color: p.user.color })),
    onChange: (l) => w.onChange(l),
    onRefused: (l) => w.onRefused(l),
    destroy: () => w.destroy(),
  };
}

/** A Board on a fresh document holding one Yjs update (a snapshot): read only. */
export function boardFromUpdate(update: Uint8Array): { board: Board; destroy(): void } {
  const doc = new Y.Doc();
  if (update.byteLength > 0) Y.applyUpdate(doc, update, 'snapshot');
  const board = new Board(doc);
  return {
    board,
    destroy() {
      board.destroy();
      doc.destroy();
    },
  };
}
