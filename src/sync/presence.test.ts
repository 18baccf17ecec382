import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { AwarenessPresence, colorFor, readPeer, readPeers } from './presence.js';

describe('presence', () => {
  it('keeps named peers only, not ourselves, sorted by name', () => {
    const states = new Map<number, unknown>([
      [1, { user: { name: 'Me', color: '#000000' } }],
      [2, { user: { name: ' Bo ', color: 'red' } }],
      [3, {}],
      [4, { user: { name: '' } }],
      [5, { user: { name: 'Anna', color: '#b3261e' } }],
    ]);
    expect(readPeers(states, 1).map((p) => ({ clientId: p.clientId, ...p.user }))).toEqual([
      { clientId: 5, name: 'Anna', color: '#b3261e' },
      // A colour that is not #rrggbb reads as the one the canvas gives this peer.
      { clientId: 2, name: 'Bo', color: colorFor(2) },
    ]);
  });

  it('validates peers from the network and drops bad fields', () => {
    expect(readPeer(1, null)).toBeNull();
    expect(readPeer(1, { user: { name: '   ' } })).toBeNull();
    const p = readPeer(7, {
      user: { name: '<img src=x onerror=alert(1)>', color: 'red; background:url(x)' },
      cursor: { x: 'a', y: 1 },
      drags: [{ itemId: 'card-1', x: 10, y: 20 }, { itemId: '../x', x: 1, y: 1 }, { itemId: 'c2', x: Infinity, y: 0 }],
      view: { x: 0, y: 0, zoom: -1 },
    });
    expect(p).toEqual({
      clientId: 7,
      user: { name: '<img src=x onerror=alert(1)>', color: expect.stringMatching(/^#[0-9a-f]{6}$/i) },
      cursor: null,
      drags: [{ itemId: 'card-1', x: 10, y: 20 }],
      view: null,
    });
  });

  it('throttles drag updates to about 30 a second and sends the drop at once', () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    const aw = new Awareness(doc);
    const presence = new AwarenessPresence(aw, { name: 'Ida', color: '#1f5fa8' });
    const updates: number[] = [];
    aw.on('update', () => updates.push(performance.now()));
    for (let i = 0; i < 100; i++) {
      presence.setDrags([{ itemId: 'n1', x: i, y: i }]);
      vi.advanceTimersByTime(3); // 100 pointer moves over 300 ms
    }
    vi.advanceTimersByTime(50);
    expect(updates.length).toBeGreaterThanOrEqual(8);
    expect(updates.length).toBeLessThanOrEqual(11);
    expect((aw.getLocalState() as { drags: { x: number }[] }).drags[0]!.x).toBe(99);
    const before = updates.length;
    presence.setDrags([]);
    expect(updates.length).toBe(before + 1);
    presence.destroy();
    aw.destroy();
    vi.useRealTimers();
  });

  it('lists other participants from their awareness states', () => {
    const [d1, d2] = [new Y.Doc(), new Y.Doc()];
    const [a1, a2] = [new Awareness(d1), new Awareness(d2)];
    const p1 = new AwarenessPresence(a1, { name: 'Anna', color: '#b3261e' }, 0);
    const p2 = new AwarenessPresence(a2, { name: 'Bo', color: '#1f5fa8' }, 0);
    p2.setCursor({ x: 5, y: 6 });
    applyAwarenessUpdate(a1, encodeAwarenessUpdate(a2, [d2.clientID]), 'remote');
    expect(p1.peers()).toEqual([{ clientId: d2.clientID, user: { name: 'Bo', color: '#1f5fa8' }, cursor: { x: 5, y: 6 }, drags: [], view: null }]);
    p1.destroy();
    p2.destroy();
  });

  // Real time: awareness stamps its states with lib0's clock, which fake timers do not move.
  it('re-sends its state while dragging, and drops a peer\'s drag that stops coming within a second', async () => {
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const [d1, d2] = [new Y.Doc(), new Y.Doc()];
    const [a1, a2] = [new Awareness(d1), new Awareness(d2)];
    const p1 = new AwarenessPresence(a1, { name: 'Anna', color: '#b3261e' }, 0);
    const p2 = new AwarenessPresence(a2, { name: 'Bo', color: '#1f5fa8' }, 0);
    // Everything Bo sends reaches Anna until his network goes.
    let online = true;
    a2.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      if (online) applyAwarenessUpdate(a1, encodeAwarenessUpdate(a2, [...added, ...updated, ...removed]), 'remote');
    });
    let told = 0;
    p1.onChange(() => told++);
    p2.setDrags([{ itemId: 'n1', x: 1, y: 2 }]);
    expect(p1.peers()[0]!.drags).toEqual([{ itemId: 'n1', x: 1, y: 2 }]);
    // Bo holds still for 1.5 s: his heartbeat keeps the drag alive on Anna's screen.
    await wait(1500);
    expect(p1.peers()[0]!.drags).toHaveLength(1);
    online = false;
    const before = told;
    await wait(1300);
    expect(p1.peers()[0]!.drags).toEqual([]);
    expect(told).toBeGreaterThan(before);
    p1.destroy();
    p2.destroy();
    a1.destroy();
    a2.destroy();
  });
});
