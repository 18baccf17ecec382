/**
 * What the system asks of a widget kind. Each kind answers in one module (`src/kinds/<type>/`),
 * and the registry (`src/kinds/index.ts`) is the only list of kinds: the canvas, the workshop
 * template, the SVG renderer, the exports and the Miro app all read from it. Runs everywhere
 * (no DOM, no Node): the element that draws a kind lives in `widgets/<type>/` and is named here
 * only by its tag.
 *
 * A kind comes in two halves. What a participant's page needs to place and show a widget (size,
 * seeding, layout, reading) is the kind itself (`index.ts` in the kind's folder, listed in
 * src/kinds/index.ts); what only the exports, the plenum and the Miro app need (SVG rendering,
 * export rows, the Miro mapping) is its facets (`facets.ts`, listed in src/kinds/full.ts), which
 * the participant's page never imports, so its bundle stays small. Both lists are mapped types
 * over WidgetType: the compiler names the one a new kind is missing from.
 */
import type { Locale } from '../i18n/index.js';
import type { Board, Origin, WidgetType } from '../model/index.js';
import type { Part } from '../workshop/parts.js';
import type { MiroMapping } from './miro.js';

/** A size in board units. */
export interface Size {
  readonly w: number;
  readonly h: number;
}

/** What seeding a new widget may depend on. */
export interface SeedContext {
  /** The language of the participant (or facilitator) placing the widget. */
  locale: Locale;
}

export interface WidgetKind<T extends WidgetType = WidgetType, D = unknown> {
  readonly type: T;
  /** The workshop part whose frame holds this kind on a new group board. */
  readonly part: Part;
  /** The custom element (in widgets/<type>/) that shows it on the canvas. */
  readonly tag: string;
  /** Natural size: its layout's size in layout units, and its size on the board when placed. */
  readonly size: Size;
  /**
   * Fills a newly placed widget's content (the deck, the wall's columns). Called inside the
   * placing transaction; leaves a widget that already has content as it is.
   */
  seed(board: Board, widgetId: string, ctx: SeedContext, origin: Origin): void;
  /** Its layout in layout units (for its default content); every drawing of it places by this. */
  layout(): { readonly size: Size };
  /** The widget's content as every reader outside the element sees it (exports, plenum). */
  read(board: Board, widgetId: string): D;
}

/** What only the exports, the plenum and the Miro app ask of a kind (see the header). */
export interface KindFacets<D = unknown> {
  /** Its content as SVG markup in layout units (0,0 to size), for the standalone board SVG. */
  renderSvg(board: Board, widgetId: string, locale: Locale): string;
  /**
   * Its Miro mapping and read-back geometry (src/kinds/miro.ts), absent when the Miro app does not
   * offer the kind. A kind whose facets have one declares them `KindFacets<…> & WithMiro<…>`, so
   * the app knows by type which kinds it places.
   */
  readonly miro?: MiroMapping;
  /** Its content in the text exports (CSV rows, Markdown) and the summary's counts, from {@link read}'s data. */
  readonly export: KindExport<D>;
  /**
   * Its section of the plenum's synthesis (what every group made of it, gathered), and the lists
   * of that section a vote can be held over. A kind's facets declare their own section type
   * (`KindSynthesis<D, Section>`), which src/workshop/synthesis.ts carries through by kind.
   */
  readonly synthesis: KindSynthesis<D, unknown>;
}

/** A group as the synthesis names it. */
export interface SynthesisGroupRef {
  number: number;
  name: string;
}

/** One group's widgets of a kind, read by the kind (`read`), in board order; empty when its board has none. */
export interface SynthesisInput<D> {
  group: SynthesisGroupRef;
  widgets: readonly D[];
}

/** One entry of a votable list: its text, where it comes from, and the groups that made it. */
export interface SynthesisListItem {
  label: string;
  /** Where it lies (field and criterion, column, question); '' for nothing to add. */
  detail: string;
  /** The numbers of the groups whose boards hold it, ascending. */
  groups: number[];
}

/** A list of a synthesis section that a vote can be held over. */
export interface SynthesisListDef<S> {
  /** Unique within the kind: the list's id is `<kind type>:<key>`. */
  key: string;
  title(locale: Locale): string;
  items(section: S, locale: Locale): SynthesisListItem[];
}

/**
 * How a kind takes part in the plenum's synthesis: `gather` makes the kind's section from every
 * group's widgets (groups in the order given, those without the kind included with no widgets),
 * and `lists` are the section's lists a facilitator may start a vote over. Pure functions.
 */
export interface KindSynthesis<D, S> {
  gather(groups: readonly SynthesisInput<D>[], locale: Locale): S;
  readonly lists: readonly SynthesisListDef<S>[];
}

/** A kind with its facets. */
export type FullKind<D = unknown> = WidgetKind<WidgetType, D> & KindFacets<D>;

/** One content record of a widget as a CSV row; the export adds the group and widget columns. */
export interface KindCsvRow {
  /** The record's kind ('theme-note', 'wall-post', …). */
  kind: string;
  /** Where in the widget it lies (criterion, field, column). */
  place: string;
  text: string;
  author: string;
  extra: string;
}

/** What the workshop summary counts (besides the canvas notes); each kind fills in its own. */
export type ContentCountKey = 'themeNotes' | 'assessed' | 'matrixNotes' | 'localCards' | 'ownCards' | 'posts' | 'likes';

/**
 * How a kind's content appears in the text exports. Pure functions of the kind's read data:
 * the server's CSV and Markdown writers go over a board's widgets and ask each one's kind.
 */
export interface KindExport<D> {
  /** One row per content record, in display order; plain text (the CSV writer quotes and neutralises). */
  csvRows(data: D, locale: Locale): KindCsvRow[];
  /** Markdown lines below the `### <widget>` heading the export writes; user text escaped. */
  markdown(data: D, locale: Locale): string[];
  /** Its content counted for the summary. */
  counts(data: D): Partial<Record<ContentCountKey, number>>;
}
