/**
 * The competence profile in the plenum's synthesis: every card of the generic profile (the deck
 * cards any group's board holds, known by their deck key) with the groups that put it into
 * their local profile, ranked per column (most groups first; ties keep the deck's order); the
 * cards groups wrote themselves (identical texts once, with their groups); and each group's
 * local profile, to show beside the ranking.
 */
import { COLUMN_TITLES, COMPETENCE_COLUMNS } from '../../content/competences.js';
import type { Column } from '../../model/competence-card.js';
import { msg as renderMsg } from '../../render/messages.js';
import { sm } from '../../workshop/synthesis-messages.js';
import { sameTextKey } from '../bor-gor-matrix/synthesis.js';
import type { KindSynthesis } from '../kind.js';
import { cardText, isOwnCard, type ProfileData } from './records.js';

export interface RankedCard {
  /** The deck key it is known by. */
  key: string;
  text: string;
  column: Column;
  /** The groups that chose it for their local profile, ascending. */
  groups: number[];
}

export interface OwnCard {
  text: string;
  column: Column;
  groups: number[];
  /** It lies in a local profile (of at least one of its groups). */
  local: boolean;
}

export interface LocalCard {
  text: string;
  own: boolean;
  /** Deck key ('' for an own card). */
  key: string;
}

export interface GroupProfile {
  group: number;
  local: Record<Column, LocalCard[]>;
}

export interface CardRanking {
  /** The groups with a competence profile, in order. */
  groups: number[];
  /** Per column, the ranked deck cards. */
  columns: Record<Column, RankedCard[]>;
  own: OwnCard[];
  profiles: GroupProfile[];
}

export const competenceProfileSynthesis: KindSynthesis<ProfileData, CardRanking> = {
  gather(groups, locale) {
    const deck = new Map<string, RankedCard & { first: number }>();
    const own = new Map<string, OwnCard>();
    const profiles: GroupProfile[] = [];
    let seen = 0;
    for (const { group, widgets } of groups) {
      if (widgets.length === 0) continue;
      const local = Object.fromEntries(COMPETENCE_COLUMNS.map((c) => [c, [] as LocalCard[]])) as Record<Column, LocalCard[]>;
      for (const data of widgets) {
        for (const column of COMPETENCE_COLUMNS) {
          for (const area of ['local', 'generic'] as const) {
            for (const card of data[area][column]) {
              const text = cardText(card, locale);
              if (isOwnCard(card)) {
                const key = `${column}\n${sameTextKey(text)}`;
                const entry = own.get(key) ?? own.set(key, { text: text.trim(), column, groups: [], local: false }).get(key)!;
                if (!entry.groups.includes(group.number)) entry.groups.push(group.number);
                if (area === 'local') entry.local = true;
              } else {
                const entry = deck.get(card.props.deckKey) ?? deck.set(card.props.deckKey, { key: card.props.deckKey, text, column, groups: [], first: seen++ }).get(card.props.deckKey)!;
                if (area === 'local' && !entry.groups.includes(group.number)) entry.groups.push(group.number);
              }
              if (area === 'local') local[column].push({ text, own: isOwnCard(card), key: card.props.deckKey });
            }
          }
        }
      }
      profiles.push({ group: group.number, local });
    }
    const ranked = [...deck.values()].sort((a, b) => b.groups.length - a.groups.length || a.first - b.first);
    const columns = Object.fromEntries(
      COMPETENCE_COLUMNS.map((c) => [c, ranked.filter((r) => r.column === c).map(({ first: _first, ...card }) => ({ ...card, groups: [...card.groups].sort((a, b) => a - b) }))]),
    ) as Record<Column, RankedCard[]>;
    return {
      groups: profiles.map((p) => p.group),
      columns,
      own: [...own.values()].map((o) => ({ ...o, groups: [...o.groups].sort((a, b) => a - b) })),
      profiles,
    };
  },
  lists: [
    {
      key: 'cards',
      title: (locale) => sm('list.cards', {}, locale),
      items: (section, locale) => [
        ...COMPETENCE_COLUMNS.flatMap((c) => section.columns[c].map((card) => ({ label: card.text, detail: COLUMN_TITLES[c][locale], groups: card.groups }))),
        ...section.own.map((card) => ({ label: card.text, detail: `${COLUMN_TITLES[card.column][locale]} · ${renderMsg('ownCard', {}, locale)}`, groups: card.groups })),
      ],
    },
  ],
};
