/**
 * The plenum's synthesis: what every group made, gathered into one picture. Each widget kind
 * makes its own section from every group's widgets of it (its `synthesis` facet, in
 * src/kinds/<type>/synthesis.ts, listed on its own in src/kinds/synthesis.ts so that the
 * plenum's page does not carry the other facets); this module reads the boards once, hands each kind its
 * widgets group by group, and keeps what could not be read. The plenum (live boards or a
 * snapshot set), the exports and the server's votes all call {@link synthesize}, so a figure is
 * the same wherever it is shown. Runs everywhere: no DOM, no Node.
 *
 * Every board is read through the Board's validated reads: a record that cannot be read is
 * skipped by the kinds' reads and counted here per group ({@link SynthesisGroup.unreadable}),
 * never thrown.
 */
import type { Locale } from '../i18n/index.js';
import { WIDGET_KINDS } from '../kinds/index.js';
import type { SynthesisInput, SynthesisListItem } from '../kinds/kind.js';
import { SYNTHESES, type Syntheses } from '../kinds/synthesis.js';
import type { Board, Item, Problem, WidgetType } from '../model/index.js';

/** One group's board as the synthesis reads it (null: no board, e.g. not in this snapshot set). */
export interface SynthesisSource {
  number: number;
  name: string;
  board: Board | null;
}

export interface SynthesisGroup {
  number: number;
  name: string;
  /** The group has a board here. */
  present: boolean;
  /** The kinds its board holds. */
  kinds: WidgetType[];
  /** Records of its board that could not be read (skipped). */
  unreadable: number;
}

/** A record of a group's board that could not be read, and why. */
export interface SynthesisProblem extends Problem {
  group: number;
}

/** Each kind's section, typed as its synthesis facet declares it. */
export type SynthesisSections = { readonly [T in WidgetType]: ReturnType<Syntheses[T]['gather']> };

export interface Synthesis {
  groups: SynthesisGroup[];
  sections: SynthesisSections;
  problems: SynthesisProblem[];
}

/** A list of the synthesis that a vote can be held over. */
export interface SynthesisList {
  /** `<kind type>:<key>`, e.g. `bor-gor-matrix:bor-ikke-gor`. */
  id: string;
  title: string;
  items: SynthesisListItem[];
}

/** The kinds in registry order. */
const KIND_ORDER = Object.keys(WIDGET_KINDS) as WidgetType[];

const byPlace = (a: Item, b: Item): number => a.geometry.y - b.geometry.y || a.geometry.x - b.geometry.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

interface ReadGroup {
  source: SynthesisSource;
  widgets: Map<WidgetType, unknown[]>;
  problems: Problem[];
}

function readBoard(source: SynthesisSource): ReadGroup {
  const widgets = new Map<WidgetType, unknown[]>();
  if (source.board === null) return { source, widgets, problems: [] };
  const board = source.board;
  const { items, problems } = board.read();
  const placed = items.filter((i): i is Item<'widget'> => i.kind === 'widget').sort(byPlace);
  for (const w of placed) {
    const kind = WIDGET_KINDS[w.props.widget];
    const list = widgets.get(kind.type) ?? widgets.set(kind.type, []).get(kind.type)!;
    list.push(kind.read(board, w.id));
  }
  return { source, widgets, problems };
}

/** Gathers what the groups made, in the order of `sources`. */
export function synthesize(sources: readonly SynthesisSource[], locale: Locale): Synthesis {
  const read = sources.map(readBoard);
  const sections = {} as Record<WidgetType, unknown>;
  for (const type of KIND_ORDER) {
    const inputs: SynthesisInput<unknown>[] = read.map((g) => ({ group: { number: g.source.number, name: g.source.name }, widgets: g.widgets.get(type) ?? [] }));
    // Each kind gathers the data its own `read` gave (the registries pair them by type).
    sections[type] = (SYNTHESES[type] as { gather(groups: readonly SynthesisInput<unknown>[], locale: Locale): unknown }).gather(inputs, locale);
  }
  return {
    groups: read.map((g) => ({
      number: g.source.number,
      name: g.source.name,
      present: g.source.board !== null,
      kinds: [...g.widgets.keys()],
      unreadable: g.problems.length,
    })),
    sections: sections as unknown as SynthesisSections,
    problems: read.flatMap((g) => g.problems.map((p) => ({ ...p, group: g.source.number }))),
  };
}

/** Every list of the synthesis a vote can be held over, kind by kind in registry order. */
export function synthesisLists(s: Synthesis, locale: Locale): SynthesisList[] {
  return KIND_ORDER.flatMap((type) => {
    const section = s.sections[type];
    const lists = SYNTHESES[type].lists as readonly { key: string; title(locale: Locale): string; items(section: unknown, locale: Locale): SynthesisListItem[] }[];
    return lists.map((l) => ({ id: `${type}:${l.key}`, title: l.title(locale), items: l.items(section, locale) }));
  });
}

/** The list `id` of the synthesis; null when no kind has it. */
export function synthesisList(s: Synthesis, id: string, locale: Locale): SynthesisList | null {
  return synthesisLists(s, locale).find((l) => l.id === id) ?? null;
}

/** The ids and titles of every votable list, without a synthesis (what a facilitator chooses from). */
export function listCatalogue(locale: Locale): { id: string; title: string }[] {
  return KIND_ORDER.flatMap((type) => SYNTHESES[type].lists.map((l: { key: string; title(locale: Locale): string }) => ({ id: `${type}:${l.key}`, title: l.title(locale) })));
}

/** A group's name by number, from the synthesis (its number when unknown). */
export function groupName(s: Pick<Synthesis, 'groups'>, n: number): string {
  return s.groups.find((g) => g.number === n)?.name ?? String(n);
}
