/**
 * The storage contract (server/storage/store.ts), one suite for every backend: the unit
 * project runs it on SQLite (test/unit/store.test.ts), the integration project on a real
 * PostgreSQL server (test/integration/postgres-store.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Store, WorkshopStore } from '../../server/storage/store.js';

export interface Backend {
  /** A store on fresh, empty storage; `reopen` opens a second store on the same storage. */
  open(): Promise<Opened>;
}

export interface Opened {
  store: Store;
  workshops: WorkshopStore;
  /** Another store on the same data (a restart, or a second instance when the store is shared). */
  reopen(): Promise<{ store: Store; workshops: WorkshopStore }>;
  /** Makes every later snapshot write fail (a full disk). */
  failSnapshots(): Promise<void>;
  close(): Promise<void>;
}

function replay(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

/** Updates of one document, as a client would send them. */
function edits(n: number, key = 'k'): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getMap('m').set(`${key}${i}`, i);
  return { doc, updates };
}

export function storeContract(name: string, backend: Backend): void {
  describe(`${name}: room store`, () => {
    const opened: { close(): Promise<void> }[] = [];
    const open = async (): Promise<Opened> => {
      const o = await backend.open();
      opened.push(o);
      return o;
    };
    afterEach(async () => {
      for (const o of opened.splice(0).reverse()) await o.close();
    });

    it('appends, reloads after reopening, and keeps rooms apart', async () => {
      const o = await open();
      const { updates } = edits(2);
      for (const u of updates) await o.store.append('room-1', u);
      const again = await o.reopen();
      const loaded = await again.store.load('room-1');
      expect(loaded.updates).toHaveLength(2);
      expect(loaded.snapshot).toBeNull();
      expect(replay(loaded).getMap('m').toJSON()).toEqual({ k0: 0, k1: 1 });
      expect((await again.store.load('room-2')).updates).toHaveLength(0);
      expect(await again.store.listRooms()).toEqual(['room-1']);
    });

    it('numbers the rows of a room in increasing order; a shared store consecutively, whoever appends', async () => {
      const o = await open();
      const other = o.store.shared ? (await o.reopen()).store : o.store;
      const { updates } = edits(20);
      const seqs = await Promise.all(updates.map((u, i) => (i % 2 === 0 ? o.store : other).append('r', u)));
      await o.store.append('elsewhere', updates[0] as Uint8Array);
      const sorted = [...seqs].sort((a, b) => a - b);
      expect(new Set(seqs).size).toBe(20);
      if (o.store.shared) expect(sorted).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const loaded = await o.store.load('r');
      expect(loaded.lastSeq).toBe(sorted.at(-1));
      expect(replay(loaded).getMap('m').size).toBe(20);
      expect((await o.store.heads(['r', 'nothing'])).get('r')).toBe(sorted.at(-1));
      expect((await o.store.heads(['nothing'])).get('nothing')).toBe(0);
    });

    it('compaction replaces the log up to a sequence number with one state, atomically', async () => {
      const o = await open();
      const { doc, updates } = edits(10);
      let last = 0;
      for (const u of updates) last = await o.store.append('r', u);
      await o.store.compact('r', Y.encodeStateAsUpdate(doc), last);
      const after = new Y.Doc();
      Y.applyUpdate(after, Y.encodeStateAsUpdate(doc));
      let late: Uint8Array | null = null;
      after.on('update', (u: Uint8Array) => (late = u));
      after.getMap('m').set('after', true); // written after the compaction point: stays in the log
      const lateSeq = await o.store.append('r', late as unknown as Uint8Array);
      const loaded = await o.store.load('r');
      expect(loaded.snapshot).not.toBeNull();
      expect(loaded.updates).toHaveLength(1);
      expect(loaded.lastSeq).toBe(lateSeq);
      expect(replay(loaded).getMap('m').toJSON()).toEqual({ ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i])), after: true });
      // What a holder that had row `last` lacks: the late row only.
      const since = await o.store.loadSince('r', last);
      expect(since.updates).toHaveLength(1);
      expect(since.lastSeq).toBe(lateSeq);
    });

    it('a failed compaction leaves the old state and the whole log', async () => {
      const o = await open();
      const { doc, updates } = edits(1);
      const seq = await o.store.append('r', updates[0] as Uint8Array);
      await o.failSnapshots();
      await expect(o.store.compact('r', Y.encodeStateAsUpdate(doc), seq)).rejects.toThrow(/disk full/);
      const loaded = await o.store.load('r');
      expect(loaded.updates).toHaveLength(1);
      expect(replay(loaded).getMap('m').get('k0')).toBe(0);
    });

    it('deletes a room whole', async () => {
      const o = await open();
      const seq = await o.store.append('gone', new Uint8Array([0, 0]));
      await o.store.compact('gone', new Uint8Array([0, 0]), seq);
      await o.store.refuseClient('gone', 7, 3);
      await o.store.append('kept', new Uint8Array([0, 0]));
      await o.store.deleteRoom('gone');
      expect(await o.store.listRooms()).toEqual(['kept']);
      const loaded = await o.store.load('gone');
      expect(loaded.snapshot).toBeNull();
      expect(loaded.updates).toHaveLength(0);
      expect(loaded.refused.size).toBe(0);
    });

    it('keeps refused clients with the room, the earliest clock winning', async () => {
      const o = await open();
      await o.store.refuseClient('r', 42, 10);
      await o.store.refuseClient('r', 42, 4);
      await o.store.refuseClient('r', 42, 8);
      await o.store.refuseClient('s', 1, 1);
      expect([...(await o.store.load('r')).refused]).toEqual([[42, 4]]);
    });

    it('reads several rooms at one moment', async () => {
      const o = await open();
      const a = edits(3, 'a');
      const b = edits(2, 'b');
      for (const u of a.updates) await o.store.append('a', u);
      for (const u of b.updates) await o.store.append('b', u);
      const many = await o.store.loadMany(['a', 'b', 'none']);
      expect(replay(many.get('a') as never).getMap('m').size).toBe(3);
      expect(replay(many.get('b') as never).getMap('m').size).toBe(2);
      expect(many.get('none')?.updates).toHaveLength(0);
    });

    it('a shared store: a compaction cannot drop a row another instance appended meanwhile, nor go back', async () => {
      const o = await open();
      if (!o.store.shared) return;
      const other = (await o.reopen()).store;
      const { doc, updates } = edits(5);
      let seq = 0;
      for (const u of updates.slice(0, 4)) seq = await o.store.append('r', u);
      const state = Y.encodeStateAsUpdate(doc); // holds all five edits
      const stateUpTo4 = (() => {
        const d = new Y.Doc();
        for (const u of updates.slice(0, 4)) Y.applyUpdate(d, u);
        return Y.encodeStateAsUpdate(d);
      })();
      // The other instance appends row 5 while this one compacts up to row 4.
      const [fifth] = await Promise.all([other.append('r', updates[4] as Uint8Array), o.store.compact('r', stateUpTo4, seq)]);
      expect(fifth).toBe(5);
      let loaded = await o.store.load('r');
      expect(replay(loaded).getMap('m').size).toBe(5);
      // A compaction to row 5, then a late one to row 4 from an instance that was behind.
      await other.compact('r', state, 5);
      await o.store.compact('r', stateUpTo4, 4);
      loaded = await o.store.load('r');
      expect(loaded.updates).toHaveLength(0);
      expect(replay(loaded).getMap('m').size).toBe(5);
      expect((await o.store.loadSince('r', 3)).snapshot).not.toBeNull();
      expect((await o.store.loadSince('r', 5)).snapshot).toBeNull();
    });
  });

  describe(`${name}: workshop store`, () => {
    const opened: { close(): Promise<void> }[] = [];
    afterEach(async () => {
      for (const o of opened.splice(0).reverse()) await o.close();
    });
    const open = async (): Promise<Opened> => {
      const o = await backend.open();
      opened.push(o);
      return o;
    };
    const input = { title: 'T', parts: ['kaedeansvar' as const], groups: 2, locale: 'da' as const, groupName: (n: number) => `G${n}` };

    it('keeps a plenum token, marks link tokens shared, and refuses a revoked token', async () => {
      const { workshops: store } = await open();
      const made = await store.create(input);
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
      await store.addPlenumToken(id, made.plenumToken);
      expect(await store.tokenCount(id)).toBe(5);
    });

    it('holds groups, codes, flags, snapshot sets and free boards; deleting a workshop deletes them', async () => {
      const { workshops: store } = await open();
      const made = await store.create(input);
      const id = made.workshop.id;
      const w = await store.get(id);
      expect(w?.groups.map((g) => [g.number, g.name])).toEqual([[1, 'G1'], [2, 'G2']]);
      expect(await store.byCode(w!.groups[1]!.code)).toEqual({ workshopId: id, group: 2 });
      await store.setLocked(id, true);
      await store.setCrossView(id, true);
      expect(await store.isLocked(id)).toBe(true);
      expect(await store.get(id)).toMatchObject({ locked: true, crossView: true });
      await store.setLocked(id, false);
      expect(await store.isLocked(id)).toBe(false);
      expect(await store.isLocked('unknown')).toBe(false);
      const added = await store.addGroup(id, 'Restored');
      expect(added.group.number).toBe(3);
      await store.renameGroup(id, 3, 'Renamed');
      expect((await store.get(id))?.groups.at(-1)?.name).toBe('Renamed');
      const set = await store.saveSnapshotSet(id, 'Pause', new Map([[2, new Uint8Array([2, 2])], [1, new Uint8Array([1])]]));
      expect(set.groups).toEqual([1, 2]);
      expect(await store.listSnapshotSets(id)).toEqual([set]);
      expect(await store.snapshot(id, set.id, 2)).toEqual(new Uint8Array([2, 2]));
      expect(await store.snapshot('other', set.id, 2)).toBeNull();
      expect(await store.expired(Date.now() + 1000)).toContain(id);
      expect(await store.expired(0)).not.toContain(id);
      await store.noteFreeBoard('free');
      const noted = Date.now();
      await store.noteFreeBoard('free');
      expect(await store.expiredFreeBoards(noted - 60_000)).toEqual([]);
      expect(await store.expiredFreeBoards(noted + 60_000)).toEqual(['free']);
      await store.forgetFreeBoard('free');
      expect(await store.expiredFreeBoards(noted + 60_000)).toEqual([]);
      const credential = await store.votes.issueParticipant(id);
      await store.delete(id);
      expect(await store.get(id)).toBeNull();
      expect(await store.authenticate(id, made.facilitatorToken)).toBeNull();
      expect(await store.listSnapshotSets(id)).toEqual([]);
      expect(await store.votes.isParticipant(id, credential)).toBe(false);
    });

    it('two instances adding groups at once get different numbers and codes', async () => {
      const o = await open();
      const other = o.store.shared ? (await o.reopen()).workshops : o.workshops;
      const made = await o.workshops.create(input);
      const added = await Promise.all([0, 1, 2, 3].map((i) => (i % 2 === 0 ? o.workshops : other).addGroup(made.workshop.id, `New ${i}`)));
      expect(added.map((a) => a.group.number).sort()).toEqual([3, 4, 5, 6]);
      const w = await o.workshops.get(made.workshop.id);
      expect(new Set(w?.groups.map((g) => g.code)).size).toBe(6);
    });

    it('votes: the allowance, a closed vote, totals fixed and ballots dropped at close', async () => {
      const o = await open();
      const other = o.store.shared ? (await o.reopen()).workshops : o.workshops;
      const { workshop } = await o.workshops.create(input);
      const votes = o.workshops.votes;
      const items = [1, 2, 3].map((key) => ({ key, label: `Item ${key}`, detail: '', groups: [1] }));
      const vote = await votes.create(workshop.id, { list: 'l', title: 'Vote', dots: 3, endsAt: null, hidden: false, source: '', items });
      expect(await votes.openVote(workshop.id)).toMatchObject({ id: vote.id, items });
      const [p1, p2] = [await votes.issueParticipant(workshop.id), await votes.issueParticipant(workshop.id)];
      expect(await votes.participantCount(workshop.id)).toBe(2);
      expect(await votes.cast(workshop.id, vote.id, p1, new Map([[1, 2], [2, 1]]))).toMatchObject({ ok: true, used: 3 });
      expect(await votes.cast(workshop.id, vote.id, p2, new Map([[1, 4]]))).toEqual({ ok: false, reason: 'allowance' });
      expect(await votes.cast(workshop.id, vote.id, p2, new Map([[9, 1]]))).toEqual({ ok: false, reason: 'item' });
      // Ballots through two instances at once, each within the allowance.
      await Promise.all([other.votes.cast(workshop.id, vote.id, p2, new Map([[3, 1]])), votes.cast(workshop.id, vote.id, p1, new Map([[1, 1], [3, 2]]))]);
      expect(await votes.ballot(vote.id, p1)).toEqual(new Map([[1, 1], [3, 2]]));
      expect(await votes.counts(vote.id)).toMatchObject({ totals: [1, 0, 3], voters: 2, cast: 4 });
      const closed = await other.votes.close(workshop.id, vote.id);
      expect(closed?.closedAt).not.toBeNull();
      expect(await votes.cast(workshop.id, vote.id, p1, new Map([[1, 1]]))).toEqual({ ok: false, reason: 'closed' });
      expect(await votes.ballot(vote.id, p1)).toEqual(new Map());
      expect(await votes.counts(vote.id)).toMatchObject({ totals: [1, 0, 3], voters: 2, cast: 4 });
      expect((await votes.reveal(workshop.id, vote.id))?.revealedAt).not.toBeNull();
      expect(await votes.openVotes()).toEqual([]);
      expect((await votes.list(workshop.id)).map((v) => v.id)).toEqual([vote.id]);
    });
  });
}
