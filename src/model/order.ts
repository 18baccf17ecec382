/**
 * Fractional ordering: records carry a number `order`; inserting between two takes their
 * mean, so a move writes one record. Ties (two people inserting at one spot at once) are
 * broken by id, identically everywhere.
 */
export interface Ordered {
  id: string;
  props: { order: number };
}

export function byOrder<T extends Ordered>(a: T, b: T): number {
  return a.props.order - b.props.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The order for a record placed at `index` in `list` (sorted, without the moved record). */
export function orderAt(list: readonly Ordered[], index: number): number {
  const before = list[index - 1]?.props.order;
  const after = list[index]?.props.order;
  if (before === undefined && after === undefined) return 1;
  if (before === undefined) return (after as number) - 1;
  if (after === undefined) return before + 1;
  return (before + after) / 2;
}
