/**
 * Who may open which room. Workshop rooms (`w-<id>-g<n>`, `w-<id>-control`) need a token of
 * that workshop: the facilitator reads and writes every board; the plenum reads every board;
 * a participant writes their own group's board while it is not locked, reads other groups'
 * boards only when the facilitator allows it, and everyone reads the control document, which
 * only the server writes. A revoked token (a participant who moved) opens nothing. Other rooms
 * are free boards, open unless `openBoards` is off, and remembered for the retention rule.
 * A connection's `subject` is its token's hash: what a move checks the caller against.
 */
import type { Config } from '../config.js';
import type { WorkshopStore } from '../storage/store.js';
import { openAccess, type Authorize } from '../sync/endpoint.js';
import { hashToken } from './tokens.js';
import { parseWorkshopRoom } from '../../src/workshop/rooms.js';

export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_FORBIDDEN = 4403;
export const CLOSE_UNKNOWN = 4404;
/** Why a revoked token is refused (HTTP 401 and websocket 4401 alike). */
export const REVOKED = 'this token was revoked: its participant moved to another group';

export function workshopAuthorizer(workshops: WorkshopStore, config: Config): Authorize {
  return async (room, token) => {
    const parsed = parseWorkshopRoom(room);
    if (!parsed) {
      if (room.startsWith('w-')) return { ok: false, code: CLOSE_UNKNOWN, reason: 'unknown workshop room' };
      if (!config.openBoards) return { ok: false, code: CLOSE_FORBIDDEN, reason: 'boards outside workshops are turned off' };
      await workshops.noteFreeBoard(room);
      return openAccess(room, token);
    }
    const w = await workshops.get(parsed.workshopId);
    if (!w) return { ok: false, code: CLOSE_UNKNOWN, reason: 'unknown workshop' };
    if (!token) return { ok: false, code: CLOSE_UNAUTHORIZED, reason: 'missing token' };
    const a = await workshops.authenticate(w.id, token);
    if (!a) return { ok: false, code: CLOSE_UNAUTHORIZED, reason: (await workshops.isRevoked(w.id, token)) ? REVOKED : 'invalid token' };
    const label = a.role === 'participant' ? `participant of group ${a.group?.number}` : a.role;
    const subject = hashToken(token);
    if (parsed.group === 'control') return { ok: true, canWrite: () => false, refusal: () => 'only the server writes the control board', label, subject };
    if (!w.groups.some((g) => g.number === parsed.group)) return { ok: false, code: CLOSE_UNKNOWN, reason: 'unknown group' };
    if (a.role === 'facilitator') return { ok: true, canWrite: () => true, refusal: () => '', label, subject };
    if (a.role === 'plenum') return { ok: true, canWrite: () => false, refusal: () => 'read-only: the plenum view', label, subject };
    if (a.group?.number === parsed.group) {
      // Asked of the store for every batch of writes: a lock set through any instance holds at once.
      return { ok: true, canWrite: async () => !(await workshops.isLocked(w.id)), refusal: () => 'the boards are locked', label, subject };
    }
    if (w.crossView) return { ok: true, canWrite: () => false, refusal: () => 'read-only: another group’s board', label, foreign: w.id, subject };
    return { ok: false, code: CLOSE_FORBIDDEN, reason: 'not your group' };
  };
}
