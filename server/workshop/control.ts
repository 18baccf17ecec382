/**
 * The server's hand on a workshop's control document (room `w-<id>-control`): what every
 * participant sees at once — timer, broadcast message, lock, groups, moves, the run-sheet and
 * its current step, and where the facilitator draws attention. Only the server
 * writes it (clients connect read-only). The document's schema, validation and writes are the
 * model's `ControlWriter`; this class finds the room and turns a refused request into a 400.
 * Each call runs in the room's queue and resolves once its change is stored (and, with several
 * instances, after the room caught up with the others' changes).
 */
import { ControlWriter, initialControl } from '../../src/model/control-writer.js';
import { currentStep, type ControlState, type Step, type TimerRequest } from '../../src/model/index.js';
import { controlRoom } from '../../src/workshop/rooms.js';
import { HttpError } from '../http/errors.js';
import { SERVER_ORIGIN, type Rooms } from '../sync/rooms.js';
import type { Workshop } from './types.js';

export class Control {
  constructor(readonly rooms: Rooms) {}

  #change<T>(workshopId: string, fn: (control: ControlWriter) => T): Promise<T> {
    return this.rooms.change(controlRoom(workshopId), (doc) => fn(new ControlWriter(doc)));
  }

  async write(workshopId: string, patch: Partial<ControlState>): Promise<void> {
    await this.#change(workshopId, (c) => c.write(patch, SERVER_ORIGIN));
  }

  /** The validated state; null before the workshop's first write. */
  read(workshopId: string): Promise<ControlState | null> {
    return this.#change(workshopId, (c) => c.state());
  }

  /** Groups as the workshop has them now (after a restore adds one). */
  syncGroups(w: Workshop): Promise<void> {
    return this.write(w.id, { groups: initialControl(w).groups });
  }

  async timer(workshopId: string, req: TimerRequest, now = Date.now()): Promise<ControlState['timer']> {
    const r = await this.#change(workshopId, (c) => c.setTimer(req, now, SERVER_ORIGIN));
    if (!r.ok) throw new HttpError(400, r.error);
    return r.value;
  }

  /** Records a move the facilitator asked for; the participant's page accepts it. */
  async requestMove(workshopId: string, clientId: number, toGroup: number, now = Date.now()): Promise<void> {
    await this.#change(workshopId, (c) => c.requestMove(clientId, toGroup, now, SERVER_ORIGIN));
  }

  /** Takes a pending move for `clientId` (once); undefined when there is none. */
  takeMove(workshopId: string, clientId: number): Promise<{ toGroup: number } | undefined> {
    return this.#change(workshopId, (c) => c.takeMove(clientId, SERVER_ORIGIN));
  }

  /** Replaces the run-sheet (the current step stays when it is still there). */
  async steps(workshopId: string, steps: readonly Step[]): Promise<void> {
    await this.#change(workshopId, (c) => c.setSteps(steps, SERVER_ORIGIN));
  }

  /** Moves the workshop to step `stepId` (and starts its minutes); null when there is no such step. */
  goToStep(workshopId: string, stepId: string, now = Date.now()): Promise<Step | null> {
    return this.#change(workshopId, (c) => c.goToStep(stepId, now, SERVER_ORIGIN));
  }

  /** The step the workshop is at, if any. */
  async current(workshopId: string): Promise<Step | null> {
    return currentStep(await this.read(workshopId));
  }
}
