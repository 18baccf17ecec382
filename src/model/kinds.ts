/**
 * The registry of record kinds. Adding a kind is one module (exporting `kind`,
 * `propsValidator`, `defaultProps`, `defaultSize`) plus one entry below; the key
 * must equal the module's `kind` (checked by the compiler).
 */
import * as frame from './frame.js';
import * as note from './note.js';
import * as widget from './widget.js';
import * as themeAssessment from './theme-assessment.js';
import * as themeNote from './theme-note.js';
import * as matrixNote from './matrix-note.js';
import * as competenceCard from './competence-card.js';
import * as wallColumn from './wall-column.js';
import * as wallPost from './wall-post.js';
import * as wallLike from './wall-like.js';
import type { Infer, ObjectValidator, Validator } from './validate.js';

/** What every record-kind module provides. */
export interface RecordKind<K extends string = string, P extends object = object> {
  readonly kind: K;
  readonly propsValidator: Validator<P> & Pick<ObjectValidator<Record<string, Validator<unknown>>>, 'keys' | 'shape'>;
  defaultProps(): P;
  readonly defaultSize: { readonly w: number; readonly h: number };
  /**
   * For records that belong to another item (a widget's cards, a post's likes): the prop that
   * holds the owner's id. Owned records have no geometry of their own, are not drawn on the
   * canvas, and are deleted and duplicated with their owner.
   */
  readonly owner?: string;
}

/** All record kinds, keyed by kind name. */
export const recordKinds = {
  note,
  frame,
  widget,
  'theme-assessment': themeAssessment,
  'theme-note': themeNote,
  'matrix-note': matrixNote,
  'competence-card': competenceCard,
  'wall-column': wallColumn,
  'wall-post': wallPost,
  'wall-like': wallLike,
} satisfies Record<string, RecordKind>;

// Compile-time check that every registry key equals its module's `kind`.
const _keysMatchKinds: { readonly [K in Kind]: { readonly kind: K } } = recordKinds;
void _keysMatchKinds;

/** A record kind name. */
export type Kind = keyof typeof recordKinds;

/** The props type of a kind. */
export type PropsOf<K extends Kind> = Infer<(typeof recordKinds)[K]['propsValidator']>;

/** Item-map keys that are not props; no kind may declare a prop with these names. */
export const RESERVED_KEYS: readonly string[] = ['kind', 'createdBy'];

/** True if `k` names a registered kind (own keys only, so `'toString'` is not a kind). */
export function isKind(k: unknown): k is Kind {
  return typeof k === 'string' && Object.hasOwn(recordKinds, k);
}

/** The kind module for a kind name. */
export function kindOf<K extends Kind>(k: K): RecordKind<K, PropsOf<K>> {
  return recordKinds[k] as unknown as RecordKind<K, PropsOf<K>>;
}

/** The owner prop of a kind, or undefined for records drawn on the canvas. */
export function ownerKey(k: Kind): string | undefined {
  return (recordKinds[k] as RecordKind).owner;
}
