import { describe, expect, expectTypeOf, it } from 'vitest';
import { arrayOf, assertValid, boolean, integer, literal, nullable, number, object, oneOf, optional, string } from './validate.js';
import type { Infer } from './validate.js';

const err = (r: { ok: boolean; error?: string }) => (r.ok ? undefined : r.error);

describe('validate', () => {
  it('string: bounded length, errors name the path', () => {
    const s = string({ max: 5 });
    expect(s.validate('hello')).toEqual({ ok: true, value: 'hello' });
    expect(s.validate('')).toEqual({ ok: true, value: '' });
    expect(err(s.validate('toolong', 'props.text'))).toBe(
      'props.text: expected string of at most 5 characters, got string of 7 characters',
    );
    expect(err(s.validate(5, 'props.text'))).toBe('props.text: expected string of at most 5 characters, got 5');
    expect(err(s.validate(null))).toMatch(/^value: expected string/);
    expect(string({ max: 3, min: 1 }).validate('').ok).toBe(false);
    expect(string({ max: 9, pattern: /^a+$/ }).validate('aab').ok).toBe(false);
  });

  it('keeps hostile text unchanged (escaping is the renderer’s job)', () => {
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)> & \u202e \0';
    expect(string({ max: 2000 }).validate(hostile)).toEqual({ ok: true, value: hostile });
  });

  it('number: finite only, bounds', () => {
    const n = number();
    expect(n.validate(1.5).ok).toBe(true);
    for (const bad of [NaN, Infinity, -Infinity, '1', null, undefined, {}]) expect(n.validate(bad).ok).toBe(false);
    expect(err(n.validate(NaN, 'x'))).toBe('x: expected finite number, got NaN');
    const b = number({ min: 0, exclusiveMin: true, max: 10 });
    expect(b.validate(0).ok).toBe(false);
    expect(b.validate(10).ok).toBe(true);
    expect(err(b.validate(11, 'w'))).toBe('w: expected finite number greater than 0 and at most 10, got 11');
  });

  it('integer, boolean, literal/oneOf, nullable, optional', () => {
    expect(integer({ min: 0 }).validate(2).ok).toBe(true);
    expect(integer().validate(1.5).ok).toBe(false);
    expect(integer({ min: 0 }).validate(-1).ok).toBe(false);
    expect(boolean().validate(false)).toEqual({ ok: true, value: false });
    expect(boolean().validate('true').ok).toBe(false);
    const color = literal('yellow', 'green');
    expect(color.validate('green').ok).toBe(true);
    expect(err(color.validate('red', 'props.color'))).toBe('props.color: expected one of "yellow", "green", got string of 3 characters');
    expect(oneOf([1, 2] as const).validate('1').ok).toBe(false);
    expect(nullable(string({ max: 3 })).validate(null)).toEqual({ ok: true, value: null });
    expect(nullable(string({ max: 3 })).validate(undefined).ok).toBe(false);
    expect(optional(string({ max: 3 })).validate(undefined)).toEqual({ ok: true, value: undefined });
    expect(optional(string({ max: 3 })).validate(null).ok).toBe(false);
  });

  it('object: only known keys come back, extra keys ignored, nested paths', () => {
    const o = object({ a: string({ max: 3 }), b: optional(number()), c: object({ d: boolean() }) });
    const r = o.validate({ a: 'x', c: { d: true, extra: 1 }, extra: 'y' });
    expect(r).toEqual({ ok: true, value: { a: 'x', c: { d: true } } });
    expect(r.ok && 'b' in r.value).toBe(false);
    expect(err(o.validate({ a: 'x', c: { d: 1 } }, 'props'))).toBe('props.c.d: expected boolean, got 1');
    expect(err(o.validate({ c: { d: true } }))).toBe('a: expected string of at most 3 characters, got undefined');
    for (const bad of [null, [], 'x', 1]) expect(o.validate(bad).ok).toBe(false);
    expect(o.keys).toEqual(['a', 'b', 'c']);
  });

  it('object: inherited and __proto__ values never satisfy a field', () => {
    const o = object({ text: string({ max: 9 }) });
    expect(o.validate(Object.create({ text: 'inherited' })).ok).toBe(false);
    expect(o.validate(JSON.parse('{"__proto__": {"text": "x"}}')).ok).toBe(false);
  });

  it('arrayOf: bounded, element paths', () => {
    const a = arrayOf(integer(), { max: 2 });
    expect(a.validate([1, 2])).toEqual({ ok: true, value: [1, 2] });
    expect(err(a.validate([1, 2, 3], 'list'))).toBe('list: expected array of at most 2 items, got 3 items');
    expect(err(a.validate([1, 'x'], 'list'))).toBe('list[1]: expected finite integer, got string of 1 characters');
    expect(a.validate({ length: 1, 0: 1 }).ok).toBe(false);
  });

  it('assertValid throws with context; Infer gives the type', () => {
    const o = object({ a: string({ max: 1 }), b: optional(boolean()) });
    expect(() => assertValid(o, { a: 'xx' }, 'props', 'ctx')).toThrow('ctx: props.a: expected string of at most 1 characters');
    expectTypeOf<Infer<typeof o>>().toEqualTypeOf<{ a: string; b?: boolean }>();
  });
});
