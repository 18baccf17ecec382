/**
 * Turns a kaedeboard widget into a plan of native Miro items (pure: no SDK calls).
 *
 * All geometry comes from the layout modules (the same ones the kaedeboard canvas draws with);
 * one widget-local unit becomes {@link MIRO_SCALE} Miro units (dp). The plan is a frame at the
 * drop point, titled with the widget's name, followed by its children at absolute board
 * coordinates inside the frame. Miro positions an item by its centre; the executor creates
 * each child there and then adds it to the frame (`frame.add`, which keeps the position).
 *
 * The puzzle's pieces are rounded-rectangle shapes at the pieces' grid cells, filled with the
 * criterion colour ("n. name"): Miro shapes cannot take the jigsaw outline, and images would
 * cost ten times the credits (500 instead of 50 per call) and need URLs that Miro's servers
 * can fetch, which a kaedeboard inside the municipality's network may not offer.
 */
import { t } from '../i18n/index.js';
import type { Locale } from '../i18n/index.js';
import { CRITERIA } from '../content/criteria.js';
import { MATRIX_FIELDS } from '../content/matrix.js';
import type { MatrixField } from '../content/matrix.js';
import { COLUMN_TITLES, DEFAULT_DECK } from '../content/competences.js';
import type { DeckCard } from '../content/competences.js';
import { naturalSize } from '../kinds/index.js';
import { sevenThemesLayout } from '../kinds/seven-themes/layout.js';
import { borGorLayout, FIELD_ORDER, noteSlots } from '../kinds/bor-gor-matrix/layout.js';
import { AREAS, areaRect, cardSlots, COLUMNS, columnHeadingRect } from '../kinds/competence-profile/layout.js';
import { inset } from '../layout/rect.js';
import type { Rect } from '../layout/rect.js';
import type { NoteColor } from '../model/note.js';
import { escapeHtml } from './html.js';
import { m } from './messages.js';
import type { CardProps, FrameProps, ShapeProps, StickyNoteProps, TextProps } from './sdk.js';

/** The widgets the Miro app can place. */
export const MIRO_WIDGETS = ['seven-themes', 'bor-gor-matrix', 'competence-profile'] as const;
export type MiroWidget = (typeof MIRO_WIDGETS)[number];

export function isMiroWidget(v: unknown): v is MiroWidget {
  return typeof v === 'string' && (MIRO_WIDGETS as readonly string[]).includes(v);
}

/** Miro units (dp) per widget-local unit. */
export const MIRO_SCALE = 2;

/** The widget's display name (the frame's title). */
export function widgetName(widget: MiroWidget, locale: Locale): string {
  return t(`widget.${widget}`, {}, locale);
}

/** Text colour on every fill we use (AA on the light fills and criterion colours). */
const INK = '#1c1f23';
const FRAME_FILL = '#ffffff';
/** Light tints per matrix field (dark text stays far above AA on them). */
export const FIELD_FILL: Record<MatrixField, string> = {
  'bor-gor': '#e4f3e1',
  'bor-ikke-gor': '#e3eefb',
  'gor-ikke-bor': '#fdeadb',
  hverken: '#eeeef0',
};
const AREA_FILL = { local: '#eef4fc', generic: '#f4f5f7' } as const;
const CARD_THEME = '#1f5fa8';

/** kaedeboard note colours as Miro sticky-note colours. */
export const STICKY_COLOR: Record<NoteColor, NonNullable<NonNullable<StickyNoteProps['style']>['fillColor']>> = {
  yellow: 'light_yellow',
  green: 'light_green',
  blue: 'light_blue',
  pink: 'light_pink',
  orange: 'orange',
  grey: 'gray',
};

/** A criterion tag written in front of a note's text ("3 · …") and read back from it. */
export const CRITERION_SEPARATOR = ' · ';

/** A note to place in the matrix (e.g. brought over from a kaedeboard board). */
export interface MatrixNoteInput {
  field: MatrixField;
  text: string;
  /** 1..7, or 0/undefined for none. */
  criterion?: number;
  color?: NoteColor;
}

export interface PlaceOptions {
  locale: Locale;
  /** Sticky notes for the matrix, placed in their fields in the given order. */
  notes?: readonly MatrixNoteInput[];
  /** The competence deck (default: the generic profile of Kontaktperson+). */
  deck?: readonly DeckCard[];
}

/** How a planned item relates to the others: backgrounds (fields, areas) hold content items. */
export type Role = 'frame' | 'background' | 'content';

interface PlannedBase {
  /** Stable within a plan (for tests and logs). */
  key: string;
  /** What the item is, in the plan's language (for progress and error messages). */
  label: string;
  role: Role;
  /** The item's bounds in widget-local units (before scaling). */
  rect: Rect;
}

export type PlannedItem =
  | (PlannedBase & { type: 'frame'; props: FrameProps })
  | (PlannedBase & { type: 'shape'; props: ShapeProps })
  | (PlannedBase & { type: 'text'; props: TextProps })
  | (PlannedBase & { type: 'sticky_note'; props: StickyNoteProps })
  | (PlannedBase & { type: 'card'; props: CardProps });

export interface Plan {
  widget: MiroWidget;
  locale: Locale;
  title: string;
  scale: number;
  /** Board coordinates of the frame's top-left corner. */
  origin: { x: number; y: number };
  /** The frame first, then its children in creation order. */
  items: PlannedItem[];
}

/** Maps widget-local rects to Miro's centre-based board coordinates. */
class Projector {
  constructor(
    readonly origin: { x: number; y: number },
    readonly scale: number,
  ) {}
  centre(r: Rect): { x: number; y: number } {
    return { x: round(this.origin.x + (r.x + r.w / 2) * this.scale), y: round(this.origin.y + (r.y + r.h / 2) * this.scale) };
  }
  len(v: number): number {
    return round(v * this.scale);
  }
}

const round = (v: number): number => Math.round(v * 100) / 100;

const short = (text: string): string => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/** The plan for `widget` with its frame centred on `at` (board coordinates, e.g. a drop point). */
export function planWidget(widget: MiroWidget, at: { x: number; y: number }, options: PlaceOptions): Plan {
  const size = naturalSize(widget);
  const scale = MIRO_SCALE;
  const origin = { x: round(at.x - (size.w * scale) / 2), y: round(at.y - (size.h * scale) / 2) };
  const p = new Projector(origin, scale);
  const { locale } = options;
  const title = widgetName(widget, locale);
  const frame: PlannedItem = {
    key: 'frame',
    type: 'frame',
    role: 'frame',
    label: m('item.frame', { title }, locale),
    rect: { x: 0, y: 0, w: size.w, h: size.h },
    props: { title, x: round(at.x), y: round(at.y), width: p.len(size.w), height: p.len(size.h), style: { fillColor: FRAME_FILL } },
  };
  const children =
    widget === 'seven-themes' ? planPuzzle(p, locale) : widget === 'bor-gor-matrix' ? planMatrix(p, locale, options.notes ?? []) : planProfile(p, locale, options.deck ?? DEFAULT_DECK);
  return { widget, locale, title, scale, origin, items: [frame, ...children] };
}

function text(p: Projector, key: string, rect: Rect, html: string, plain: string, locale: Locale, style: { fontSize: number; textAlign?: 'left' | 'center' | 'right' }, rotation = 0): PlannedItem {
  const c = p.centre(rect);
  // A rotated text is laid out along its own axis: its width is the rect's height.
  const width = rotation === 0 ? p.len(rect.w) : p.len(rect.h);
  return {
    key,
    type: 'text',
    role: 'content',
    label: m('item.text', { text: short(plain) }, locale),
    rect,
    props: { content: html, x: c.x, y: c.y, width, rotation, style: { color: INK, fontSize: style.fontSize, textAlign: style.textAlign ?? 'left' } },
  };
}

function shape(p: Projector, key: string, role: Role, rect: Rect, html: string, plain: string, locale: Locale, style: NonNullable<ShapeProps['style']>, kind: 'rectangle' | 'round_rectangle'): PlannedItem {
  const c = p.centre(rect);
  return {
    key,
    type: 'shape',
    role,
    label: m('item.shape', { text: short(plain) }, locale),
    rect,
    props: { shape: kind, content: html, x: c.x, y: c.y, width: p.len(rect.w), height: p.len(rect.h), style: { color: INK, ...style } },
  };
}

// ---- the seven themes ------------------------------------------------------------------

/** The content of a piece: "n. name" (read back by {@link pieceCriterion}). */
export function pieceText(criterion: number, locale: Locale): string {
  const c = CRITERIA.find((x) => x.number === criterion);
  return c === undefined ? String(criterion) : `${c.number}. ${c.name[locale]}`;
}

function planPuzzle(p: Projector, locale: Locale): PlannedItem[] {
  const layout = sevenThemesLayout();
  const items: PlannedItem[] = [];
  for (const piece of layout.pieces) {
    const c = CRITERIA.find((x) => x.number === piece.criterion);
    if (c === undefined) continue;
    const plain = pieceText(c.number, locale);
    items.push(
      shape(p, `piece-${c.number}`, 'content', inset(piece.cell, 6), `<p><strong>${escapeHtml(plain)}</strong></p>`, plain, locale, {
        fillColor: c.color,
        fontSize: 36,
        textAlign: 'center',
        textAlignVertical: 'middle',
        borderColor: INK,
        borderWidth: 2,
      }, 'round_rectangle'),
    );
  }
  const legend = m('board.legend', {}, locale);
  items.push(text(p, 'legend-title', layout.legend.title, `<p><strong>${escapeHtml(legend)}</strong></p>`, legend, locale, { fontSize: 28 }));
  const hint = m('board.legendHint', {}, locale);
  items.push(text(p, 'legend-hint', layout.legend.hint, `<p>${escapeHtml(hint)}</p>`, hint, locale, { fontSize: 24 }));
  return items;
}

// ---- the Bør/Gør matrix ----------------------------------------------------------------

/** A note's content: its text, behind "n · " when it concerns criterion n. */
export function noteContent(text: string, criterion: number | undefined): string {
  const body = escapeHtml(text);
  return criterion !== undefined && criterion >= 1 && criterion <= 7 ? `<p>${criterion}${CRITERION_SEPARATOR}${body}</p>` : `<p>${body}</p>`;
}

function planMatrix(p: Projector, locale: Locale, notes: readonly MatrixNoteInput[]): PlannedItem[] {
  const layout = borGorLayout();
  const items: PlannedItem[] = [];
  const axis = (key: string, rect: Rect, message: Parameters<typeof m>[0], rotation = 0): void => {
    const plain = m(message, {}, locale);
    items.push(text(p, key, rect, `<p><strong>${escapeHtml(plain)}</strong></p>`, plain, locale, { fontSize: 28, textAlign: 'center' }, rotation));
  };
  axis('axis-does', layout.columns.does, 'board.axis.does');
  axis('axis-does-not', layout.columns.doesNot, 'board.axis.doesNot');
  axis('axis-should', layout.rows.should, 'board.axis.should', 270);
  axis('axis-should-not', layout.rows.shouldNot, 'board.axis.shouldNot', 270);
  for (const field of FIELD_ORDER) {
    const info = MATRIX_FIELDS.find((f) => f.field === field);
    if (info === undefined) continue;
    const title = info.title[locale];
    const question = info.question[locale];
    items.push(
      shape(p, `field-${field}`, 'background', layout.fields[field].frame, `<p><strong>${escapeHtml(title)}</strong></p><p>${escapeHtml(question)}</p>`, title, locale, {
        fillColor: FIELD_FILL[field],
        fontSize: 24,
        textAlign: 'left',
        textAlignVertical: 'top',
        borderColor: '#6b7280',
        borderWidth: 2,
      }, 'rectangle'),
    );
  }
  for (const field of FIELD_ORDER) {
    const inField = notes.filter((n) => n.field === field);
    const slots = noteSlots(field, inField.length);
    inField.forEach((note, i) => {
      const slot = slots[i];
      if (slot === undefined) return;
      const c = p.centre(slot);
      items.push({
        key: `note-${field}-${i}`,
        type: 'sticky_note',
        role: 'content',
        label: m('item.sticky_note', { text: short(note.text) }, locale),
        rect: slot,
        // A rectangular sticky note is 350 × 228 dp at its default size: its height at the
        // slot's width stays inside the slot (slots are 0.68 as high as wide).
        props: { content: noteContent(note.text, note.criterion), shape: 'rectangle', x: c.x, y: c.y, width: p.len(slot.w), style: { fillColor: STICKY_COLOR[note.color ?? 'yellow'] } },
      });
    });
  }
  return items;
}

// ---- the competence profile --------------------------------------------------------------

function planProfile(p: Projector, locale: Locale, deck: readonly DeckCard[]): PlannedItem[] {
  const items: PlannedItem[] = [];
  for (const area of AREAS) {
    const label = m(area === 'local' ? 'board.localArea' : 'board.genericArea', {}, locale);
    items.push(
      shape(p, `area-${area}`, 'background', areaRect(area), `<p><strong>${escapeHtml(label)}</strong></p>`, label, locale, {
        fillColor: AREA_FILL[area],
        fontSize: 32,
        textAlign: 'left',
        textAlignVertical: 'top',
        borderColor: '#6b7280',
        borderWidth: 2,
      }, 'rectangle'),
    );
    for (const column of COLUMNS) {
      const heading = COLUMN_TITLES[column][locale];
      items.push(text(p, `heading-${area}-${column}`, columnHeadingRect(area, column), `<p><strong>${escapeHtml(heading)}</strong></p>`, heading, locale, { fontSize: 28 }));
    }
  }
  for (const column of COLUMNS) {
    const cards = deck.filter((c) => c.column === column);
    const slots = cardSlots('generic', column, cards.length);
    cards.forEach((card, i) => {
      const slot = slots[i];
      if (slot === undefined) return;
      const c = p.centre(slot);
      const title = card.text[locale];
      items.push({
        key: `card-${card.key}`,
        type: 'card',
        role: 'content',
        label: m('item.card', { text: short(title) }, locale),
        rect: slot,
        props: { title: escapeHtml(title), x: c.x, y: c.y, width: p.len(slot.w), style: { cardTheme: CARD_THEME } },
      });
    });
  }
  return items;
}
