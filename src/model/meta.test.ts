import { describe, expect, it } from 'vitest';
import { defaultMeta, metaValidator, readMeta } from './meta.js';
import { CURRENT_SCHEMA_VERSION } from './migrations.js';

describe('meta', () => {
  it('defaults are valid', () => {
    expect(defaultMeta()).toEqual({ title: '', schemaVersion: CURRENT_SCHEMA_VERSION, placedWidgets: [] });
    expect(metaValidator.validate(defaultMeta()).ok).toBe(true);
  });

  it('reads field by field, falling back on malformed fields', () => {
    const raw: Record<string, unknown> = { title: 42, schemaVersion: 1.5, placedWidgets: ['seven-themes', 'future-widget', 3] };
    expect(readMeta((k) => raw[k])).toEqual({ title: '', schemaVersion: CURRENT_SCHEMA_VERSION, placedWidgets: ['seven-themes'] });
    const good: Record<string, unknown> = { title: 'Gruppe 3', schemaVersion: 1, placedWidgets: 'x' };
    expect(readMeta((k) => good[k])).toEqual({ title: 'Gruppe 3', schemaVersion: 1, placedWidgets: [] });
  });

  it('validator rejects bad shapes', () => {
    expect(metaValidator.validate({ title: 'x'.repeat(201), schemaVersion: 1, placedWidgets: [] }).ok).toBe(false);
    expect(metaValidator.validate({ title: '', schemaVersion: -1, placedWidgets: [] }).ok).toBe(false);
    expect(metaValidator.validate({ title: '', schemaVersion: 1, placedWidgets: ['nope'] }).ok).toBe(false);
  });
});
