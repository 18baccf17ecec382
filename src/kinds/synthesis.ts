/**
 * Each widget kind's synthesis facet (src/kinds/<type>/synthesis.ts), on its own: what the
 * plenum's synthesis (src/workshop/synthesis.ts) needs of the kinds besides their `read`. The
 * kinds' facets list the same objects (./<type>/facets.ts, with the SVG, export and Miro facets
 * the exports need); this list holds only these, so the plenum's page, which gathers the
 * synthesis in the browser, does not carry the renderers and the Miro mapping, nor make the
 * bundler keep their layout helpers in the chunks the participant's page shares. The compiler
 * checks that it has every kind, each as its facets declare it.
 */
import type { WidgetType } from '../model/index.js';
import { borGorMatrixSynthesis } from './bor-gor-matrix/synthesis.js';
import { competenceProfileSynthesis } from './competence-profile/synthesis.js';
import type { FullKinds } from './full.js';
import { reflectionWallSynthesis } from './reflection-wall/synthesis.js';
import { sevenThemesSynthesis } from './seven-themes/synthesis.js';

export const SYNTHESES = {
  'seven-themes': sevenThemesSynthesis,
  'bor-gor-matrix': borGorMatrixSynthesis,
  'competence-profile': competenceProfileSynthesis,
  'reflection-wall': reflectionWallSynthesis,
} satisfies { readonly [T in WidgetType]: FullKinds[T]['synthesis'] };

export type Syntheses = typeof SYNTHESES;
