/**
 * The competence profile in the text exports: every card by area and column in CSV (the group's
 * own cards marked); in Markdown the local profile by column, then the group's own cards.
 */
import { COLUMN_TITLES, COMPETENCE_COLUMNS } from '../../content/competences.js';
import { msg } from '../../render/export-messages.js';
import { markdownItem, markdownList } from '../../render/export-text.js';
import { msg as renderMsg } from '../../render/messages.js';
import type { KindExport } from '../kind.js';
import { cardText, isOwnCard, type ProfileData } from './records.js';

const AREAS = ['local', 'generic'] as const;

export const competenceProfileExport: KindExport<ProfileData> = {
  csvRows(data, locale) {
    return AREAS.flatMap((area) => {
      const areaName = renderMsg(area === 'local' ? 'localArea' : 'genericArea', {}, locale);
      return COMPETENCE_COLUMNS.flatMap((column) =>
        data[area][column].map((card) => ({
          kind: 'competence-card',
          place: `${areaName} / ${COLUMN_TITLES[column][locale]}`,
          text: cardText(card, locale),
          author: '',
          extra: isOwnCard(card) ? msg('ownCardMark', {}, locale) : card.props.deckKey,
        })),
      );
    });
  },

  markdown(data, locale) {
    const noCards = msg('noCards', {}, locale);
    const out: string[] = [`#### ${renderMsg('localArea', {}, locale)}`, ''];
    for (const column of COMPETENCE_COLUMNS) {
      out.push(`**${COLUMN_TITLES[column][locale]}**`, '');
      const cards = data.local[column].map((card) => markdownItem(cardText(card, locale)) + (isOwnCard(card) ? ` _(${msg('ownCardMark', {}, locale)})_` : ''));
      out.push(...markdownList(cards, noCards));
    }
    const own = COMPETENCE_COLUMNS.flatMap((column) =>
      [...data.local[column], ...data.generic[column]].filter(isOwnCard).map((card) => `${markdownItem(cardText(card, locale))} _(${COLUMN_TITLES[column][locale]})_`),
    );
    out.push(`#### ${msg('ownCards', {}, locale)}`, '', ...markdownList(own, noCards));
    return out;
  },

  counts(data) {
    const cards = AREAS.flatMap((area) => COMPETENCE_COLUMNS.flatMap((column) => data[area][column]));
    return {
      localCards: cards.filter((card) => card.props.area === 'local').length,
      ownCards: cards.filter(isOwnCard).length,
    };
  },
};
