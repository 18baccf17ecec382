/**
 * Runs a {@link Plan} against Miro: one create call per planned item (the frame first), each
 * child then added to the frame and tagged with the app's metadata, every call paced by the
 * shared {@link CreditLimiter}. The frame is tagged `placing` first and untagged last, so a frame
 * whose placing was cut off (the page closed) can be found afterwards. On the first failure, or
 * when asked to stop, it removes what it made (children first, the frame last); what it cannot
 * remove is reported as left on the board.
 */
import type { Locale } from '../i18n/index.js';
import { CREDIT_COST, CreditLimiter } from './limiter.js';
import { itemMeta, META_KEY, toJson } from './metadata.js';
import type { FrameMeta } from './metadata.js';
import { m } from './messages.js';
import type { Plan, PlannedItem } from './place.js';
import type { BoardPort, FrameRef, ItemRef } from './sdk.js';

export interface ExecuteOptions {
  limiter: CreditLimiter;
  /** After each planned item is on the board (and in its frame): `done` of `total`. */
  onProgress?: (done: number, total: number, item: PlannedItem) => void;
  /** When a failure starts the removal of what was made. */
  onRollback?: () => void;
  /** Asked before each item: true stops the placing and removes what was made. */
  shouldStop?: () => boolean;
  /** More for the frame's metadata (the workshop group it comes from). */
  frameMeta?: Pick<FrameMeta, 'workshop' | 'group'>;
}

export interface LeftItem {
  item: PlannedItem;
  id: string;
  reason: string;
}

export type ExecuteResult =
  | { ok: true; frame: FrameRef; created: ItemRef[]; total: number }
  | {
      ok: false;
      /** The planned item whose call failed, and why. */
      failed: { item: PlannedItem; index: number; reason: string };
      /** True when it stopped because it was asked to (`failed` is the next item). */
      stopped: boolean;
      /** Items fully made before the failure. */
      done: number;
      total: number;
      /** How many made items were removed again. */
      removed: number;
      /** Made items that could not be removed. */
      left: LeftItem[];
    };

export function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

function create(board: BoardPort, item: PlannedItem): Promise<ItemRef> {
  switch (item.type) {
    case 'frame':
      return board.createFrame(item.props);
    case 'shape':
      return board.createShape(item.props);
    case 'text':
      return board.createText(item.props);
    case 'sticky_note':
      return board.createStickyNote(item.props);
    case 'card':
      return board.createCard(item.props);
  }
}

/** Places `plan` on the board. Never throws for SDK failures: they come back in the result. */
export async function executePlan(plan: Plan, board: BoardPort, options: ExecuteOptions): Promise<ExecuteResult> {
  const { limiter } = options;
  const total = plan.items.length;
  const [frameItem, ...children] = plan.items;
  if (frameItem === undefined || frameItem.type !== 'frame') throw new Error('executePlan: a plan starts with its frame');
  const meta: FrameMeta = { ...itemMeta(plan.widget, frameItem), key: 'frame', locale: plan.locale, ...options.frameMeta };
  /** Made items, in creation order, with the planned item each came from. */
  const made: { ref: ItemRef; item: PlannedItem }[] = [];
  let frame: FrameRef;
  try {
    await limiter.take(CREDIT_COST.item);
    frame = await board.createFrame(frameItem.props);
    made.push({ ref: frame, item: frameItem });
    await limiter.take(CREDIT_COST.item);
    await frame.setMetadata(META_KEY, toJson({ ...meta, placing: true }));
    options.onProgress?.(1, total, frameItem);
  } catch (error) {
    const failed = { item: frameItem, index: 0, reason: reasonOf(error) };
    const { removed, left } = made.length === 0 ? { removed: 0, left: [] } : await rollback(board, limiter, made);
    return { ok: false, failed, stopped: false, done: 0, total, removed, left };
  }
  const fail = async (item: PlannedItem, index: number, reason: string, stopped: boolean): Promise<ExecuteResult> => {
    options.onRollback?.();
    const { removed, left } = await rollback(board, limiter, made);
    return { ok: false, failed: { item, index, reason }, stopped, done: index, total, removed, left };
  };
  for (const [i, item] of children.entries()) {
    if (options.shouldStop?.() === true) return fail(item, i + 1, 'stopped', true);
    try {
      await limiter.take(CREDIT_COST.item);
      const ref = await create(board, item);
      made.push({ ref, item });
      await limiter.take(CREDIT_COST.item);
      await frame.add(ref);
      await limiter.take(CREDIT_COST.item);
      await ref.setMetadata(META_KEY, toJson(itemMeta(plan.widget, item)));
      options.onProgress?.(i + 2, total, item);
    } catch (error) {
      return fail(item, i + 1, reasonOf(error), false);
    }
  }
  try {
    await limiter.take(CREDIT_COST.item);
    await frame.setMetadata(META_KEY, toJson(meta));
  } catch (error) {
    return fail(frameItem, total, reasonOf(error), false);
  }
  return { ok: true, frame, created: made.map((x) => x.ref), total };
}

/** Removes made items, newest first (children before their frame). */
async function rollback(board: BoardPort, limiter: CreditLimiter, made: readonly { ref: ItemRef; item: PlannedItem }[]): Promise<{ removed: number; left: LeftItem[] }> {
  let removed = 0;
  const left: LeftItem[] = [];
  for (const { ref, item } of [...made].reverse()) {
    try {
      await limiter.take(CREDIT_COST.item);
      await board.remove(ref);
      removed++;
    } catch (error) {
      left.push({ item, id: ref.id, reason: reasonOf(error) });
    }
  }
  return { removed, left: left.reverse() };
}

/** The message for a failed run, in `locale`: what failed, and what was removed or left. */
export function describeFailure(result: Extract<ExecuteResult, { ok: false }>, locale: Locale): string {
  const first = result.stopped
    ? m('error.stopped', { done: result.done, total: result.total }, locale)
    : m('error.failed', { item: result.failed.item.label, done: result.done, total: result.total, reason: result.failed.reason }, locale);
  const second =
    result.left.length === 0
      ? m('error.removed', {}, locale)
      : m('error.left', { count: result.left.length, items: result.left.map((l) => `${l.item.label} (id ${l.id})`).join('; ') }, locale);
  return `${first} ${second}`;
}
