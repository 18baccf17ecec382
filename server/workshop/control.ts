/**
 * The control document of a workshop (room `w-<id>-control`): what every participant sees at
 * once — timer, broadcast message, lock, groups, moves. Only the server writes it (clients
 * connect read-only), one key per field of ControlState.
 */
import type * as Y from 'yjs';
import type { ControlState, TimerRequest } from '../../src/workshop/api.js';
import { HttpError } from '../http/errors.js';
import type { Rooms } from '../sync/rooms.js';
import { controlRoom } from './names.js';
import type { Workshop } from './types.js';

const MAX_MINUTES = 240;

function map(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('control');
}

export function initialControl(w: Workshop): ControlState {
  return {
    title: w.title,
    locked: w.locked,
    crossView: w.crossView,
    timer: { endsAt: null, remainingMs: null },
    message: null,
    groups: w.groups.map((g) => ({ number: g.number, name: g.name, room: g.room })),
    moves: {},
    deleted: false,
  };
}

export class Control {
  constructor(readonly rooms: Rooms) {}

  write(workshopId: string, patch: Partial<ControlState>): void {
    this.rooms.change(controlRoom(workshopId), (doc) => {
      for (const [k, v] of Object.entries(patch)) map(doc).set(k, v);
    });
  }

  read(workshopId: string): Partial<ControlState> {
    return this.rooms.change(controlRoom(workshopId), (doc) => map(doc).toJSON() as Partial<ControlState>);
  }

  /** Groups as the workshop has them now (after a restore adds one). */
  syncGroups(w: Workshop): void {
    this.write(w.id, { groups: w.groups.map((g) => ({ number: g.number, name: g.name, room: g.room })) });
  }

  timer(workshopId: string, req: TimerRequest, now = Date.now()): ControlState['timer'] {
    const current = this.read(workshopId).timer ?? { endsAt: null, remainingMs: null };
    const ms = (m: unknown): number => {
      if (typeof m !== 'number' || !Number.isFinite(m) || m <= 0 || m > MAX_MINUTES) throw new HttpError(400, `minutes must be a number above 0 and at most ${MAX_MINUTES}`);
      return Math.round(m * 60_000);
    };
    let next: ControlState['timer'];
    switch (req.action) {
      case 'start':
        next = { endsAt: now + ms(req.minutes), remainingMs: null };
        break;
      case 'add':
        if (current.endsAt !== null) next = { endsAt: Math.max(current.endsAt, now) + ms(req.minutes), remainingMs: null };
        else if (current.remainingMs !== null) next = { endsAt: null, remainingMs: current.remainingMs + ms(req.minutes) };
        else next = { endsAt: now + ms(req.minutes), remainingMs: null };
        break;
      case 'pause':
        next = current.endsAt !== null ? { endsAt: null, remainingMs: Math.max(0, current.endsAt - now) } : current;
        break;
      case 'resume':
        next = current.remainingMs !== null ? { endsAt: now + current.remainingMs, remainingMs: null } : current;
        break;
      case 'stop':
        next = { endsAt: null, remainingMs: null };
        break;
      default:
        throw new HttpError(400, "action must be one of 'start', 'add', 'pause', 'resume', 'stop'");
    }
    this.write(workshopId, { timer: next });
    return next;
  }

  /** Records a move the facilitator asked for; the participant's page accepts it. */
  requestMove(workshopId: string, clientId: number, toGroup: number, now = Date.now()): void {
    const moves = { ...(this.read(workshopId).moves ?? {}) };
    moves[String(clientId)] = { toGroup, at: now };
    this.write(workshopId, { moves });
  }

  /** Takes a pending move for `clientId` (once); undefined when there is none. */
  takeMove(workshopId: string, clientId: number): { toGroup: number } | undefined {
    const moves = { ...(this.read(workshopId).moves ?? {}) };
    const move = moves[String(clientId)];
    if (!move) return undefined;
    delete moves[String(clientId)];
    this.write(workshopId, { moves });
    return { toGroup: move.toGroup };
  }
}
