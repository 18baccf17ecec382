/**
 * What the workshop pages need from the outside world, in one replaceable object: the API
 * (fetch), the control document, board connections and watched rooms. Tests pass fakes.
 */
import type { Board } from '../model/index.js';
import { connectBoard, refusedChangeText, watchBoard, type ConnectionStatus, type ReadOnly } from '../sync/connection.js';
import { connectControl } from '../sync/control.js';
import type { Presence, User } from '../sync/presence.js';
import { controlRoom } from '../workshop/rooms.js';
import { WorkshopApi, type FetchLike } from './api-client.js';
import { controlReadOptions, watchedRoom, type ControlSource, type Refusal, type WatchedRoom } from './control.js';

/** A participant's live board connection. */
export interface GroupBoardConnection {
  readonly board: Board;
  readonly presence: Presence;
  /** This participant's awareness client id (the doc's clientID): what a move names. */
  readonly clientId: number;
  /** Resolves after the first sync with the server. */
  readonly synced: Promise<void>;
  status(): ConnectionStatus;
  onStatus(l: (s: ConnectionStatus) => void): () => void;
  onRefused(l: (r: Refusal) => void): () => void;
  /** Null while this build may write the board; else why not (see src/sync/connection.ts). */
  readOnly(): ReadOnly | null;
  onReadOnly(l: (r: ReadOnly) => void): () => void;
  /**
   * Called when the server refused a change for good and the connection dropped its copy and
   * rejoined with a fresh one: `board`, `presence` and `clientId` are new from then on, and
   * `refusedText` says why, in the page's language.
   */
  onReplaced(l: (refusedText: string) => void): () => void;
  destroy(): void;
}

export interface Services {
  api(token?: string): WorkshopApi;
  control(workshopId: string, token: string): ControlSource;
  groupBoard(room: string, token: string, user: User): GroupBoardConnection;
  watch(room: string, token: string): WatchedRoom;
  /** ms since epoch (the timer's clock). */
  now(): number;
}

export function defaultServices(fetch?: FetchLike): Services {
  return {
    api: (token) => new WorkshopApi({ token, ...(fetch ? { fetch } : {}) }),
    control: (id, token) => connectControl({ room: controlRoom(id), token, read: controlReadOptions }),
    groupBoard(room, token, user) {
      const conn = connectBoard({ room, user, token });
      // Getters: after a refused change the connection rejoins with a new document.
      return {
        get board() {
          return conn.board;
        },
        get presence() {
          return conn.presence;
        },
        get clientId() {
          return conn.doc.clientID;
        },
        synced: conn.synced,
        status: () => conn.status(),
        onStatus: (l) => conn.onStatus(l),
        onRefused: (l) => conn.onRefused(l),
        readOnly: () => conn.readOnly(),
        onReadOnly: (l) => conn.onReadOnly(l),
        onReplaced: (l) =>
          conn.onReplaced(() => {
            const r = conn.refusedChange();
            l(r ? refusedChangeText(r) : '');
          }),
        destroy: () => conn.destroy(),
      };
    },
    watch: (room, token) => watchedRoom(watchBoard({ room, token })),
    now: () => Date.now(),
  };
}
