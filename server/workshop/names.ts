/**
 * The names browser and server must agree on: the rooms of a workshop (a board per group,
 * one control document) and the list of its parts. Kept in this one module so that moving
 * them to `src/` (where the pages would share them) is one edit.
 */

export const PARTS = ['kaedeansvar', 'kontaktperson'] as const;
export type Part = (typeof PARTS)[number];

export function groupRoom(workshopId: string, n: number): string {
  return `w-${workshopId}-g${n}`;
}

export function controlRoom(workshopId: string): string {
  return `w-${workshopId}-control`;
}

/** `{ workshopId, group }` of a workshop room name; null for other rooms. */
export function parseWorkshopRoom(room: string): { workshopId: string; group: number | 'control' } | null {
  const m = /^w-([A-Za-z0-9_-]{16})-(?:g(\d{1,3})|(control))$/.exec(room);
  if (!m) return null;
  return { workshopId: m[1] as string, group: m[3] ? 'control' : Number(m[2]) };
}
