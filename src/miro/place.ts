/**
 * Turns a kaedeboard widget into a plan of native Miro items (pure: no SDK calls).
 *
 * What a widget looks like in Miro is its kind's to say (`src/kinds/<type>/miro.ts`, in the
 * neutral vocabulary of `src/kinds/miro.ts`); this module turns the kind's drawing into SDK props.
 * One widget-local unit becomes {@link MIRO_SCALE} Miro units (dp). The plan is a frame at the
 * drop point, titled with the widget's name, followed by its children at absolute board
 * coordinates inside the frame. Miro positions an item by its centre; the executor creates
 * each child there and then adds it to the frame (`frame.add`, which keeps the position).
 */
import { t } from '../i18n/index.js';
import type { Locale } from '../i18n/index.js';
import { naturalSize } from '../kinds/index.js';
import { FULL_KINDS, type FullKinds as Kinds } from '../kinds/full.js';
import type { MiroCanvas, MiroMapping, MiroShapeStyle, MiroText, MiroTextStyle } from '../kinds/miro.js';
import type { Rect } from '../layout/rect.js';
import type { NoteColor, WidgetType } from '../model/index.js';
import { escapeHtml } from './html.js';
import { m } from './messages.js';
import type { CardProps, FrameProps, ShapeProps, StickyNoteProps, TextProps } from './sdk.js';

export type { MatrixNoteInput } from '../kinds/bor-gor-matrix/miro.js';

/** The widget types whose kind has a Miro mapping (`WithMiro` in its declared type). */
export type MiroWidget = { [T in WidgetType]: Kinds[T] extends { readonly miro: MiroMapping } ? T : never }[WidgetType];

/** The records a frame of `T` reads back as (for a union, the union of each one's). */
export type MiroRecordsOf<T extends MiroWidget> = T extends MiroWidget ? (Kinds[T]['miro'] extends MiroMapping<infer R, infer _O> ? R : never) : never;
type PlanOptionsOf<T extends MiroWidget> = T extends MiroWidget ? (Kinds[T]['miro'] extends MiroMapping<infer _R, infer O> ? O : never) : never;
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

const hasMiro = (type: WidgetType): type is MiroWidget => FULL_KINDS[type].miro !== undefined;

/** The widgets the Miro app can place: the kinds that have a Miro mapping, in registry order. */
export const MIRO_WIDGETS: readonly MiroWidget[] = (Object.keys(FULL_KINDS) as WidgetType[]).filter(hasMiro);

export function isMiroWidget(v: unknown): v is MiroWidget {
  return typeof v === 'string' && (MIRO_WIDGETS as readonly string[]).includes(v);
}

/** The Miro mapping of a kind that has one. */
export function miroMapping(widget: MiroWidget): MiroMapping {
  const mapping = FULL_KINDS[widget].miro;
  if (mapping === undefined) throw new Error(`no Miro mapping for ${widget}`);
  return mapping;
}

/** Miro units (dp) per widget-local unit. */
export const MIRO_SCALE = 2;

/** The widget's display name (the frame's title). */
export function widgetName(widget: MiroWidget, locale: Locale): string {
  return t(`widget.${widget}`, {}, locale);
}

/** Text colour on every fill we use (AA on the light fills and criterion colours). */
const INK = '#1c1f23';
/** The outline of backgrounds (fields, areas). */
const MUTED = '#6b7280';
const FRAME_FILL = '#ffffff';
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

/** What a plan may be given: the locale, and whatever each kind's plan takes (the matrix's notes, the profile's deck). */
export type PlaceOptions = Intersection<PlanOptionsOf<MiroWidget>>;

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
  /** The kaedeboard record it shows (placed from a board). */
  record?: string;
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

const round = (v: number): number => Math.round(v * 100) / 100;

const short = (text: string): string => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/** A kind's text as Miro content (escaped HTML paragraphs). */
function html(text: MiroText): string {
  return text.paragraphs.map((p) => (p.strong === true ? `<p><strong>${escapeHtml(p.text)}</strong></p>` : `<p>${escapeHtml(p.text)}</p>`)).join('');
}

const nameOf = (text: MiroText): string => text.name ?? text.paragraphs[0]?.text ?? '';

/**
 * The canvas a kind plans on: each call becomes a planned item with SDK props, at the rect's
 * centre on the board (Miro positions by centre), lengths and font sizes scaled.
 */
class PlanCanvas implements MiroCanvas {
  readonly items: PlannedItem[] = [];

  constructor(
    readonly origin: { x: number; y: number },
    readonly scale: number,
    readonly locale: Locale,
  ) {}

  centre(r: Rect): { x: number; y: number } {
    return { x: round(this.origin.x + (r.x + r.w / 2) * this.scale), y: round(this.origin.y + (r.y + r.h / 2) * this.scale) };
  }

  len(v: number): number {
    return round(v * this.scale);
  }

  shape(key: string, role: 'background' | 'content', rect: Rect, text: MiroText, style: MiroShapeStyle): void {
    const c = this.centre(rect);
    this.items.push({
      key,
      type: 'shape',
      role,
      label: m('item.shape', { text: short(nameOf(text)) }, this.locale),
      rect,
      props: {
        shape: style.corners === 'round' ? 'round_rectangle' : 'rectangle',
        content: html(text),
        x: c.x,
        y: c.y,
        width: this.len(rect.w),
        height: this.len(rect.h),
        style: {
          color: INK,
          fillColor: style.fill,
          fontSize: this.len(style.fontSize),
          textAlign: style.align,
          textAlignVertical: style.valign,
          borderColor: style.outline === 'strong' ? INK : MUTED,
          borderWidth: 2,
        },
      },
    });
  }

  text(key: string, rect: Rect, text: MiroText, style: MiroTextStyle): void {
    const c = this.centre(rect);
    const rotation = style.rotation ?? 0;
    // A rotated text is laid out along its own axis: its width is the rect's height.
    const width = rotation === 0 ? this.len(rect.w) : this.len(rect.h);
    this.items.push({
      key,
      type: 'text',
      role: 'content',
      label: m('item.text', { text: short(nameOf(text)) }, this.locale),
      rect,
      props: { content: html(text), x: c.x, y: c.y, width, rotation, style: { color: INK, fontSize: this.len(style.fontSize), textAlign: style.align ?? 'left' } },
    });
  }

  sticky(key: string, rect: Rect, text: MiroText, color: NoteColor, record?: string): void {
    const c = this.centre(rect);
    this.items.push({
      key,
      ...(record === undefined ? {} : { record }),
      type: 'sticky_note',
      role: 'content',
      label: m('item.sticky_note', { text: short(nameOf(text)) }, this.locale),
      rect,
      // A rectangular sticky note is 350 × 228 dp at its default size: its height at the
      // slot's width stays inside the slot (slots are 0.68 as high as wide).
      props: { content: html(text), shape: 'rectangle', x: c.x, y: c.y, width: this.len(rect.w), style: { fillColor: STICKY_COLOR[color] } },
    });
  }

  card(key: string, rect: Rect, title: string, record?: string): void {
    const c = this.centre(rect);
    this.items.push({
      key,
      ...(record === undefined ? {} : { record }),
      type: 'card',
      role: 'content',
      label: m('item.card', { text: short(title) }, this.locale),
      rect,
      props: { title: escapeHtml(title), x: c.x, y: c.y, width: this.len(rect.w), style: { cardTheme: CARD_THEME } },
    });
  }
}

/** The size of a widget's frame on the board (Miro units). */
export function frameSize(widget: MiroWidget): { width: number; height: number } {
  const size = naturalSize(widget);
  return { width: round(size.w * MIRO_SCALE), height: round(size.h * MIRO_SCALE) };
}

/**
 * The plan for `widget` with its frame centred on `at` (board coordinates, e.g. a drop point).
 * `title`: the frame's title (default: the widget's name).
 */
export function planWidget(widget: MiroWidget, at: { x: number; y: number }, options: PlaceOptions, title = widgetName(widget, options.locale)): Plan {
  const size = naturalSize(widget);
  const scale = MIRO_SCALE;
  const origin = { x: round(at.x - (size.w * scale) / 2), y: round(at.y - (size.h * scale) / 2) };
  const { locale } = options;
  const canvas = new PlanCanvas(origin, scale, locale);
  const frame: PlannedItem = {
    key: 'frame',
    type: 'frame',
    role: 'frame',
    label: m('item.frame', { title }, locale),
    rect: { x: 0, y: 0, w: size.w, h: size.h },
    props: { title, x: round(at.x), y: round(at.y), width: canvas.len(size.w), height: canvas.len(size.h), style: { fillColor: FRAME_FILL } },
  };
  miroMapping(widget).plan(canvas, options);
  return { widget, locale, title, scale, origin, items: [frame, ...canvas.items] };
}
