/**
 * `PUT /api/workshops/:id/groups/:n`: a board from outside (a Miro frame sent again) updates a
 * group it made before. The board sent holds widgets with their records (as the Miro app builds
 * it); for each widget, the group's widget of the same type keeps its place, and its records of
 * the kinds the Miro mapping writes (the matrix's notes, the profile's cards, the puzzle's
 * notes) are replaced by the sent ones. Everything else on the group's board stays (other
 * widgets, assessments, canvas notes), so a group board placed into Miro as several frames takes
 * each frame back without losing the others. A widget the group's board lacks is added with its
 * frame, below what is there. One transaction: participants see the change at once.
 */
import * as Y from 'yjs';
import { fullKind } from '../../src/kinds/full.js';
import { Board, ownerKey } from '../../src/model/index.js';
import type { Item, Kind, Origin, WidgetType } from '../../src/model/index.js';
import { object, string, type Validator } from '../../src/model/validate.js';
import type { Config } from '../config.js';
import { HttpError } from '../http/errors.js';
import type { Logger } from '../http/log.js';
import type { RequestContext, Router } from '../http/router.js';
import type { Rooms } from '../sync/rooms.js';
import { SERVER_ORIGIN } from '../sync/rooms.js';
import type { Access } from './types.js';

/** Vertical gap between what the board holds and an added widget's frame. */
const GAP = 80;

/** What an update changed: per widget type, whether it was added and how many records it now has. */
export interface GroupBoardUpdate {
  widgets: { type: WidgetType; added: boolean; records: number }[];
}

/** The sent board, decoded; a 400 unless it holds at least one widget the Miro app maps. */
function decode(update: Uint8Array): Board {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
  } catch {
    throw new HttpError(400, 'body.board: not a kaedeboard board (a base64 Yjs update)');
  }
  const board = new Board(doc);
  if (widgetsOf(board).length === 0) throw new HttpError(400, 'body.board: holds no widget that a Miro frame maps to');
  return board;
}

function widgetsOf(board: Board): Item<'widget'>[] {
  return board.read().items.filter((i): i is Item<'widget'> => i.kind === 'widget' && fullKind(i.props.widget).miro !== undefined);
}

/** A record's props pointing at a new owner. */
function ownedBy(record: Item, owner: string): Record<string, unknown> {
  const key = ownerKey(record.kind) as string;
  return { ...(record.props as Record<string, unknown>), [key]: owner };
}

/** Applies the sent board's widgets to `target` (the group room's document) as described above. */
export function updateGroupBoard(target: Y.Doc, update: Uint8Array, origin: Origin): GroupBoardUpdate {
  const source = decode(update);
  const board = new Board(target);
  const out: GroupBoardUpdate = { widgets: [] };
  try {
    board.transact(() => {
      for (const w of widgetsOf(source)) {
        const type = w.props.widget;
        const kinds = fullKind(type).miro?.records ?? [];
        let id = widgetsOf(board).find((x) => x.props.widget === type)?.id;
        const added = id === undefined;
        if (id === undefined) id = copyWidget(board, source, w, origin);
        else board.delete(board.owned(id).filter((r) => kinds.includes(r.kind)).map((r) => r.id), origin);
        let records = 0;
        for (const r of source.owned(w.id)) {
          if (!kinds.includes(r.kind)) continue;
          board.create(r.kind as Kind, { props: ownedBy(r, id) as never }, origin);
          records++;
        }
        out.widgets.push({ type, added, records });
      }
    }, origin);
  } finally {
    board.destroy();
    source.destroy();
    source.doc.destroy();
  }
  return out;
}

/** Copies widget `w` of `source` (with the frame it sits in) to `board`, below its content; returns the copy's id. */
function copyWidget(board: Board, source: Board, w: Item<'widget'>, origin: Origin): string {
  const items = board.read().items.filter((i) => i.geometry !== undefined && !ownerKey(i.kind));
  const bottom = items.reduce((b, i) => Math.max(b, i.geometry.y + i.geometry.h), 0);
  const frame = w.geometry.parent === null ? undefined : source.get(w.geometry.parent);
  const top = frame?.geometry.y ?? w.geometry.y;
  const dy = (items.length === 0 ? 0 : bottom + GAP) - top;
  let parent: string | null = null;
  if (frame !== undefined && frame.kind === 'frame') {
    parent = board.create('frame', { props: frame.props, geometry: { ...frame.geometry, y: frame.geometry.y + dy, parent: null } }, origin);
  }
  return board.create('widget', { props: w.props, geometry: { ...w.geometry, y: w.geometry.y + dy, parent } }, origin);
}

export interface GroupBoardDeps {
  rooms: Rooms;
  config: Pick<Config, 'maxImportBytes'>;
  log: Logger;
  /** The caller's access, when it is the facilitator's (else it throws 401/403). */
  facilitator: (ctx: RequestContext) => Promise<Access>;
}

/** What `PUT /api/workshops/:id/groups/:n` answers. */
export interface GroupBoardResponse extends GroupBoardUpdate {
  number: number;
  name: string;
}

/** `PUT /api/workshops/:id/groups/:n` `{ board }` (base64 Yjs update), the facilitator's token only. */
export function registerGroupBoardRoute(r: Router, deps: GroupBoardDeps): void {
  r.on('PUT', '/api/workshops/:id/groups/:n', async (ctx): Promise<GroupBoardResponse> => {
    const a = await deps.facilitator(ctx);
    const n = Number(ctx.params.n);
    const group = a.workshop.groups.find((g) => g.number === n);
    if (!group) throw new HttpError(404, `no group ${ctx.params.n} in this workshop`);
    const limit = deps.config.maxImportBytes;
    const body = ctx.json(limit);
    const { board } = valid(object({ board: string({ min: 4, max: limit, pattern: /^[A-Za-z0-9+/]+={0,2}$/ }) }), await body);
    const update = await deps.rooms.change(group.room, (doc) => updateGroupBoard(doc, Buffer.from(board, 'base64'), SERVER_ORIGIN));
    deps.log.info('workshop.update-board', { workshop: a.workshop.id, group: n, widgets: update.widgets.map((w) => w.type) });
    return { number: group.number, name: group.name, ...update };
  });
}

function valid<T>(v: Validator<T>, input: unknown): T {
  const r = v.validate(input, 'body');
  if (!r.ok) throw new HttpError(400, r.error);
  return r.value;
}
