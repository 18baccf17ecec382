import { describe, expect, it } from 'vitest';
import { createId, ITEM_ID_PATTERN, itemId } from './ids.js';

describe('ids', () => {
  it('createId gives 16 url-safe characters, distinct', () => {
    const ids = new Set(Array.from({ length: 2000 }, createId));
    expect(ids.size).toBe(2000);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(itemId.validate(id).ok).toBe(true);
    }
  });

  it('itemId rejects empty, long and unsafe ids', () => {
    for (const bad of ['', 'x'.repeat(65), 'a b', '../x', 'a.b', '<script>', 'ü', 5, null]) {
      expect(itemId.validate(bad).ok).toBe(false);
    }
    expect(itemId.validate('x'.repeat(64)).ok).toBe(true);
    expect(ITEM_ID_PATTERN.test('note_1-A')).toBe(true);
  });
});
