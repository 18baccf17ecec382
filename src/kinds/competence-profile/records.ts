/**
 * Writing a deck into a competence profile widget: the first deck when the widget is placed
 * ({@link seedDeck}) and a facilitator's replacement deck ({@link replaceDeck}). Each is one
 * transaction (one update, one undo step). Plus small readers the element shares.
 */
import type { Board, Item, Origin } from '../../model/index.js';
import type { Area, Column } from '../../model/competence-card.js';
import { DEFAULT_DECK } from '../../content/competences.js';
import type { DeckCard } from '../../content/competences.js';
import type { Locale } from '../../i18n/index.js';
import { byOrder } from '../../model/order.js';

export type CompetenceCard = Item<'competence-card'>;

/** The widget's competence cards (every area and column), in id order. */
export function cardsOf(board: Board, widgetId: string): CompetenceCard[] {
  return board.owned(widgetId, 'competence-card');
}

/** The cards of one area and column, in display order. */
export function cardsIn(cards: readonly CompetenceCard[], area: Area, column: Column): CompetenceCard[] {
  return cards.filter((c) => c.props.area === area && c.props.column === column).sort(byOrder);
}

/** The cards of every area and column, in display order. */
export type ProfileData = Record<Area, Record<Column, CompetenceCard[]>>;

/** The profile as every reader outside the element sees it. */
export function readProfile(board: Board, widgetId: string): ProfileData {
  const cards = cardsOf(board, widgetId);
  const area = (a: Area): Record<Column, CompetenceCard[]> => ({
    viden: cardsIn(cards, a, 'viden'),
    kompetencer: cardsIn(cards, a, 'kompetencer'),
    faerdigheder: cardsIn(cards, a, 'faerdigheder'),
  });
  return { local: area('local'), generic: area('generic') };
}

/** A card's text in `locale` (English falls back to the Danish text). */
export function cardText(card: CompetenceCard, locale: Locale): string {
  return locale === 'en' && card.props.textEn !== '' ? card.props.textEn : card.props.text;
}

/** True for a card the group wrote (not from the deck). */
export function isOwnCard(card: CompetenceCard): boolean {
  return card.props.deckKey === '';
}

/** An order after every card of the list (1 for an empty list). */
export function orderAfter(cards: readonly CompetenceCard[]): number {
  return cards.reduce((max, c) => Math.max(max, c.props.order), 0) + 1;
}

function createDeckCards(board: Board, widgetId: string, deck: readonly DeckCard[], origin: Origin): string[] {
  return deck.map((card, i) =>
    board.create(
      'competence-card',
      {
        props: {
          widget: widgetId,
          area: 'generic',
          column: card.column,
          text: card.text.da,
          textEn: card.text.en === card.text.da ? '' : card.text.en,
          deckKey: card.key,
          order: i + 1,
        },
      },
      origin,
    ),
  );
}

/**
 * Creates one generic card per deck card, in one transaction, ordered by deck position.
 * A widget that already has competence cards is left as it is (placing twice never doubles
 * the deck). Returns the new card ids, in deck order.
 */
export function seedDeck(board: Board, widgetId: string, deck: readonly DeckCard[] = DEFAULT_DECK, origin: Origin): string[] {
  if (cardsOf(board, widgetId).length > 0) return [];
  return board.transact(() => createDeckCards(board, widgetId, deck, origin), origin);
}

/**
 * Replaces the deck, in one transaction: the cards that came from a deck and still lie in the
 * generic profile are deleted and the new deck's cards take their place. Cards already in the
 * local profile and the group's own cards are kept; a new deck card identical to a kept deck
 * card (same key and text) is not added again. Returns the new card ids.
 */
export function replaceDeck(board: Board, widgetId: string, deck: readonly DeckCard[], origin: Origin): string[] {
  return board.transact(() => {
    const cards = cardsOf(board, widgetId);
    const stale = cards.filter((c) => c.props.area === 'generic' && c.props.deckKey !== '');
    const kept = cards.filter((c) => !stale.includes(c));
    const present = new Set(kept.filter((c) => c.props.deckKey !== '').map((c) => `${c.props.deckKey}\n${c.props.text}`));
    if (stale.length > 0) board.delete(stale.map((c) => c.id), origin);
    const fresh = deck.filter((card) => !present.has(`${card.key}\n${card.text.da}`));
    return createDeckCards(board, widgetId, fresh, origin);
  }, origin);
}
