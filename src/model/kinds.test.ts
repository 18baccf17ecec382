import { describe, expect, it } from 'vitest';
import { defaultGeometry, geometryValidator } from './geometry.js';
import { isKind, recordKinds, RESERVED_KEYS } from './kinds.js';
import * as note from './note.js';
import * as widget from './widget.js';

describe('record kinds', () => {
  it.each(Object.entries(recordKinds))('%s: key, defaults and sizes are consistent', (key, def) => {
    expect(def.kind).toBe(key);
    expect(def.propsValidator.validate(def.defaultProps())).toEqual({ ok: true, value: def.defaultProps() });
    expect(def.defaultProps()).not.toBe(def.defaultProps());
    expect(geometryValidator.validate({ ...defaultGeometry, ...def.defaultSize }).ok).toBe(true);
    for (const reserved of RESERVED_KEYS) expect(def.propsValidator.keys).not.toContain(reserved);
  });

  it('only registered kinds are kinds', () => {
    expect(isKind('note')).toBe(true);
    for (const bad of ['toString', '__proto__', 'constructor', 'Note', '', null, 1]) expect(isKind(bad)).toBe(false);
  });

  it('note: palette and text bound', () => {
    expect(note.defaultProps()).toEqual({ text: '', color: 'yellow' });
    for (const color of note.NOTE_COLORS) expect(note.propsValidator.validate({ text: 'x', color }).ok).toBe(true);
    expect(note.propsValidator.validate({ text: 'x', color: 'red' }).ok).toBe(false);
    expect(note.propsValidator.validate({ text: 'x'.repeat(2001), color: 'yellow' }).ok).toBe(false);
    expect(note.propsValidator.validate({ text: 7, color: 'yellow' }).ok).toBe(false);
  });

  it('frame and widget props', () => {
    expect(recordKinds.frame.propsValidator.validate({ title: 'x'.repeat(201) }).ok).toBe(false);
    for (const w of widget.WIDGET_TYPES) expect(widget.propsValidator.validate({ widget: w }).ok).toBe(true);
    expect(widget.propsValidator.validate({ widget: 'matrix' }).ok).toBe(false);
  });
});
