/**
 * The room names of a workshop, which the server (who may open what, where a board is
 * stored) and the pages (which room to connect to) must agree on: one board per group,
 * `w-<id>-g<n>`, and one control document, `w-<id>-control`. Runs everywhere: no DOM, no Node.
 * The list of a workshop's parts is in ./parts.ts.
 */

/** The room of group `n`'s board. */
export function groupRoom(workshopId: string, n: number): string {
  return `w-${workshopId}-g${n}`;
}

/** The room of the workshop's control document. */
export function controlRoom(workshopId: string): string {
  return `w-${workshopId}-control`;
}

/** `{ workshopId, group }` of a workshop room name; null for other rooms. */
export function parseWorkshopRoom(room: string): { workshopId: string; group: number | 'control' } | null {
  const m = /^w-([A-Za-z0-9_-]{16})-(?:g(\d{1,3})|(control))$/.exec(room);
  if (!m) return null;
  return { workshopId: m[1] as string, group: m[3] ? 'control' : Number(m[2]) };
}
