import { describe, expect, it } from 'vitest';
import { qrPath } from './qr-code.js';

describe('QR code', () => {
  it('draws a version large enough for a join link, with the three finder patterns', () => {
    const { d, size } = qrPath('https://kaedeboard.kommune.dk/g/AbCdEfGhIjKlMnOp/12#' + 'x'.repeat(32));
    expect(size).toBeGreaterThanOrEqual(33);
    expect((size - 17) % 4).toBe(0);
    // The top-left finder pattern: its 7x7 outer ring is dark.
    for (const [c, r] of [[0, 0], [6, 0], [0, 6], [6, 6], [size - 1, 0], [0, size - 1]]) expect(d).toContain(`M${c} ${r}h1v1h-1z`);
    expect(d).not.toContain(`M1 1h1v1h-1z`); // its light inner ring
  });
});
