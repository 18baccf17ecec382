import { describe, expect, it } from 'vitest';
import { defaultGeometry, geometryValidator, MAX_COORDINATE, MAX_SIZE } from './geometry.js';

const g = { x: 10, y: -20, w: 200, h: 100, z: 3, parent: null };

describe('geometry', () => {
  it('accepts valid geometry and drops extra keys', () => {
    expect(geometryValidator.validate({ ...g, extra: 1 })).toEqual({ ok: true, value: g });
    expect(geometryValidator.validate({ ...g, parent: 'frame_1' }).ok).toBe(true);
    expect(geometryValidator.validate(defaultGeometry).ok).toBe(true);
  });

  it.each([
    ['w zero', { w: 0 }],
    ['h negative', { h: -1 }],
    ['w too big', { w: MAX_SIZE + 1 }],
    ['x too far', { x: MAX_COORDINATE * 10 }],
    ['y NaN', { y: NaN }],
    ['z Infinity', { z: Infinity }],
    ['x string', { x: '10' }],
    ['parent bad id', { parent: '../etc' }],
    ['parent missing', { parent: undefined }],
  ])('rejects %s', (_name, patch) => {
    expect(geometryValidator.validate({ ...g, ...patch }, 'geometry').ok).toBe(false);
  });

  it('names the path', () => {
    const r = geometryValidator.validate({ ...g, w: 0 }, 'geometry');
    expect(r.ok ? '' : r.error).toMatch(/^geometry\.w: expected finite number greater than 0/);
  });
});
