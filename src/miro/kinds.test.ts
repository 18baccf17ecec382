import { describe, expect, it } from 'vitest';
import { FULL_KINDS } from '../kinds/full.js';
import type { WidgetType } from '../model/index.js';
import { MIRO_WIDGETS } from './place.js';

describe('the widgets the Miro app offers', () => {
  it('are exactly the kinds that have a Miro mapping, in registry order', () => {
    const withFacet = (Object.keys(FULL_KINDS) as WidgetType[]).filter((t) => FULL_KINDS[t].miro !== undefined);
    expect([...MIRO_WIDGETS]).toEqual(withFacet);
    // The reflection wall has no Miro mapping (yet): the panel does not list it.
    expect(withFacet).toEqual(['seven-themes', 'bor-gor-matrix', 'competence-profile']);
  });
});
