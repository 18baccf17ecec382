/** The containment tree of a board's items (frames hold items): children, descendants, copies. */
import { createId } from './ids.js';
import type { Item } from './item.js';
import { assessmentId } from './theme-assessment.js';
import { likeId } from './wall-like.js';

export function maxZ(items: ReadonlyMap<string, Item>): number {
  let z = 0;
  for (const item of items.values()) z = Math.max(z, item.geometry.z);
  return z;
}

/** Child ids by parent id, from raw (unvalidated) geometry values. */
export function rawChildren(geometries: ReadonlyMap<string, unknown>): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const [id, g] of geometries) {
    const parent = (g as { parent?: unknown } | null)?.parent;
    if (typeof parent !== 'string' || parent === id) continue;
    const list = children.get(parent);
    if (list === undefined) children.set(parent, [id]);
    else list.push(id);
  }
  return children;
}

function childrenOf(items: ReadonlyMap<string, Item>): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const item of items.values()) {
    const p = item.geometry.parent;
    if (p === null) continue;
    const list = children.get(p);
    if (list === undefined) children.set(p, [item.id]);
    else list.push(item.id);
  }
  return children;
}

/** Readable `ids` in z order, each followed by its descendants in z order; no repeats. */
export function withDescendants(ids: readonly string[], items: ReadonlyMap<string, Item>): string[] {
  const byZ = (a: string, b: string) =>
    (items.get(a)?.geometry.z ?? 0) - (items.get(b)?.geometry.z ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  const children = childrenOf(items);
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id) || !items.has(id)) return;
    seen.add(id);
    out.push(id);
    for (const c of [...(children.get(id) ?? [])].sort(byZ)) visit(c);
  };
  // Roots: the readable ids with no ancestor among `ids` (so a container precedes its contents).
  const wanted = new Set(ids.filter((id) => items.has(id)));
  const isRoot = (id: string): boolean => {
    for (let p = items.get(id)?.geometry.parent ?? null; p !== null; p = items.get(p)?.geometry.parent ?? null) {
      if (wanted.has(p)) return false;
    }
    return true;
  };
  for (const id of [...wanted].filter(isRoot).sort(byZ)) visit(id);
  return out;
}

/** Copies of records whose id derives from their owner (assessments, likes) derive from the copy. */
export function derivedCopyId(child: Item, newIds: ReadonlyMap<string, string>): string {
  if (child.kind === 'theme-assessment') return assessmentId(newIds.get(child.props.widget) as string, child.props.criterion);
  if (child.kind === 'wall-like') return likeId(newIds.get(child.props.post) as string, child.props.by);
  return createId();
}
