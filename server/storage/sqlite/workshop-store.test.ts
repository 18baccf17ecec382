import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../workshop/tokens.js';
import { SqliteWorkshopStore } from './workshop-store.js';

describe('workshop tokens in SQLite', async () => {
  it('keeps a plenum token, marks link tokens shared, and refuses a revoked token', async () => {
    const store = new SqliteWorkshopStore(new Database(':memory:'));
    const made = await store.create({ title: 'T', parts: ['kaedeansvar'], groups: 2, locale: 'da', groupName: (n) => `G${n}` });
    const id = made.workshop.id;
    expect((await store.authenticate(id, made.plenumToken))?.role).toBe('plenum');
    expect(await store.authenticate(id, made.groupTokens.get(1)!)).toMatchObject({ role: 'participant', shared: true });
    const personal = await store.issueGroupToken(id, 1);
    expect(await store.authenticate(id, personal)).toMatchObject({ role: 'participant', shared: false });
    expect(await store.revoke(id, personal)).toBe(true);
    expect(await store.revoke(id, personal)).toBe(false);
    expect(await store.authenticate(id, personal)).toBeNull();
    expect(await store.isRevoked(id, personal)).toBe(true);
    expect(await store.isRevoked(id, made.groupTokens.get(2)!)).toBe(false);
    expect(await store.tokenCount(id)).toBe(5);
  });

  it('upgrades a database from before plenum tokens: rows kept, each group’s first token its link', async () => {
    const db = new Database(':memory:');
    db.exec(`
      CREATE TABLE workshops (id TEXT PRIMARY KEY, title TEXT NOT NULL, parts TEXT NOT NULL, locale TEXT NOT NULL, created_at INTEGER NOT NULL, locked INTEGER NOT NULL DEFAULT 0, cross_view INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE workshop_groups (workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE, number INTEGER NOT NULL, name TEXT NOT NULL, code TEXT NOT NULL UNIQUE, PRIMARY KEY (workshop_id, number));
      CREATE TABLE workshop_tokens (hash TEXT PRIMARY KEY, workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE, role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant')), group_number INTEGER);
    `);
    const [fac, link1, link2, joined] = [newToken(), newToken(), newToken(), newToken()];
    db.prepare("INSERT INTO workshops VALUES ('W', 'Old', '[\"kaedeansvar\"]', 'da', 1, 0, 0)").run();
    db.prepare("INSERT INTO workshop_groups VALUES ('W', 1, 'G1', 'AAAAAA'), ('W', 2, 'G2', 'BBBBBB')").run();
    const add = db.prepare('INSERT INTO workshop_tokens VALUES (?, ?, ?, ?)');
    add.run(hashToken(fac), 'W', 'facilitator', null);
    add.run(hashToken(link1), 'W', 'participant', 1);
    add.run(hashToken(link2), 'W', 'participant', 2);
    add.run(hashToken(joined), 'W', 'participant', 1);
    const store = new SqliteWorkshopStore(db);
    expect((await store.authenticate('W', fac))?.role).toBe('facilitator');
    expect(await store.authenticate('W', link1)).toMatchObject({ shared: true });
    expect(await store.authenticate('W', link2)).toMatchObject({ shared: true });
    expect(await store.authenticate('W', joined)).toMatchObject({ shared: false });
    const plenum = newToken();
    await store.addPlenumToken('W', plenum);
    await store.addPlenumToken('W', plenum);
    expect((await store.authenticate('W', plenum))?.role).toBe('plenum');
    // Opening it again changes nothing; deleting the workshop still takes its tokens.
    new SqliteWorkshopStore(db);
    await store.delete('W');
    expect(db.prepare('SELECT count(*) AS n FROM workshop_tokens').get()).toEqual({ n: 0 });
  });
});
