/**
 * Test helpers: a fake `miro.board` implementing {@link BoardPort} (whose parameter types are
 * the SDK's own) that records every call, and a manual clock. Not part of any bundle.
 *
 * It models what the real board does that the app relies on (see the Web SDK reference):
 * - x/y are an item's centre; children of a frame report x/y relative to the frame's top-left
 *   corner (`relativeTo: 'parent_top_left'`); `frame.add` keeps the item where it is on the
 *   board and refuses one whose centre lies outside the frame.
 * - App metadata per item (`item.setMetadata` / `getMetadata`), readable only through the items
 *   the app holds; groups take none and have no position, only `itemsIds`; a frame lists a group
 *   of its children as one child of type `group`.
 * - Credits: every call costs 50; more than the per-minute budget (100,000 by default) in any
 *   60 s refuses the call, as Miro's rate limit does.
 * - Calls that fail from the n-th on, notifications of at most 80 characters, `findEmptySpace`
 *   over every top-level item's bounds, the viewport and `zoomTo`.
 * - An iframe's view of the board ({@link FakeMiroBoard.iframe}), its calls taking a while if
 *   asked: once the iframe closes (the panel), its calls never settle and its event handlers are
 *   gone, as when Miro removes it.
 */
import type { Json, Rect as MiroRect } from '@mirohq/websdk-types';
import type { Clock } from './limiter.js';
import type { BoardPort, DropEvent, FrameRef, ItemRef, ReadItem, Ref, SelectionEvent } from './sdk.js';

export interface FakeItem {
  id: string;
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  relativeTo: 'canvas_center' | 'parent_top_left';
  parentId: string | null;
  content?: string;
  title?: string;
  childrenIds?: string[];
  itemsIds?: string[];
  groupId?: string;
  style?: unknown;
  shape?: string;
  rotation?: number;
  /** The app's metadata (key → value). */
  meta: Record<string, Json>;
}

export interface Call {
  method: string;
  args: unknown[];
  at: number;
}

/** A manual clock: `sleep` advances time at once. */
export class ManualClock implements Clock {
  t = 0;
  readonly sleeps: number[] = [];
  now(): number {
    return this.t;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.t += ms;
  }
}

export interface FakeOptions {
  clock?: { now(): number };
  /** The n-th create call (1-based, frame included) throws. */
  failOnCreate?: number;
  /** Every call from the n-th on (1-based, any method) throws, as when the connection drops. */
  failFromCall?: number;
  /** Removing an item with this id throws. */
  failRemove?: (id: string) => boolean;
  viewport?: MiroRect;
  /** Credits a minute before calls are refused (Miro: 100,000). */
  perMinute?: number;
  /** Without `findEmptySpace` (an SDK that lacks it). */
  noEmptySpace?: boolean;
}

/** A rectangular sticky note is 350 × 228 dp at its default size. */
const STICKY_RATIO = 228 / 350;
const CALL_COST = 50;
const MINUTE = 60_000;

type Handler = (event: never) => void;

/** What never settles: the call of an iframe that is gone. */
const NEVER = new Promise<never>(() => {});

export class FakeMiroBoard implements BoardPort {
  readonly calls: Call[] = [];
  readonly items = new Map<string, FakeItem>();
  readonly notices: { type: 'info' | 'error'; message: string }[] = [];
  readonly opened: { url: string; height?: number }[] = [];
  readonly zoomed: string[][] = [];
  selection: string[] = [];
  view: MiroRect;
  /** Rejects `openPanel` with this reason (e.g. another panel blocks it). */
  openPanelError: string | null = null;
  private nextId = 1;
  private creates = 0;
  private readonly spent: number[] = [];
  private readonly handlers = new Map<string, Handler[]>();

  constructor(readonly options: FakeOptions = {}) {
    this.view = options.viewport ?? { x: -500, y: -300, width: 1000, height: 600 };
  }

  private now(): number {
    return this.options.clock?.now() ?? 0;
  }

  /** Records the call and charges it; throws as Miro does past the rate limit or a set failure. */
  private record(method: string, ...args: unknown[]): void {
    const at = this.now();
    this.calls.push({ method, args, at });
    if (this.options.failFromCall !== undefined && this.calls.length >= this.options.failFromCall) throw new Error(`fake: call #${this.calls.length} (${method}) failed`);
    while (this.spent.length > 0 && (this.spent[0] as number) <= at - MINUTE) this.spent.shift();
    const budget = this.options.perMinute ?? 100_000;
    if ((this.spent.length + 1) * CALL_COST > budget) throw new Error('fake: rate limit exceeded (credits per minute)');
    this.spent.push(at);
  }

  /** Credits spent in the minute ending now. */
  creditsLastMinute(): number {
    const at = this.now();
    return this.spent.filter((t) => t > at - MINUTE).length * CALL_COST;
  }

  private make(type: string, props: Record<string, unknown>): FakeItem {
    this.creates++;
    if (this.options.failOnCreate === this.creates) throw new Error(`fake: create #${this.creates} refused`);
    const width = typeof props.width === 'number' ? props.width : 100;
    const height = typeof props.height === 'number' ? props.height : type === 'sticky_note' ? width * STICKY_RATIO : type === 'card' ? 60 : 40;
    const item: FakeItem = {
      id: `i${this.nextId++}`,
      type,
      x: typeof props.x === 'number' ? props.x : 0,
      y: typeof props.y === 'number' ? props.y : 0,
      width,
      height,
      relativeTo: 'canvas_center',
      parentId: null,
      meta: {},
      ...(typeof props.content === 'string' ? { content: props.content } : {}),
      ...(typeof props.title === 'string' ? { title: props.title } : {}),
      ...(props.style !== undefined ? { style: props.style } : {}),
      ...(typeof props.shape === 'string' ? { shape: props.shape } : {}),
      ...(typeof props.rotation === 'number' ? { rotation: props.rotation } : {}),
    };
    this.items.set(item.id, item);
    return item;
  }

  private setMeta(id: string, key: string, value: Json): Promise<Record<string, Json>> {
    this.record('setMetadata', id, key, value);
    const it = this.items.get(id);
    if (it === undefined) throw new Error(`fake: no item ${id}`);
    if (it.type === 'group') throw new Error('fake: groups take no metadata');
    it.meta[key] = structuredClone(value);
    return Promise.resolve({ ...it.meta });
  }

  private ref(item: FakeItem): ItemRef {
    return { id: item.id, type: item.type, setMetadata: async (key, value) => this.setMeta(item.id, key, value) };
  }

  async createFrame(props: Parameters<BoardPort['createFrame']>[0]): Promise<FrameRef> {
    this.record('createFrame', props);
    const item = this.make('frame', props);
    item.childrenIds = [];
    return {
      ...this.ref(item),
      add: async (child: Ref) => {
        this.record('frame.add', item.id, child.id);
        this.addToFrame(item.id, child.id);
        return child;
      },
    };
  }

  private addToFrame(frameId: string, childId: string): void {
    const frame = this.items.get(frameId);
    const c = this.items.get(childId);
    if (frame === undefined || c === undefined) throw new Error(`fake: no item ${c === undefined ? childId : frameId}`);
    if (c.parentId !== null) throw new Error(`fake: ${childId} is already in a frame`);
    const left = frame.x - frame.width / 2;
    const top = frame.y - frame.height / 2;
    if (c.x < left || c.x > left + frame.width || c.y < top || c.y > top + frame.height) throw new Error(`fake: ${childId} lies outside the frame`);
    // Relative to the frame's top-left corner, same place on the board.
    c.x -= left;
    c.y -= top;
    c.relativeTo = 'parent_top_left';
    c.parentId = frame.id;
    frame.childrenIds?.push(c.id);
  }

  async createShape(props: Parameters<BoardPort['createShape']>[0]): Promise<ItemRef> {
    this.record('createShape', props);
    return this.ref(this.make('shape', props));
  }
  async createText(props: Parameters<BoardPort['createText']>[0]): Promise<ItemRef> {
    this.record('createText', props);
    return this.ref(this.make('text', props));
  }
  async createStickyNote(props: Parameters<BoardPort['createStickyNote']>[0]): Promise<ItemRef> {
    this.record('createStickyNote', props);
    return this.ref(this.make('sticky_note', props));
  }
  async createCard(props: Parameters<BoardPort['createCard']>[0]): Promise<ItemRef> {
    this.record('createCard', props);
    return this.ref(this.make('card', props));
  }
  async remove(item: Ref): Promise<void> {
    this.record('remove', item.id);
    if (this.options.failRemove?.(item.id)) throw new Error(`fake: ${item.id} cannot be removed`);
    const it = this.items.get(item.id);
    if (it === undefined) throw new Error(`fake: no item ${item.id}`);
    this.items.delete(item.id);
    if (it.parentId !== null) {
      const parent = this.items.get(it.parentId);
      if (parent?.childrenIds) parent.childrenIds = parent.childrenIds.filter((id) => id !== it.id);
    }
    const group = it.groupId === undefined ? undefined : this.items.get(it.groupId);
    if (group?.itemsIds) {
      group.itemsIds = group.itemsIds.filter((id) => id !== it.id);
      // A group of one is no group: it dissolves, its last item a child of the frame again.
      if (group.itemsIds.length < 2) {
        this.items.delete(group.id);
        const frame = group.parentId === null ? undefined : this.items.get(group.parentId);
        for (const rest of group.itemsIds) {
          const r = this.items.get(rest);
          if (r !== undefined) delete r.groupId;
          if (frame?.childrenIds) frame.childrenIds.push(rest);
        }
        if (frame?.childrenIds) frame.childrenIds = frame.childrenIds.filter((id) => id !== group.id);
      }
    }
  }

  private read(item: FakeItem): ReadItem {
    const { meta: _meta, ...rest } = item;
    const out: ReadItem = {
      ...rest,
      ...(item.childrenIds ? { childrenIds: [...item.childrenIds] } : {}),
      ...(item.itemsIds ? { itemsIds: [...item.itemsIds] } : {}),
    };
    if (item.type === 'group') {
      // A group has no position, size or metadata.
      return { id: item.id, type: 'group', itemsIds: [...(item.itemsIds ?? [])], parentId: item.parentId };
    }
    return {
      ...out,
      getMetadata: async (key: string) => {
        this.record('getMetadata', item.id, key);
        const v = this.items.get(item.id)?.meta[key];
        return v === undefined ? undefined : structuredClone(v);
      },
      setMetadata: async (key: string, value: Json) => this.setMeta(item.id, key, value),
    };
  }
  async get(filter: { id: string[] } | { type: 'frame' }): Promise<ReadItem[]> {
    this.record('get', filter);
    if ('type' in filter) return [...this.items.values()].filter((i) => i.type === filter.type).map((i) => this.read(i));
    return filter.id.flatMap((id) => {
      const it = this.items.get(id);
      return it === undefined ? [] : [this.read(it)];
    });
  }
  async getById(id: string): Promise<ReadItem> {
    this.record('getById', id);
    const it = this.items.get(id);
    if (it === undefined) throw new Error(`fake: no item ${id}`);
    return this.read(it);
  }
  async getSelection(): Promise<ReadItem[]> {
    this.record('getSelection');
    return this.selection.flatMap((id) => {
      const it = this.items.get(id);
      return it === undefined ? [] : [this.read(it)];
    });
  }

  /** Board bounds of every top-level item (frames and loose items; groups have none). */
  private topLevelBounds(): MiroRect[] {
    return [...this.items.values()]
      .filter((i) => i.parentId === null && i.type !== 'group')
      .map((i) => ({ x: i.x - i.width / 2, y: i.y - i.height / 2, width: i.width, height: i.height }));
  }

  readonly findEmptySpace = async (rect: MiroRect & { offset?: number }): Promise<MiroRect> => {
    if (this.options.noEmptySpace) throw new TypeError('miro.board.findEmptySpace is not a function');
    this.record('findEmptySpace', rect);
    const gap = rect.offset ?? 0;
    const taken = this.topLevelBounds();
    const free = (x: number, y: number): boolean =>
      taken.every((b) => x + rect.width / 2 + gap <= b.x || x - rect.width / 2 - gap >= b.x + b.width || y + rect.height / 2 + gap <= b.y || y - rect.height / 2 - gap >= b.y + b.height);
    // Rings of candidate centres around the start, nearest first.
    const step = Math.max(50, Math.min(rect.width, rect.height) / 4);
    for (let ring = 0; ring < 200; ring++) {
      const candidates: [number, number][] = [];
      for (let i = -ring; i <= ring; i++) {
        for (let j = -ring; j <= ring; j++) if (Math.max(Math.abs(i), Math.abs(j)) === ring) candidates.push([rect.x + i * step, rect.y + j * step]);
      }
      candidates.sort((a, b) => Math.hypot(a[0] - rect.x, a[1] - rect.y) - Math.hypot(b[0] - rect.x, b[1] - rect.y));
      const hit = candidates.find(([x, y]) => free(x, y));
      if (hit !== undefined) return { x: hit[0], y: hit[1], width: rect.width, height: rect.height };
    }
    throw new Error('fake: no empty space');
  };

  readonly viewport = {
    get: async (): Promise<MiroRect> => {
      this.record('viewport.get');
      return { ...this.view };
    },
    zoomTo: async (items: Ref | Ref[]): Promise<void> => {
      const list = Array.isArray(items) ? items : [items];
      this.record('viewport.zoomTo', list.map((i) => i.id));
      this.zoomed.push(list.map((i) => i.id));
      const first = this.items.get(list[0]?.id ?? '');
      if (first !== undefined) this.view = { x: first.x - first.width / 2, y: first.y - first.height / 2, width: first.width, height: first.height };
    },
  };

  readonly notifications = {
    showInfo: async (message: string): Promise<void> => this.notify('info', message),
    showError: async (message: string): Promise<void> => this.notify('error', message),
  };

  private notify(type: 'info' | 'error', message: string): void {
    this.record(`notifications.${type}`, message);
    if (message.length > 80) throw new Error(`fake: a notification takes at most 80 characters (${message.length})`);
    this.notices.push({ type, message });
  }

  readonly ui = {
    on: (event: 'drop' | 'selection:update' | 'icon:click', handler: Handler): void => {
      this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    },
    off: (event: 'drop' | 'selection:update', handler: Handler): void => {
      this.handlers.set(
        event,
        (this.handlers.get(event) ?? []).filter((h) => h !== handler),
      );
    },
    openPanel: async (options: { url: string; height?: number }): Promise<unknown> => {
      this.record('ui.openPanel', options);
      if (this.openPanelError !== null) throw new Error(this.openPanelError);
      this.opened.push(options);
      return { waitForClose: async () => undefined };
    },
  } as BoardPort['ui'];

  private fire(event: string, payload: unknown): void {
    for (const h of this.handlers.get(event) ?? []) (h as (p: unknown) => void)(payload);
  }

  /** Fires Miro's drop event, as when an item from the panel is dropped at (x, y). */
  drop(x: number, y: number, target: HTMLElement): void {
    this.fire('drop', { x, y, target } satisfies DropEvent);
  }

  /** A click on the app's icon in the toolbar. */
  clickIcon(): void {
    this.fire('icon:click', undefined);
  }

  /** The user selects `ids` (fires `selection:update`). */
  select(ids: string[]): void {
    this.selection = [...ids];
    const items = ids.flatMap((id) => {
      const it = this.items.get(id);
      return it === undefined ? [] : [this.read(it)];
    });
    this.fire('selection:update', { items } satisfies SelectionEvent);
  }

  listeners(event: string): number {
    return (this.handlers.get(event) ?? []).length;
  }

  /** Creation calls, in order. */
  creations(): Call[] {
    return this.calls.filter((c) => c.method.startsWith('create'));
  }

  /** The frames on the board. */
  frames(): FakeItem[] {
    return [...this.items.values()].filter((i) => i.type === 'frame');
  }

  /** Moves an item to a position relative to its frame's top-left corner (as a user's drag would). */
  moveInFrame(id: string, x: number, y: number): void {
    const it = this.items.get(id);
    if (it === undefined) throw new Error(`fake: no item ${id}`);
    it.x = x;
    it.y = y;
  }

  /** Resizes an item around its centre (as a user's drag of its handles would). */
  resize(id: string, width: number, height: number): void {
    const it = this.items.get(id);
    if (it === undefined) throw new Error(`fake: no item ${id}`);
    it.width = width;
    it.height = height;
  }

  /**
   * Resizes a frame by dragging its left and top edges by `dx`, `dy` (board units; positive
   * grows it): its children stay where they are on the board, so their coordinates shift.
   */
  growFrameTopLeft(frameId: string, dx: number, dy: number): void {
    const f = this.items.get(frameId);
    if (f === undefined) throw new Error(`fake: no frame ${frameId}`);
    f.width += dx;
    f.height += dy;
    f.x -= dx / 2;
    f.y -= dy / 2;
    for (const id of f.childrenIds ?? []) {
      const c = this.items.get(id);
      if (c === undefined) continue;
      for (const member of c.type === 'group' ? (c.itemsIds ?? []) : [id]) {
        const m = this.items.get(member);
        if (m === undefined) continue;
        m.x += dx;
        m.y += dy;
      }
    }
  }

  /** Adds an item to a frame as a user would (position relative to the frame's top-left corner). */
  addChild(frameId: string, item: Omit<FakeItem, 'id' | 'relativeTo' | 'parentId' | 'meta'>): string {
    const frame = this.items.get(frameId);
    if (frame === undefined) throw new Error(`fake: no frame ${frameId}`);
    const id = `u${this.nextId++}`;
    this.items.set(id, { ...item, id, relativeTo: 'parent_top_left', parentId: frameId, meta: {} });
    frame.childrenIds?.push(id);
    return id;
  }

  /**
   * Groups items as a user would: the items keep their positions and parent and get a
   * `groupId`; a frame then lists the group as one child instead of its members.
   */
  group(ids: string[]): string {
    const id = `g${this.nextId++}`;
    const members = ids.map((m) => this.items.get(m));
    if (members.length < 2 || members.some((m) => m === undefined || m.groupId !== undefined)) throw new Error('fake: groups take two or more ungrouped items');
    const parentId = (members[0] as FakeItem).parentId;
    this.items.set(id, { id, type: 'group', x: 0, y: 0, width: 0, height: 0, relativeTo: 'canvas_center', parentId, itemsIds: [...ids], meta: {} });
    for (const m of members as FakeItem[]) m.groupId = id;
    const frame = parentId === null ? undefined : this.items.get(parentId);
    if (frame?.childrenIds) frame.childrenIds = [...frame.childrenIds.filter((c) => !ids.includes(c)), id];
    return id;
  }

  /**
   * One iframe's view of the board (the panel's, the headless part's): the same board, until
   * {@link IframeView.close} removes the iframe: from then on its calls never settle and the
   * handlers it registered are gone.
   */
  iframe(latencyMs = 0): IframeView {
    return new IframeView(this, latencyMs);
  }
}

/** An iframe's `miro.board`; see {@link FakeMiroBoard.iframe}. */
export class IframeView implements BoardPort {
  closed = false;
  private readonly registered: [string, Handler][] = [];

  /** `latencyMs`: how long each call takes to reach the board (a real call takes tens of ms). */
  constructor(
    private readonly board: FakeMiroBoard,
    private readonly latencyMs = 0,
  ) {}

  /** Miro removes the iframe (the user closed the panel). */
  close(): void {
    this.closed = true;
    for (const [event, h] of this.registered) this.board.ui.off(event as 'drop', h as (e: DropEvent) => void);
  }

  private live<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    return async (...args) => {
      if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
      return this.closed ? NEVER : fn(...args);
    };
  }

  readonly createFrame = this.live(async (props: Parameters<BoardPort['createFrame']>[0]) => {
    const frame = await this.board.createFrame(props);
    return { ...frame, add: this.live(frame.add), setMetadata: this.live(frame.setMetadata) };
  });
  readonly createShape = this.live(async (p: Parameters<BoardPort['createShape']>[0]) => this.wrap(await this.board.createShape(p)));
  readonly createText = this.live(async (p: Parameters<BoardPort['createText']>[0]) => this.wrap(await this.board.createText(p)));
  readonly createStickyNote = this.live(async (p: Parameters<BoardPort['createStickyNote']>[0]) => this.wrap(await this.board.createStickyNote(p)));
  readonly createCard = this.live(async (p: Parameters<BoardPort['createCard']>[0]) => this.wrap(await this.board.createCard(p)));
  readonly remove = this.live((item: Ref) => this.board.remove(item));
  readonly get = this.live((filter: { id: string[] } | { type: 'frame' }) => this.board.get(filter));
  readonly getById = this.live((id: string) => this.board.getById(id));
  readonly getSelection = this.live(() => this.board.getSelection());
  readonly findEmptySpace = this.live((rect: MiroRect & { offset?: number }) => this.board.findEmptySpace(rect));
  readonly viewport = { get: this.live(() => this.board.viewport.get()), zoomTo: this.live((items: Ref | Ref[]) => this.board.viewport.zoomTo(items)) };
  readonly notifications = {
    showInfo: this.live((m: string) => this.board.notifications.showInfo(m)),
    showError: this.live((m: string) => this.board.notifications.showError(m)),
  };
  readonly ui = {
    on: (event: string, handler: Handler): void => {
      if (this.closed) return;
      this.registered.push([event, handler]);
      this.board.ui.on(event as 'drop', handler as (e: DropEvent) => void);
    },
    off: (event: string, handler: Handler): void => {
      this.board.ui.off(event as 'drop', handler as (e: DropEvent) => void);
    },
    openPanel: this.live((options: { url: string; height?: number }) => this.board.ui.openPanel(options)),
  } as BoardPort['ui'];

  private wrap(ref: ItemRef): ItemRef {
    return { ...ref, setMetadata: this.live(ref.setMetadata) };
  }
}
