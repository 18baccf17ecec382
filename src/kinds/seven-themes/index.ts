/**
 * The seven-themes puzzle as a widget kind: the seven quality criteria of Kædeansvar as pieces,
 * each with a status and the group's notes. Nothing is seeded: a criterion's assessment record
 * is created on its first change, and a missing one reads as 'not-started'.
 */
import type { WidgetKind } from '../kind.js';
import { NATURAL_SIZE, sevenThemesLayout } from './layout.js';
import { readThemes, type ThemeState } from './records.js';

export const sevenThemes: WidgetKind<'seven-themes', ThemeState[]> = {
  type: 'seven-themes',
  part: 'kaedeansvar',
  tag: 'kb-seven-themes',
  size: NATURAL_SIZE,
  seed() {},
  layout: sevenThemesLayout,
  read: readThemes,
};
