/**
 * What the workshop pages need from the outside world, in one replaceable object: the API
 * (fetch), the control document, board connections and watched rooms. Tests pass fakes.
 */
import type { Board } from '../model/index.js';
import { connectBoard, type ConnectionStatus } from '../sync/connection.js';
import type { Presence, User } from '../sync/presence.js';
import { WorkshopApi, type FetchLike } from './api-client.js';
import { connectControl, watchRefusals, watchRoom, type ControlSource, type Refusal, type WatchedRoom } from './control.js';

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
    control: (id, token) => connectControl(id, token),
    groupBoard(room, token, user) {
      const conn = connectBoard({ room, user, params: { token } });
      const refusals = watchRefusals(conn.provider);
      return {
        board: conn.board,
        presence: conn.presence,
        clientId: conn.doc.clientID,
        synced: conn.synced,
        status: () => conn.status(),
        onStatus: (l) => conn.onStatus(l),
        onRefused: (l) => refusals.onRefused(l),
        destroy() {
          refusals.destroy();
          conn.destroy();
        },
      };
    },
    watch: (room, token) => watchRoom(room, token),
    now: () => Date.now(),
  };
}
