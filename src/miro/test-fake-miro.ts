/**
 * Test helpers: a fake `miro.board` implementing {@link BoardPort} (whose parameter types are
 * the SDK's own) that records every call, and a manual clock. Not part of any bundle.
 *
 * Like Miro, it keeps x/y at an item's centre; `frame.add` makes the child's coordinates
 * relative to the frame's top-left corner without moving it.
 */
import type { Rect as MiroRect } from '@mirohq/websdk-types';
import type { Clock } from './limiter.js';
import type { BoardPort, DropEvent, FrameRef, ItemRef, ReadItem } from './sdk.js';

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
  style?: unknown;
  shape?: string;
  rotation?: number;
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
  /** Removing an item with this id throws. */
  failRemove?: (id: string) => boolean;
  viewport?: MiroRect;
}

/** A rectangular sticky note is 350 × 228 dp at its default size. */
const STICKY_RATIO = 228 / 350;

export class FakeMiroBoard implements BoardPort {
  readonly calls: Call[] = [];
  readonly items = new Map<string, FakeItem>();
  selection: string[] = [];
  private nextId = 1;
  private creates = 0;
  private readonly handlers = new Map<string, ((event: DropEvent) => void)[]>();
  readonly opened: { url: string; height?: number }[] = [];

  constructor(readonly options: FakeOptions = {}) {}

  private record(method: string, ...args: unknown[]): void {
    this.calls.push({ method, args, at: this.options.clock?.now() ?? 0 });
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
      ...(typeof props.content === 'string' ? { content: props.content } : {}),
      ...(typeof props.title === 'string' ? { title: props.title } : {}),
      ...(props.style !== undefined ? { style: props.style } : {}),
      ...(typeof props.shape === 'string' ? { shape: props.shape } : {}),
      ...(typeof props.rotation === 'number' ? { rotation: props.rotation } : {}),
    };
    this.items.set(item.id, item);
    return item;
  }

  private ref(item: FakeItem): ItemRef {
    return { id: item.id, type: item.type };
  }

  async createFrame(props: Parameters<BoardPort['createFrame']>[0]): Promise<FrameRef> {
    this.record('createFrame', props);
    const item = this.make('frame', props);
    item.childrenIds = [];
    return {
      id: item.id,
      type: 'frame',
      add: async (child: ItemRef) => {
        this.record('frame.add', item.id, child.id);
        const c = this.items.get(child.id);
        if (c === undefined) throw new Error(`fake: no item ${child.id}`);
        // Relative to the frame's top-left corner, same place on the board.
        c.x -= item.x - item.width / 2;
        c.y -= item.y - item.height / 2;
        c.relativeTo = 'parent_top_left';
        c.parentId = item.id;
        item.childrenIds?.push(c.id);
        return child;
      },
    };
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
  async remove(item: ItemRef): Promise<void> {
    this.record('remove', item.id);
    if (this.options.failRemove?.(item.id)) throw new Error(`fake: ${item.id} cannot be removed`);
    const it = this.items.get(item.id);
    if (it === undefined) throw new Error(`fake: no item ${item.id}`);
    this.items.delete(item.id);
    if (it.parentId !== null) {
      const parent = this.items.get(it.parentId);
      if (parent?.childrenIds) parent.childrenIds = parent.childrenIds.filter((id) => id !== it.id);
    }
  }
  private read(item: FakeItem): ReadItem {
    return { ...item, ...(item.childrenIds ? { childrenIds: [...item.childrenIds] } : {}) };
  }
  async get(filter: { id: string[] }): Promise<ReadItem[]> {
    this.record('get', filter);
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
  readonly viewport = {
    get: async (): Promise<MiroRect> => {
      this.record('viewport.get');
      return this.options.viewport ?? { x: -500, y: -300, width: 1000, height: 600 };
    },
  };
  readonly ui = {
    on: (event: 'drop', handler: (event: DropEvent) => void): void => {
      this.record('ui.on', event);
      this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    },
    off: (event: 'drop', handler: (event: DropEvent) => void): void => {
      this.record('ui.off', event);
      this.handlers.set(
        event,
        (this.handlers.get(event) ?? []).filter((h) => h !== handler),
      );
    },
    openPanel: async (options: { url: string; height?: number }): Promise<unknown> => {
      this.record('ui.openPanel', options);
      this.opened.push(options);
      return { waitForClose: async () => undefined };
    },
  };

  /** Fires Miro's drop event, as when an item from the panel is dropped at (x, y). */
  drop(x: number, y: number, target: HTMLElement): void {
    for (const h of this.handlers.get('drop') ?? []) h({ x, y, target });
  }

  listeners(event: string): number {
    return (this.handlers.get(event) ?? []).length;
  }

  /** Creation calls, in order. */
  creations(): Call[] {
    return this.calls.filter((c) => c.method.startsWith('create'));
  }

  /** Moves an item to a position relative to its frame's top-left corner (as a user's drag would). */
  moveInFrame(id: string, x: number, y: number): void {
    const it = this.items.get(id);
    if (it === undefined) throw new Error(`fake: no item ${id}`);
    it.x = x;
    it.y = y;
  }

  /** Adds an item to a frame as a user would (position relative to the frame's top-left corner). */
  addChild(frameId: string, item: Omit<FakeItem, 'id' | 'relativeTo' | 'parentId'>): string {
    const frame = this.items.get(frameId);
    if (frame === undefined) throw new Error(`fake: no frame ${frameId}`);
    const id = `u${this.nextId++}`;
    this.items.set(id, { ...item, id, relativeTo: 'parent_top_left', parentId: frameId });
    frame.childrenIds?.push(id);
    return id;
  }
}
