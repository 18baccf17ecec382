/**
 * Schema versions and migrations.
 *
 * `meta.schemaVersion` records the layout a board document follows. {@link migrate} brings an
 * older document up to {@link CURRENT_SCHEMA_VERSION} in one transaction, stamps a fresh one,
 * and refuses (read-only) a document written by a newer client. Call it once the provider has
 * synced (stamping an unsynced empty doc could race the server's real version).
 *
 * Two clients may migrate the same document at the same time, so a migration's `up` must give
 * the same result when it runs twice concurrently: set keys to values derived from the data,
 * derive any new ids from old ones, never insert items under random ids.
 */
import * as Y from 'yjs';
import { boardTypes, SCHEMA_VERSION_KEY } from './storage.js';
import type { BoardTypes } from './storage.js';
import { integer } from './validate.js';

/** The schema version this build reads and writes. */
export const CURRENT_SCHEMA_VERSION = 1;

/** Transaction origin of every migration write (not tracked by any user's undo). */
export const MIGRATION_ORIGIN: unique symbol = Symbol('kaedeboard:migration');

/** One step from schema version `from` to `to`, working on the raw shared types. */
export interface Migration {
  from: number;
  to: number;
  description?: string;
  up(board: BoardTypes, tx: Y.Transaction): void;
}

/** The registered migrations, ordered by `from`. */
export const MIGRATIONS: Migration[] = [];

/** What {@link migrate} did, or why the board must stay read-only for this client. */
export type MigrationResult =
  /** `from` is `null` for a fresh document that was stamped with the current version. */
  | { readOnly: false; from: number | null; to: number }
  | { readOnly: true; reason: string };

const versionValidator = integer({ min: 0, max: 1_000_000 });

/** Adds a migration to `list` (the global {@link MIGRATIONS} by default), keeping it ordered. */
export function registerMigration(migration: Migration, list: Migration[] = MIGRATIONS): void {
  const { from, to } = migration;
  if (!versionValidator.validate(from).ok || !versionValidator.validate(to).ok || to <= from) {
    throw new Error(`registerMigration: expected integer versions with from < to, got ${from} -> ${to}`);
  }
  if (list.some((m) => m.from === from)) throw new Error(`registerMigration: a migration from v${from} already exists`);
  list.push(migration);
  list.sort((a, b) => a.from - b.from);
}

/**
 * Brings `doc` to schema version `target` (default {@link CURRENT_SCHEMA_VERSION}) using
 * `migrations`, in one transaction with origin {@link MIGRATION_ORIGIN}. The steps are first
 * run on a scratch copy, so a failing migration leaves the document untouched. A document with
 * a newer or unreadable version, or with no path to `target`, is reported read-only and not touched.
 */
export function migrate(
  doc: Y.Doc,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = CURRENT_SCHEMA_VERSION,
): MigrationResult {
  const { meta } = boardTypes(doc);
  const raw = meta.get(SCHEMA_VERSION_KEY);
  if (raw === undefined) {
    doc.transact(() => meta.set(SCHEMA_VERSION_KEY, target), MIGRATION_ORIGIN);
    return { readOnly: false, from: null, to: target };
  }
  const version = versionValidator.validate(raw, SCHEMA_VERSION_KEY);
  if (!version.ok) return { readOnly: true, reason: `unreadable schema version (${version.error})` };
  const from = version.value;
  if (from > target) {
    return {
      readOnly: true,
      reason: `this board uses schema v${from}, newer than this app (v${target}); reload to update the app`,
    };
  }
  const steps: Migration[] = [];
  for (let v = from; v < target; ) {
    const step = migrations.find((m) => m.from === v);
    if (step === undefined || step.to <= v || step.to > target) {
      return { readOnly: true, reason: `no migration from schema v${v} to v${target}` };
    }
    steps.push(step);
    v = step.to;
  }
  if (steps.length === 0) return { readOnly: false, from, to: from };

  const run = (d: Y.Doc): void => {
    const types = boardTypes(d);
    d.transact((tx) => {
      for (const step of steps) step.up(types, tx);
      types.meta.set(SCHEMA_VERSION_KEY, target);
    }, MIGRATION_ORIGIN);
  };
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    run(scratch);
  } catch (err) {
    return { readOnly: true, reason: `migration from schema v${from} failed: ${(err as Error).message}` };
  } finally {
    scratch.destroy();
  }
  run(doc);
  return { readOnly: false, from, to: target };
}
