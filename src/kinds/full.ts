/**
 * Every widget kind with its facets (SVG rendering, export rows, the Miro mapping), for the code
 * that needs them: the server's exports, the board SVG, the Miro app. The participant's page
 * never imports this module, so the facets stay out of its bundle (see kind.ts).
 */
import type { WidgetType } from '../model/index.js';
import { facets as borGorMatrix } from './bor-gor-matrix/facets.js';
import { facets as competenceProfile } from './competence-profile/facets.js';
import { WIDGET_KINDS, type Kinds } from './index.js';
import type { KindFacets } from './kind.js';
import { facets as reflectionWall } from './reflection-wall/facets.js';
import { facets as sevenThemes } from './seven-themes/facets.js';

/** Each kind's facets, keyed by its type (the compiler checks that every type has them). */
const FACETS = {
  'seven-themes': sevenThemes,
  'bor-gor-matrix': borGorMatrix,
  'competence-profile': competenceProfile,
  'reflection-wall': reflectionWall,
} satisfies { readonly [T in WidgetType]: KindFacets<ReturnType<Kinds[T]['read']>> };

/** Each kind with its facets, typed as their modules declare them (e.g. which have a Miro mapping). */
export type FullKinds = { readonly [T in WidgetType]: Kinds[T] & (typeof FACETS)[T] };

/** The registry's kinds, in registry order, each with its facets. */
// Object.fromEntries cannot carry per-key types; each entry is its key's kind and facets.
export const FULL_KINDS = Object.fromEntries(
  (Object.keys(WIDGET_KINDS) as WidgetType[]).map((type) => [type, { ...WIDGET_KINDS[type], ...FACETS[type] }]),
) as unknown as FullKinds;

/** A widget type's kind with its facets. */
export function fullKind<T extends WidgetType>(type: T): FullKinds[T] {
  return FULL_KINDS[type];
}
