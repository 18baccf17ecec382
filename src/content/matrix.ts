/** The Bør/Gør ("should / do") 2x2 and its four guiding questions. */
import type { Locale } from '../i18n/index.js';

export type MatrixField = 'bor-gor' | 'bor-ikke-gor' | 'gor-ikke-bor' | 'hverken';

export interface MatrixFieldInfo {
  field: MatrixField;
  /** Row: should (bør) or should not; column: do (gør) or do not. */
  should: boolean;
  does: boolean;
  title: Record<Locale, string>;
  question: Record<Locale, string>;
}

/** In reading order: top-left, top-right, bottom-left, bottom-right. */
export const MATRIX_FIELDS: readonly MatrixFieldInfo[] = [
  {
    field: 'bor-gor',
    should: true,
    does: true,
    title: { da: 'Bør og gør', en: 'Should and do' },
    question: { da: 'Hvad gør vi i dag, som vi bør blive ved med?', en: 'What do we do today that we should keep doing?' },
  },
  {
    field: 'bor-ikke-gor',
    should: true,
    does: false,
    title: { da: 'Bør, men gør ikke', en: 'Should, but do not' },
    question: { da: 'Hvad bør vi begynde at gøre?', en: 'What should we start doing?' },
  },
  {
    field: 'gor-ikke-bor',
    should: false,
    does: true,
    title: { da: 'Gør, men bør ikke', en: 'Do, but should not' },
    question: { da: 'Hvad gør vi, som vi bør stoppe med eller gøre mindre af?', en: 'What do we do that we should stop, or do less of?' },
  },
  {
    field: 'hverken',
    should: false,
    does: false,
    title: { da: 'Bør ikke og gør ikke', en: 'Should not and do not' },
    question: { da: 'Er der noget, vi ikke ser?', en: 'Is there something we do not see?' },
  },
];

export const MATRIX_FIELD_IDS: readonly MatrixField[] = MATRIX_FIELDS.map((f) => f.field);
