import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from './board.js';
import { CURRENT_SCHEMA_VERSION, migrate, MIGRATION_ORIGIN, MIGRATIONS, registerMigration } from './migrations.js';
import type { Migration } from './migrations.js';

/** A fake v0 layout: notes stored their text under `body`. */
function v0Doc(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getMap('meta').set('schemaVersion', 0);
    doc.getMap('items').set('n1', new Y.Map<unknown>([['kind', 'note'], ['body', 'old text'], ['color', 'green']]));
  });
  return doc;
}

const bodyToText: Migration = {
  from: 0,
  to: 1,
  description: 'note body -> text',
  up({ items }) {
    items.forEach((item) => {
      if (item instanceof Y.Map && item.get('kind') === 'note' && item.has('body')) {
        item.set('text', item.get('body'));
        item.delete('body');
      }
    });
  },
};

/** Counts updates and records the origins of transactions on `doc`. */
function watch(doc: Y.Doc): { updates: number; origins: unknown[] } {
  const seen = { updates: 0, origins: [] as unknown[] };
  doc.on('update', () => seen.updates++);
  // Only transactions that changed something (creating a top-level Y.Array runs an empty one).
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.changed.size > 0 || tr.deleteSet.clients.size > 0) seen.origins.push(tr.origin);
  });
  return seen;
}

describe('migrations', () => {
  it('current version is 1 and nothing is registered globally', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(1);
    expect(MIGRATIONS).toEqual([]);
  });

  it('stamps a fresh document with the current version', () => {
    const doc = new Y.Doc();
    const seen = watch(doc);
    expect(migrate(doc, [])).toEqual({ readOnly: false, from: null, to: 1 });
    expect(doc.getMap('meta').get('schemaVersion')).toBe(1);
    expect(seen.origins).toEqual([MIGRATION_ORIGIN]);
  });

  it('leaves a current document alone', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', 1);
    const seen = watch(doc);
    expect(migrate(doc, [bodyToText])).toEqual({ readOnly: false, from: 1, to: 1 });
    expect(seen.updates).toBe(0);
  });

  it('brings an older document up in one transaction', () => {
    const doc = v0Doc();
    const list: Migration[] = [];
    registerMigration(bodyToText, list);
    const seen = watch(doc);
    expect(migrate(doc, list)).toEqual({ readOnly: false, from: 0, to: 1 });
    expect(seen.updates).toBe(1);
    expect(seen.origins).toEqual([MIGRATION_ORIGIN]);
    expect(doc.getMap('meta').get('schemaVersion')).toBe(1);
    const board = new Board(doc);
    expect(board.get('n1')?.props).toEqual({ text: 'old text', color: 'green' });
    expect(MIGRATIONS).toEqual([]);
  });

  it('runs a chain of steps in order', () => {
    const doc = v0Doc();
    const list: Migration[] = [];
    const ran: string[] = [];
    registerMigration({ from: 1, to: 2, up: ({ meta }) => (ran.push('1->2'), meta.set('title', 'v2')) }, list);
    registerMigration({ ...bodyToText, up: (t, tx) => (ran.push('0->1'), bodyToText.up(t, tx)) }, list);
    expect(list.map((m) => m.from)).toEqual([0, 1]);
    expect(migrate(doc, list, 2)).toEqual({ readOnly: false, from: 0, to: 2 });
    expect(ran).toEqual(['0->1', '1->2', '0->1', '1->2']); // dry run on a scratch copy, then for real
    expect(doc.getMap('meta').toJSON()).toEqual({ schemaVersion: 2, title: 'v2' });
  });

  it('reports a newer document read-only and does not touch it', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', 7);
    const before = Y.encodeStateVector(doc);
    const r = migrate(doc);
    expect(r).toEqual({ readOnly: true, reason: expect.stringContaining('schema v7, newer than this app (v1)') });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('reports missing steps, unreadable versions and failing migrations without touching the doc', () => {
    const missing = v0Doc();
    expect(migrate(missing, [])).toEqual({ readOnly: true, reason: 'no migration from schema v0 to v1' });
    const garbage = new Y.Doc();
    garbage.getMap('meta').set('schemaVersion', 'one');
    expect(migrate(garbage)).toMatchObject({ readOnly: true, reason: expect.stringMatching(/^unreadable schema version/) });
    const failing = v0Doc();
    const before = Y.encodeStateAsUpdate(failing);
    const broken: Migration = {
      from: 0,
      to: 1,
      up({ items }) {
        items.set('half-done', new Y.Map());
        throw new Error('boom');
      },
    };
    expect(migrate(failing, [broken])).toEqual({ readOnly: true, reason: 'migration from schema v0 failed: boom' });
    expect(Y.encodeStateAsUpdate(failing)).toEqual(before);
    expect(failing.getMap('items').has('half-done')).toBe(false);
  });

  it('registerMigration checks its input', () => {
    const list: Migration[] = [];
    registerMigration(bodyToText, list);
    expect(() => registerMigration(bodyToText, list)).toThrow(/already exists/);
    expect(() => registerMigration({ from: 2, to: 2, up() {} }, list)).toThrow(/from < to/);
    expect(() => registerMigration({ from: 1.5, to: 2, up() {} }, list)).toThrow(/integer/);
  });
});
