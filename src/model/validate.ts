/**
 * A tiny validator combinator library (no dependencies).
 *
 * Every record that comes out of the shared document passes through one of these
 * validators, because any client (an older build, or a hostile one) can write
 * anything into a Y.Doc. Validators never throw: they return a {@link Result}
 * whose error names the path of the offending value, e.g.
 * `props.text: expected string of at most 2000 characters, got string of 2001 characters`.
 *
 * Validators only check shapes; they never transform strings. Text such as
 * `<script>` is plain data here; escaping is the renderer's job.
 */

/** Outcome of a validation: the (fresh, known-keys-only) value, or an error naming the path. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Checks an unknown value against a shape. `path` prefixes error messages. */
export interface Validator<T> {
  validate(v: unknown, path?: string): Result<T>;
}

/** A validator that also accepts `undefined`; inside {@link object} it makes the key optional. */
export interface OptionalValidator<T> extends Validator<T | undefined> {
  readonly optional: true;
}

/** The value type a validator produces. */
export type Infer<V> = V extends Validator<infer T> ? T : never;

/** Field validators of an {@link object}. */
export type Shape = Record<string, Validator<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends OptionalValidator<unknown> ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The object type described by a shape: optional validators give optional keys. */
export type ObjectOf<S extends Shape> = Simplify<
  { [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

/** An object validator; `shape` and `keys` let callers read exactly the known fields. */
export interface ObjectValidator<S extends Shape> extends Validator<ObjectOf<S>> {
  readonly shape: S;
  readonly keys: readonly (keyof S & string)[];
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (path: string | undefined, message: string): { ok: false; error: string } => ({
  ok: false,
  error: `${path || 'value'}: ${message}`,
});

/** Describes a received value for error messages without echoing untrusted content. */
function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Number.isFinite(v) ? String(v) : 'infinite number';
  if (typeof v === 'string') return `string of ${v.length} characters`;
  return typeof v;
}

/** A string of at most `max` characters (required bound), at least `min`, optionally matching `pattern`. */
export function string(opts: { max: number; min?: number; pattern?: RegExp }): Validator<string> {
  const { max, min = 0, pattern } = opts;
  const expected = pattern
    ? `expected string matching ${pattern}`
    : min > 0
      ? `expected string of ${min} to ${max} characters`
      : `expected string of at most ${max} characters`;
  return {
    validate(v, path) {
      if (typeof v !== 'string' || v.length > max || v.length < min || (pattern !== undefined && !pattern.test(v))) {
        return fail(path, `${expected}, got ${describe(v)}`);
      }
      return ok(v);
    },
  };
}

/** Bounds for {@link number}; `exclusiveMin` makes `min` a strict lower bound. */
export interface NumberBounds {
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
}

function numeric(what: 'number' | 'integer', bounds: NumberBounds): Validator<number> {
  const { min, max, exclusiveMin = false } = bounds;
  const parts: string[] = [];
  if (min !== undefined) parts.push(exclusiveMin ? `greater than ${min}` : `at least ${min}`);
  if (max !== undefined) parts.push(`at most ${max}`);
  const expected = `expected finite ${what}${parts.length > 0 ? ' ' + parts.join(' and ') : ''}`;
  return {
    validate(v, path) {
      if (
        typeof v !== 'number' ||
        !Number.isFinite(v) ||
        (what === 'integer' && !Number.isInteger(v)) ||
        (min !== undefined && (exclusiveMin ? v <= min : v < min)) ||
        (max !== undefined && v > max)
      ) {
        return fail(path, `${expected}, got ${describe(v)}`);
      }
      return ok(v);
    },
  };
}

/** A finite number (NaN and ±Infinity are rejected), optionally bounded. */
export function number(bounds: NumberBounds = {}): Validator<number> {
  return numeric('number', bounds);
}

/** A finite integer, optionally bounded. */
export function integer(bounds: { min?: number; max?: number } = {}): Validator<number> {
  return numeric('integer', bounds);
}

/** `true` or `false`. */
export function boolean(): Validator<boolean> {
  return {
    validate: (v, path) => (typeof v === 'boolean' ? ok(v) : fail(path, `expected boolean, got ${describe(v)}`)),
  };
}

type Primitive = string | number | boolean | null;

/** One of the given primitive values (compared with `===`). */
export function oneOf<const T extends readonly Primitive[]>(values: T): Validator<T[number]> {
  const expected = `expected one of ${values.map((x) => JSON.stringify(x)).join(', ')}`;
  return {
    validate: (v, path) =>
      values.includes(v as Primitive) ? ok(v as T[number]) : fail(path, `${expected}, got ${describe(v)}`),
  };
}

/** Variadic form of {@link oneOf}: `literal('a', 'b')`. */
export function literal<const T extends readonly Primitive[]>(...values: T): Validator<T[number]> {
  return oneOf(values);
}

/** `null` or a value accepted by `inner`. */
export function nullable<T>(inner: Validator<T>): Validator<T | null> {
  return { validate: (v, path) => (v === null ? ok(null) : inner.validate(v, path)) };
}

/** `undefined` or a value accepted by `inner`; inside {@link object} the key becomes optional. */
export function optional<T>(inner: Validator<T>): OptionalValidator<T> {
  return { optional: true, validate: (v, path) => (v === undefined ? ok(undefined) : inner.validate(v, path)) };
}

/**
 * A plain object with the given fields. Extra keys are ignored and not returned; only own
 * properties are read (an inherited or `__proto__` value never satisfies a field).
 */
export function object<S extends Shape>(shape: S): ObjectValidator<S> {
  const keys = Object.keys(shape) as (keyof S & string)[];
  return {
    shape,
    keys,
    validate(v, path) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(path, `expected object, got ${describe(v)}`);
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        const field = shape[key] as Validator<unknown>;
        const raw = Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined;
        const r = field.validate(raw, path ? `${path}.${key}` : key);
        if (!r.ok) return r;
        if (r.value !== undefined) out[key] = r.value;
      }
      return ok(out as ObjectOf<S>);
    },
  };
}

/** An array of at most `max` items (required bound), each accepted by `inner`. */
export function arrayOf<T>(inner: Validator<T>, opts: { max: number }): Validator<T[]> {
  return {
    validate(v, path) {
      if (!Array.isArray(v) || v.length > opts.max) {
        const got = Array.isArray(v) ? `${v.length} items` : describe(v);
        return fail(path, `expected array of at most ${opts.max} items, got ${got}`);
      }
      const out: T[] = [];
      for (let i = 0; i < v.length; i++) {
        const r = inner.validate(v[i], `${path || 'value'}[${i}]`);
        if (!r.ok) return r;
        out.push(r.value);
      }
      return ok(out);
    },
  };
}

/** Returns the valid value or throws an Error prefixed with `context` (for local input only). */
export function assertValid<T>(validator: Validator<T>, v: unknown, path: string, context: string): T {
  const r = validator.validate(v, path);
  if (!r.ok) throw new Error(`${context}: ${r.error}`);
  return r.value;
}
