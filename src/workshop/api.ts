/**
 * The workshop API contract, shared by the server (server/workshop/api.ts) and the browser app.
 * Every call but create, import and join carries `Authorization: Bearer <token>`; create and
 * import carry `X-Organiser-Key: <key>` when the server has one (`GET /api/info` says so).
 * Websockets carry the token as the subprotocol `kaedeboard.token.<token>` beside `kaedeboard`
 * (y-websocket's `protocols`; `?token=<token>` is read too). Errors are `{ error: string }` with 400
 * (bad input), 401 (no, unknown or revoked token; no organiser key), 403 (a token without the
 * right; a wrong organiser key), 404 (no such workshop / snapshot), 413 (too large), 421 (a
 * host name the server does not answer to), 429 (too many attempts).
 *
 * Roles: the facilitator may do everything; the plenum (the projector's link) reads the
 * workshop, every board and every snapshot, nothing else; a participant reads the workshop and
 * their own group's board (others' when cross-view is on), and takes a move meant for them.
 *
 *   POST   /api/workshops                               CreateWorkshopRequest -> CreatedWorkshopResponse (201)
 *   POST   /api/workshops/import                        WorkshopExport        -> CreatedWorkshopResponse (201)
 *   POST   /api/join                                    { code }              -> JoinResponse
 *   GET    /api/workshops/:id                           (any role)            -> WorkshopView
 *   DELETE /api/workshops/:id                           (facilitator)         -> { deleted: true }
 *   POST   /api/workshops/:id/lock                      { locked }            -> WorkshopView
 *   POST   /api/workshops/:id/cross-view                { enabled }           -> WorkshopView
 *   POST   /api/workshops/:id/timer                     TimerRequest          -> ControlState['timer']
 *   POST   /api/workshops/:id/message                   { text }              -> ControlState['message']
 *   POST   /api/workshops/:id/moves                     { clientId, toGroup } -> { ok: true }   (facilitator)
 *   POST   /api/workshops/:id/moves/accept              { clientId }          -> JoinResponse    (the moved participant's own connection; the old token is revoked)
 *   POST   /api/workshops/:id/tokens                                          -> JoinResponse    (a participant: a personal token for the own group)
 *   POST   /api/workshops/:id/snapshots                 { name }              -> SnapshotSetView (201)
 *   GET    /api/workshops/:id/snapshots                                       -> SnapshotSetView[] (facilitator, plenum)
 *   GET    /api/workshops/:id/snapshots/:set/groups/:n                        -> application/octet-stream (a Yjs update: the board)
 *   POST   /api/workshops/:id/snapshots/:set/restore    { group }             -> GroupLink (a new group holding that board)
 *   GET    /api/workshops/:id/boards/:n                                       -> application/octet-stream (the live board)
 *   GET    /api/workshops/:id/export?format=F[&snapshot=S][&group=N]          -> the file (facilitator); F in ExportFormat
 *   POST   /api/workshops/:id/exports                   { format, snapshot?, group? } -> { job } (202): a long export
 *   GET    /api/workshops/:id/exports/:job                                    -> ExportJobStatus
 *   GET    /api/workshops/:id/exports/:job/file                               -> the file, once done (409 before)
 *   POST   /api/workshops/:id/groups                    { name, board }       -> GroupLink (201): a board from outside (Miro)
 *   GET    /api/workshops/:id/run-sheet                                       -> RunSheetView (facilitator; a workshop from before run-sheets gets its parts' default steps)
 *   POST   /api/workshops/:id/run-sheet/steps/:step     StepRequest           -> RunSheetView (edit a step's instruction or minutes)
 *   POST   /api/workshops/:id/run-sheet/go              { step } | { to: 'next' | 'previous' } -> RunSheetView (every board goes to the step's tools; its minutes start the timer)
 *   POST   /api/workshops/:id/attention                 AttentionRequest      -> Attention ("bring everyone here": a group's or every group's boards go to a tool or a place)
 *   POST   /api/workshops/:id/pointer                   PointerRequest        -> Pointer | null ("look here" on every screen of a group; point null: away)
 *   POST   /api/workshops/:id/lead                      LeadRequest           -> Lead | null (a group follows the facilitator's view; clientId null: stop)
 *
 * Pages: /f/<id>#<facilitator token> (console), /p/<id>#<plenum token> (plenum),
 * /g/<id>/<n>#<group token> (a group's board), /join (type a code).
 */
import type { Locale } from '../i18n/index.js';
import type { Attention, BoardRect, ControlState, CurrentStep, Lead, Pointer, Step, TimerRequest } from '../model/control.js';
import type { WidgetType } from '../model/widget.js';
import type { Part } from './parts.js';

/**
 * The control document's state and the timer request are the model's (src/model/control.ts,
 * beside the validator that reads them): what the timer endpoint returns is what the document
 * holds, so the contract names them from there rather than declaring them a second time.
 */
export type { Attention, ControlState, Lead, Part, Pointer, Step, TimerRequest };
export type Role = 'facilitator' | 'plenum' | 'participant';
export type ExportFormat = 'json' | 'csv' | 'md' | 'pdf' | 'svg' | 'png' | 'docx';

export interface CreateWorkshopRequest {
  title: string;
  parts: Part[];
  /** 1..30 */
  groups: number;
  locale: Locale;
}

export interface GroupLink {
  number: number;
  name: string;
  /** Six characters a participant can type at /join. */
  code: string;
  room: string;
  token: string;
  /** Path with the token in the fragment: /g/<id>/<n>#<token>. */
  link: string;
}

export interface CreatedWorkshopResponse {
  id: string;
  title: string;
  parts: Part[];
  locale: Locale;
  facilitatorToken: string;
  /** Reads every board and snapshot, nothing else: for the projector. */
  plenumToken: string;
  links: { facilitator: string; plenum: string; join: string };
  groups: GroupLink[];
}

export interface JoinResponse {
  workshopId: string;
  group: number;
  token: string;
  link: string;
}

export interface GroupView {
  number: number;
  name: string;
  room: string;
  /** Facilitator only. */
  code?: string;
  /** Open connections to the group's board. */
  online: number;
}

export interface WorkshopView {
  id: string;
  title: string;
  parts: Part[];
  locale: Locale;
  createdAt: number;
  locked: boolean;
  crossView: boolean;
  role: Role;
  /** The caller's group (participants). */
  group?: number;
  groups: GroupView[];
  controlRoom: string;
  /** When the server deletes the workshop (ms since epoch). */
  expiresAt: number;
  /** The plenum view's address with the plenum token (facilitator only). */
  plenumLink?: string;
  /** The caller holds the group's shared link token (participants): trade it for a personal one (POST …/tokens). */
  sharedLink?: boolean;
}

/** `GET /api/info`. */
export interface ServerInfo {
  name: string;
  version: string;
  schemaVersion: number;
  maxMessageBytes: number;
  /** Creating and importing need `X-Organiser-Key`. */
  organiserKey: boolean;
  /** Boards outside workshops (/b/<name>) may be opened. */
  openBoards: boolean;
}

export interface SnapshotSetView {
  id: string;
  name: string;
  createdAt: number;
  groups: number[];
}

/** The workshop as JSON, which `POST /api/workshops/import` takes back. */
export interface WorkshopExport {
  format: 'kaedeboard-workshop';
  version: 1;
  title: string;
  parts: Part[];
  locale: Locale;
  exportedAt: number;
  groups: { number: number; name: string; /** base64 Yjs update of the board */ board: string }[];
}

export interface ExportJobStatus {
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  error?: string;
}

/** The run-sheet and the step the workshop is at. */
export interface RunSheetView {
  steps: Step[];
  step: CurrentStep | null;
}

/** A step's instruction (either language) or minutes (null: no timer), as the facilitator edits them. */
export interface StepRequest {
  text?: { da?: string; en?: string };
  minutes?: number | null;
}

/**
 * "Bring everyone here": the boards of `group` (null or absent: every group's) go to the first
 * `tool`, or to `rect` on that group's board; with neither, to the current step's first tool.
 */
export interface AttentionRequest {
  group?: number | null;
  tool?: WidgetType;
  rect?: BoardRect;
}

/** A "look here" pointer at a point of group `group`'s board (null: take it away). */
export interface PointerRequest {
  group: number;
  point: { x: number; y: number } | null;
}

/** Group `group` follows the view of the facilitator's own connection `clientId` to its board (null: stop). */
export interface LeadRequest {
  group: number;
  clientId: number | null;
}
