/**
 * Board: the only door to a board's Y.Doc. Widgets and the canvas read validated records and
 * write through methods that take an `origin` (so per-user undo can track them); nothing
 * outside src/model touches a Y type.
 *
 * Storage layout (schema v1):
 *
 * - `doc.getMap('meta')`: `title` (string), `schemaVersion` (integer), `placedWidgets` (a plain
 *   JSON array of widget type names, written whole).
 * - `doc.getMap('items')`: item id -> `Y.Map` holding `kind`, one key per prop, and optionally
 *   `createdBy` (a client tag, never a display name). Props are separate keys so two people
 *   editing different props of one item merge instead of clobbering each other.
 * - `doc.getArray('geometry')`: item id -> {@link Geometry} as one plain JSON value, stored as a
 *   last-writer-wins log in y-utility's YKeyValue format (`{ key, val }` entries, rightmost
 *   live entry wins; see keyed-log.ts). Moves are the most frequent write; a Y.Map keeps a
 *   struct per overwrite when keys alternate, the log keeps the document bounded.
 *   `x`/`y` are absolute board coordinates; `parent` is the containing frame.
 *
 * Everything read from the document is validated: a record of unknown kind or with malformed
 * props or geometry (from an older or hostile client) is skipped and reported, never thrown.
 * Missing props take their defaults; a missing geometry takes the kind's default geometry; a
 * `parent` that does not resolve to a readable item (or that loops) reads as `null`.
 * Local programming errors (invalid arguments) throw.
 *
 * About 530 lines, over the house's 400: the class is the one door, and its private readers
 * (the cache, decoding, parent resolution) hold the invariants that every write relies on, so
 * they stay beside the writes. The record types are in item.ts and the containment tree in tree.ts.
 */
import * as Y from 'yjs';
import { clampCoordinate, defaultGeometry, geometryValidator, MAX_COORDINATE } from './geometry.js';
import type { Geometry } from './geometry.js';
import { createId, itemId } from './ids.js';
import { DEDUPE_ORIGIN, KeyedLog } from './keyed-log.js';
import { isKind, kindOf, ownerKey } from './kinds.js';
import type { Kind, PropsOf } from './kinds.js';
import { boardTypes, CREATED_BY_KEY, KIND_KEY, PLACED_WIDGETS_KEY, TITLE_KEY } from './storage.js';
import type { BoardTypes } from './storage.js';
import { readMeta, titleValidator } from './meta.js';
import type { Meta } from './meta.js';
import { assertValid, number, string } from './validate.js';
import type { Validator } from './validate.js';
import { widgetType } from './widget.js';
import type { BoardChange, CreateInit, Item, ItemRecord, Move, Origin, Problem } from './item.js';
import { derivedCopyId, maxZ, rawChildren, withDescendants } from './tree.js';

export type { BoardChange, CreateInit, Item, ItemRecord, Move, Origin, Problem };
import type { WidgetType } from './widget.js';

const coordinate = number({ min: -MAX_COORDINATE, max: MAX_COORDINATE });
const clientTag = string({ max: 64 });
const MAX_PARENT_DEPTH = 32;

type Decoded = { ok: true; item: Item } | { ok: false; reason: string };

/** The board's document, read and written through validated records. */
export class Board {
  /** The wrapped document (not owned: {@link destroy} leaves it alive). */
  readonly doc: Y.Doc;
  private readonly t: BoardTypes;
  private readonly log: KeyedLog;
  private readonly listeners = new Set<(change: BoardChange) => void>();
  private readonly pending = new WeakMap<Y.Transaction, { items: Set<string>; meta: boolean }>();

  constructor(doc: Y.Doc) {
    this.doc = doc;
    this.t = boardTypes(doc);
    this.log = new KeyedLog(this.t.geometry);
    this.t.items.observeDeep(this.onItems);
    this.t.geometry.observe(this.onGeometry);
    this.t.meta.observe(this.onMeta);
    doc.on('afterTransaction', this.onAfterTransaction);
  }

  // ---- reading -------------------------------------------------------------------------

  /** Every readable item, sorted by z then id, plus the records that could not be read. */
  read(): { items: Item[]; problems: Problem[] } {
    const { items, problems } = this.decodeAll();
    const list = [...items.values()].sort(
      (a, b) => a.geometry.z - b.geometry.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    return { items: list, problems };
  }

  /** One validated item, or `undefined` if it is missing or unreadable. */
  get(id: string): Item | undefined {
    const geometries = this.log.entries();
    const decoded = this.decode(id, this.t.items.get(id), geometries.get(id));
    if (!decoded.ok) return undefined;
    const item = decoded.item;
    item.geometry.parent = this.resolveParent(item.id, item.geometry.parent, (p) => {
      const d = this.decode(p, this.t.items.get(p), geometries.get(p));
      return d.ok ? d.item.geometry : undefined;
    });
    return item;
  }

  /**
   * The readable records owned by `ownerId` (e.g. a widget's cards), optionally of one kind,
   * in id order. Unreadable ones are skipped (and reported by {@link read}).
   */
  owned<K extends Kind>(ownerId: string, kind?: K): Item<K>[] {
    const out: Item<K>[] = [];
    this.t.items.forEach((raw, id) => {
      if (this.rawOwner(raw) !== ownerId) return;
      if (kind !== undefined && (raw as Y.Map<unknown>).get(KIND_KEY) !== kind) return;
      const d = this.decode(id, raw, undefined);
      if (d.ok) out.push(d.item as Item<K>);
    });
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The board's metadata; malformed fields read as their defaults. */
  meta(): Meta {
    return readMeta((key) => this.t.meta.get(key));
  }

  // ---- writing -------------------------------------------------------------------------

  /**
   * Creates an item of `kind` on top of every other item (z = max z + 1) and returns its id.
   * Props and geometry are merged over the kind's defaults and validated; invalid input, an
   * id in use, or an unknown parent throws.
   */
  create<K extends Kind>(kind: K, init: CreateInit<K>, origin: Origin): string {
    const context = `Board.create(${String(kind)})`;
    if (!isKind(kind)) throw new Error(`${context}: unknown kind`);
    const def = kindOf(kind);
    const id = init.id === undefined ? createId() : assertValid(itemId, init.id, 'id', context);
    if (this.t.items.has(id)) throw new Error(`${context}: id ${id} is already in use`);
    const props = assertValid(def.propsValidator, { ...def.defaultProps(), ...defined(init.props ?? {}) }, 'props', context);
    const { items } = this.decodeAll();
    const base = { ...defaultGeometry, ...def.defaultSize, z: maxZ(items) + 1 };
    const geometry = assertValid(geometryValidator, { ...base, ...defined(init.geometry ?? {}) }, 'geometry', context);
    if (geometry.parent !== null && !items.has(geometry.parent)) {
      throw new Error(`${context}: geometry.parent ${geometry.parent} is not an item`);
    }
    const createdBy = init.createdBy === undefined ? undefined : assertValid(clientTag, init.createdBy, 'createdBy', context);
    const ownerProp = ownerKey(kind);
    if (ownerProp !== undefined) {
      const ownerId = (props as Record<string, unknown>)[ownerProp];
      if (typeof ownerId !== 'string' || !this.t.items.has(ownerId)) {
        throw new Error(`${context}: props.${ownerProp} ${String(ownerId)} is not an item`);
      }
    }
    this.doc.transact(() => this.writeItem(id, kind, props, ownerProp === undefined ? geometry : null, createdBy), origin);
    return id;
  }

  /**
   * Sets some props of an item; only keys whose value changes are written. Returns false if
   * the item is missing or of an unknown kind (e.g. deleted by a peer). A key the kind does not
   * have, or an invalid value, throws. An `undefined` value leaves the key unchanged.
   */
  updateProps<K extends Kind = Kind>(id: string, patch: Partial<PropsOf<K>>, origin: Origin): boolean {
    const map = this.t.items.get(id);
    if (!(map instanceof Y.Map)) return false;
    const kind: unknown = map.get(KIND_KEY);
    if (!isKind(kind)) return false;
    const shape = kindOf(kind).propsValidator.shape;
    const changes: [string, unknown][] = [];
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      if (!Object.hasOwn(shape, key)) throw new Error(`Board.updateProps: a ${kind} has no prop "${key}"`);
      const valid = assertValid(shape[key] as Validator<unknown>, value, `props.${key}`, 'Board.updateProps');
      if (!sameJson(map.get(key), valid)) changes.push([key, valid]);
    }
    if (changes.length > 0) {
      this.doc.transact(() => {
        for (const [key, value] of changes) map.set(key, value);
      }, origin);
    }
    return true;
  }

  /**
   * Moves an item's top-left corner to `to`; items inside it (by `parent`, transitively)
   * move by the same delta. Returns false if the item is missing or unreadable.
   */
  move(id: string, to: { x: number; y: number }, origin: Origin): boolean {
    return this.moveMany([{ id, x: to.x, y: to.y }], origin).includes(id) || this.get(id) !== undefined;
  }

  /**
   * Moves several items in one transaction (one update, one undo step). Items inside a moved
   * item follow it unless they are moved explicitly. Missing ids are skipped; non-finite or
   * out-of-range coordinates throw. Returns the ids whose geometry was written.
   */
  moveMany(moves: readonly Move[], origin: Origin): string[] {
    const targets = new Map<string, { x: number; y: number }>();
    for (const [i, m] of moves.entries()) {
      const x = assertValid(coordinate, m.x, `moves[${i}].x`, 'Board.moveMany');
      const y = assertValid(coordinate, m.y, `moves[${i}].y`, 'Board.moveMany');
      targets.set(m.id, { x, y });
    }
    // Decode only the items involved: drags call this at pointer rate.
    const geometries = this.log.entries();
    const children = rawChildren(geometries);
    const geometryOf = (id: string): Geometry | undefined => {
      const d = this.decode(id, this.t.items.get(id), geometries.get(id));
      return d.ok ? d.item.geometry : undefined;
    };
    const writes = new Map<string, Geometry>();
    for (const [id, to] of targets) {
      const g = geometryOf(id);
      if (g === undefined) continue;
      const dx = to.x - g.x;
      const dy = to.y - g.y;
      if (dx === 0 && dy === 0) continue;
      writes.set(id, { ...g, x: to.x, y: to.y });
      const stack = [...(children.get(id) ?? [])];
      for (let c = stack.pop(); c !== undefined; c = stack.pop()) {
        if (targets.has(c) || writes.has(c)) continue;
        const cg = geometryOf(c);
        if (cg === undefined) continue;
        writes.set(c, { ...cg, x: clampCoordinate(cg.x + dx), y: clampCoordinate(cg.y + dy) });
        stack.push(...(children.get(c) ?? []));
      }
    }
    if (writes.size > 0) {
      this.doc.transact(() => {
        for (const [id, g] of writes) this.log.set(id, g);
      }, origin);
    }
    return [...writes.keys()];
  }

  /**
   * Sets some geometry fields of one item (no children follow; use {@link move} for drags).
   * Returns false if the item is missing or unreadable. Invalid values, an unknown parent or a
   * parent cycle throw.
   */
  setGeometry(id: string, patch: Partial<Geometry>, origin: Origin): boolean {
    const item = this.get(id);
    if (item === undefined) return false;
    const context = 'Board.setGeometry';
    const next = assertValid(geometryValidator, { ...item.geometry, ...defined(patch) }, 'geometry', context);
    if (next.parent !== null && next.parent !== item.geometry.parent) {
      const parent = this.get(next.parent);
      if (parent === undefined) throw new Error(`${context}: geometry.parent ${next.parent} is not an item`);
      if (parent.id === id || this.ancestors(parent.id).includes(id)) {
        throw new Error(`${context}: geometry.parent ${next.parent} would put ${id} inside itself`);
      }
    }
    if (!sameJson(next, item.geometry)) this.doc.transact(() => this.log.set(id, next), origin);
    return true;
  }

  /**
   * Puts the items above every other item, keeping their order; items inside them come along,
   * each right above its container. One transaction.
   */
  bringToFront(ids: readonly string[], origin: Origin): void {
    const { items } = this.decodeAll();
    const ordered = withDescendants(ids, items);
    if (ordered.length === 0) return;
    let z = maxZ(items);
    this.doc.transact(() => {
      for (const id of ordered) {
        const item = items.get(id) as Item;
        this.log.set(id, { ...item.geometry, z: ++z });
      }
    }, origin);
  }

  /**
   * Deletes the items and everything inside them (by `parent`, transitively, including
   * unreadable records), in one transaction. Also drops geometry left behind for items that no
   * longer exist. Returns the ids deleted.
   */
  delete(ids: readonly string[], origin: Origin): string[] {
    const geometries = this.log.entries();
    const children = rawChildren(geometries);
    const owned = this.ownedIndex();
    const doomed = new Set<string>();
    const stack = ids.filter((id) => this.t.items.has(id));
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      if (doomed.has(id) || !this.t.items.has(id)) continue;
      doomed.add(id);
      stack.push(...(children.get(id) ?? []), ...(owned.get(id) ?? []));
    }
    if (doomed.size === 0) return [];
    this.doc.transact(() => {
      for (const id of doomed) this.t.items.delete(id);
      const stale = new Set([...geometries.keys()].filter((k) => !this.t.items.has(k)));
      this.log.deleteKeys(stale);
    }, origin);
    return [...doomed];
  }

  /**
   * Copies the items (and everything inside them) offset by `offset`, on top of the board,
   * in one transaction. Copies inside a copied container point at the copy. Returns the new
   * ids of `ids`, in order (unreadable ids are skipped).
   */
  duplicate(ids: readonly string[], origin: Origin, offset: { x: number; y: number } = { x: 24, y: 24 }): string[] {
    const { items } = this.decodeAll();
    const ordered = withDescendants(ids, items);
    const newIds = new Map(ordered.map((id) => [id, createId()]));
    let z = maxZ(items);
    this.doc.transact(() => {
      for (const id of ordered) {
        const item = items.get(id) as Item;
        const g = item.geometry;
        const parent = g.parent === null ? null : (newIds.get(g.parent) ?? g.parent);
        const geometry = { ...g, x: clampCoordinate(g.x + offset.x), y: clampCoordinate(g.y + offset.y), z: ++z, parent };
        this.writeItem(newIds.get(id) as string, item.kind, item.props, geometry, undefined);
      }
      // Records owned by a copied item (a widget's cards, a post's likes) are copied too.
      const owned = this.ownedIndex();
      const queue = [...ordered];
      for (let ownerId = queue.shift(); ownerId !== undefined; ownerId = queue.shift()) {
        for (const childId of owned.get(ownerId) ?? []) {
          const child = items.get(childId);
          if (child === undefined || newIds.has(childId)) continue;
          const key = ownerKey(child.kind) as string;
          const copyId = child.kind === 'theme-assessment' || child.kind === 'wall-like' ? derivedCopyId(child, newIds) : createId();
          newIds.set(childId, copyId);
          const props = { ...child.props, [key]: newIds.get(ownerId) as string };
          this.writeItem(copyId, child.kind, props, null, undefined);
          queue.push(childId);
        }
      }
    }, origin);
    return ids.filter((id) => newIds.has(id)).map((id) => newIds.get(id) as string);
  }

  /** Sets the board title (at most 200 characters; longer throws). */
  setTitle(title: string, origin: Origin): void {
    const valid = assertValid(titleValidator, title, 'title', 'Board.setTitle');
    if (this.t.meta.get(TITLE_KEY) !== valid) this.doc.transact(() => this.t.meta.set(TITLE_KEY, valid), origin);
  }

  /**
   * Records that a template placed a widget of `type`. Names written by newer clients are kept.
   * (The list is one value: two different types marked concurrently keep only one mark.)
   */
  markWidgetPlaced(type: WidgetType, origin: Origin): void {
    const valid = assertValid(widgetType, type, 'type', 'Board.markWidgetPlaced');
    const raw = this.t.meta.get(PLACED_WIDGETS_KEY);
    const list = Array.isArray(raw) ? raw.filter((s): s is string => typeof s === 'string' && s.length <= 64).slice(0, 64) : [];
    if (list.includes(valid)) return;
    this.doc.transact(() => this.t.meta.set(PLACED_WIDGETS_KEY, [...list, valid]), origin);
  }

  /**
   * Runs `fn` in one transaction with `origin` (one update, one undo step). Board writes
   * inside it join the transaction and their own origin argument is ignored.
   */
  transact<T>(fn: () => T, origin: Origin): T {
    return this.doc.transact(() => fn(), origin);
  }

  // ---- observing -----------------------------------------------------------------------

  /**
   * Calls `listener` once per transaction that changed items, geometry or metadata (local or
   * remote). Returns the unsubscribe function. Listeners run after the transaction, so they
   * may read the board (and write, which starts a new transaction).
   */
  observe(listener: (change: BoardChange) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Stops observing the document and drops listeners; the document itself stays alive. */
  destroy(): void {
    this.t.items.unobserveDeep(this.onItems);
    this.t.geometry.unobserve(this.onGeometry);
    this.t.meta.unobserve(this.onMeta);
    this.doc.off('afterTransaction', this.onAfterTransaction);
    this.log.destroy();
    this.listeners.clear();
  }

  // ---- internals -----------------------------------------------------------------------

  /** Resolved parent chain of an item, nearest first. */
  private ancestors(id: string): string[] {
    const out: string[] = [];
    for (let p = this.get(id)?.geometry.parent ?? null; p !== null; p = this.get(p)?.geometry.parent ?? null) out.push(p);
    return out;
  }

  /** Writes a whole record; owned records (`geometry` null) have no geometry entry. */
  private writeItem(id: string, kind: Kind, props: object, geometry: Geometry | null, createdBy: string | undefined): void {
    const entries: [string, unknown][] = [[KIND_KEY, kind], ...Object.entries(props)];
    if (createdBy !== undefined) entries.push([CREATED_BY_KEY, createdBy]);
    this.t.items.set(id, new Y.Map<unknown>(entries));
    if (geometry !== null) this.log.set(id, geometry);
  }

  /** Raw owner id of a stored record (its kind's owner prop), without validating the rest. */
  private rawOwner(raw: unknown): string | undefined {
    if (!(raw instanceof Y.Map)) return undefined;
    const kind: unknown = raw.get(KIND_KEY);
    if (!isKind(kind)) return undefined;
    const key = ownerKey(kind);
    const owner: unknown = key === undefined ? undefined : raw.get(key);
    return typeof owner === 'string' ? owner : undefined;
  }

  /** Ids of the records owned by each owner, over the whole document. */
  private ownedIndex(): Map<string, string[]> {
    const index = new Map<string, string[]>();
    this.t.items.forEach((raw, id) => {
      const owner = this.rawOwner(raw);
      if (owner === undefined) return;
      const list = index.get(owner);
      if (list === undefined) index.set(owner, [id]);
      else list.push(id);
    });
    return index;
  }

  private decode(id: string, raw: unknown, rawGeometry: unknown): Decoded {
    if (!itemId.validate(id).ok) return { ok: false, reason: 'invalid item id' };
    if (!(raw instanceof Y.Map)) return { ok: false, reason: 'item record is not a Y.Map' };
    const kind: unknown = raw.get(KIND_KEY);
    if (!isKind(kind)) {
      return { ok: false, reason: typeof kind === 'string' ? `unknown kind "${kind.slice(0, 64)}"` : 'missing kind' };
    }
    const def = kindOf(kind);
    const stored: Record<string, unknown> = def.defaultProps() as Record<string, unknown>;
    for (const key of def.propsValidator.keys) if (raw.has(key)) stored[key] = raw.get(key);
    const props = def.propsValidator.validate(stored, 'props');
    if (!props.ok) return { ok: false, reason: props.error };
    const geometry =
      rawGeometry === undefined
        ? { ok: true as const, value: { ...defaultGeometry, ...def.defaultSize } }
        : geometryValidator.validate(rawGeometry, 'geometry');
    if (!geometry.ok) return { ok: false, reason: geometry.error };
    const item = { id, kind, geometry: geometry.value, props: props.value } as Item;
    const createdBy = clientTag.validate(raw.get(CREATED_BY_KEY));
    if (createdBy.ok) item.createdBy = createdBy.value;
    return { ok: true, item };
  }

  private decodeAll(): { items: Map<string, Item>; problems: Problem[] } {
    const geometries = this.log.entries();
    const items = new Map<string, Item>();
    const problems: Problem[] = [];
    this.t.items.forEach((raw, id) => {
      const d = this.decode(id, raw, geometries.get(id));
      if (d.ok) items.set(id, d.item);
      else problems.push({ id, reason: d.reason });
    });
    const parents = new Map([...items].map(([id, item]) => [id, item.geometry.parent]));
    for (const item of items.values()) {
      item.geometry.parent = this.resolveParent(item.id, item.geometry.parent, (p) =>
        items.has(p) ? { parent: parents.get(p) ?? null } : undefined,
      );
    }
    return { items, problems };
  }

  /** `parent` if it is a readable item and following parents from it neither loops nor goes too deep. */
  private resolveParent(
    id: string,
    parent: string | null,
    lookup: (id: string) => { parent: string | null } | undefined,
  ): string | null {
    const seen = new Set([id]);
    for (let p = parent, depth = 0; p !== null; depth++) {
      if (seen.has(p) || depth >= MAX_PARENT_DEPTH) return null;
      seen.add(p);
      const g = lookup(p);
      if (g === undefined) return null;
      p = g.parent;
    }
    return parent;
  }

  private pendingFor(tr: Y.Transaction): { items: Set<string>; meta: boolean } {
    let p = this.pending.get(tr);
    if (p === undefined) this.pending.set(tr, (p = { items: new Set(), meta: false }));
    return p;
  }

  private readonly onItems = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction): void => {
    const p = this.pendingFor(tr);
    for (const event of events) {
      if (event.target === this.t.items) {
        for (const key of (event as Y.YMapEvent<unknown>).keysChanged) p.items.add(key);
      } else {
        const id = event.path[0];
        if (typeof id === 'string') p.items.add(id);
      }
    }
  };

  private readonly onGeometry = (event: Y.YArrayEvent<unknown>, tr: Y.Transaction): void => {
    const p = this.pendingFor(tr);
    for (const set of [event.changes.added, event.changes.deleted]) {
      for (const item of set) {
        for (const c of item.content.getContent()) {
          const key = (c as { key?: unknown } | null)?.key;
          if (typeof key === 'string') p.items.add(key);
        }
      }
    }
  };

  private readonly onMeta = (_event: Y.YMapEvent<unknown>, tr: Y.Transaction): void => {
    this.pendingFor(tr).meta = true;
  };

  private readonly onAfterTransaction = (tr: Y.Transaction): void => {
    const p = this.pending.get(tr);
    if (p === undefined) return;
    this.pending.delete(tr);
    // Dedupe transactions only delete losing duplicates: what is read does not change.
    if (tr.origin === DEDUPE_ORIGIN || (p.items.size === 0 && !p.meta)) return;
    const change: BoardChange = { items: p.items, meta: p.meta, origin: tr.origin, local: tr.local };
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (err) {
        // Never break Yjs's transaction cleanup; surface the error on its own.
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  };
}

/** The object without its `undefined` values (so `{ x: undefined }` does not erase a default). */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));
}
