import { describe, expect, it } from 'vitest';
import { SqliteStore } from './room-store.js';

describe('SqliteStore.isOpen (what /healthz reports)', () => {
  it('is true while the database is open and false once it is closed', async () => {
    const store = new SqliteStore(':memory:');
    expect(store.isOpen()).toBe(true);
    await store.close();
    expect(store.isOpen()).toBe(false);
  });
});
