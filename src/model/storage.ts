/** Names of the shared types in the board's Y.Doc; see the layout comment in board.ts. */
import type * as Y from 'yjs';

export const META = 'meta';
export const ITEMS = 'items';
export const GEOMETRY = 'geometry';
/** Item-map key holding the record kind. */
export const KIND_KEY = 'kind';
/** Item-map key holding the optional creating-client tag. */
export const CREATED_BY_KEY = 'createdBy';
/** Meta-map keys. */
export const TITLE_KEY = 'title';
export const SCHEMA_VERSION_KEY = 'schemaVersion';
export const PLACED_WIDGETS_KEY = 'placedWidgets';

/** The raw shared types of a board document (for Board, migrations and undo only). */
export interface BoardTypes {
  doc: Y.Doc;
  meta: Y.Map<unknown>;
  items: Y.Map<unknown>;
  geometry: Y.Array<unknown>;
}

/** Gets (creating if needed) the board's top-level shared types from a doc. */
export function boardTypes(doc: Y.Doc): BoardTypes {
  return { doc, meta: doc.getMap(META), items: doc.getMap(ITEMS), geometry: doc.getArray(GEOMETRY) };
}
