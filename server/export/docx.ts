/**
 * A group's competence profile as a Word document, as the original tool sent profiles home:
 * title, workshop and group, the local profile by column (the group's own cards marked), the
 * group's own cards, and the generic cards not chosen.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { COLUMN_TITLES, COMPETENCE_COLUMNS } from '../../src/content/competences.js';
import type { Locale } from '../../src/i18n/index.js';
import { competenceProfile } from '../../src/kinds/competence-profile/index.js';
import { cardText, isOwnCard } from '../../src/kinds/competence-profile/records.js';
import type { CompetenceCard, ProfileData } from '../../src/kinds/competence-profile/records.js';
import { stripInvalidXmlChars } from '../../src/render/escape.js';
import { msg } from '../../src/render/export-messages.js';
import { ordinal } from '../../src/render/export-text.js';
import { msg as renderMsg } from '../../src/render/messages.js';
import { closeBoard, readGroup, widgetsOfKind } from './input.js';
import type { WorkshopInput } from './input.js';
import { findGroup } from './image.js';
import { formatDate } from './format.js';

/** Text Word accepts (XML 1.0 characters only). */
const clean = (s: string): string => stripInvalidXmlChars(s);

function cardParagraph(card: CompetenceCard, locale: Locale, note?: string): Paragraph {
  const own = isOwnCard(card);
  const children = [new TextRun({ text: clean(cardText(card, locale)), bold: own })];
  if (own || note) children.push(new TextRun({ text: ` (${note ?? msg('ownCardMark', {}, locale)})`, italics: true, color: '1F5FA8' }));
  return new Paragraph({ children, bullet: { level: 0 } });
}

const none = (text: string): Paragraph => new Paragraph({ children: [new TextRun({ text, italics: true, color: '4B5563' })] });

function profileSection(data: ProfileData, locale: Locale, title: string): Paragraph[] {
  const m = (key: Parameters<typeof msg>[0]) => msg(key, {}, locale);
  const out: Paragraph[] = [];
  if (title) out.push(new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }));
  out.push(new Paragraph({ text: renderMsg('localArea', {}, locale), heading: HeadingLevel.HEADING_1 }));
  for (const column of COMPETENCE_COLUMNS) {
    out.push(new Paragraph({ text: COLUMN_TITLES[column][locale], heading: HeadingLevel.HEADING_2 }));
    const cards = data.local[column];
    out.push(...(cards.length === 0 ? [none(m('noCards'))] : cards.map((c) => cardParagraph(c, locale))));
  }
  out.push(new Paragraph({ text: m('ownCards'), heading: HeadingLevel.HEADING_1 }));
  const own = COMPETENCE_COLUMNS.flatMap((column) => [...data.local[column], ...data.generic[column]].filter(isOwnCard).map((card) => ({ card, column })));
  out.push(
    ...(own.length === 0
      ? [none(m('noCards'))]
      : own.map(({ card, column }) => {
          const where = `${COLUMN_TITLES[column][locale]}, ${renderMsg(card.props.area === 'local' ? 'localArea' : 'genericArea', {}, locale).toLowerCase()}`;
          return new Paragraph({ children: [new TextRun({ text: clean(cardText(card, locale)), bold: true }), new TextRun({ text: ` (${where})`, italics: true, color: '4B5563' })], bullet: { level: 0 } });
        })),
  );
  out.push(new Paragraph({ text: m('notChosen'), heading: HeadingLevel.HEADING_1 }));
  for (const column of COMPETENCE_COLUMNS) {
    out.push(new Paragraph({ text: COLUMN_TITLES[column][locale], heading: HeadingLevel.HEADING_2 }));
    const cards = data.generic[column].filter((c) => !isOwnCard(c));
    out.push(...(cards.length === 0 ? [none(m('noCards'))] : cards.map((c) => new Paragraph({ children: [new TextRun(clean(cardText(c, locale)))], bullet: { level: 0 } }))));
  }
  return out;
}

/** The competence profile of group `group` (its number) as a .docx file. */
export async function profileDocx(input: WorkshopInput, group: number): Promise<Uint8Array> {
  const { locale } = input;
  const g = findGroup(input, group);
  const content = readGroup(g);
  let body: Paragraph[];
  try {
    const profiles = widgetsOfKind(content, competenceProfile);
    body =
      profiles.length === 0
        ? [none(msg('noProfile', {}, locale))]
        : profiles.flatMap((p, i) => profileSection(p.data, locale, profiles.length > 1 ? `${renderMsg('profileTitle', {}, locale)}${ordinal(i)}` : ''));
  } finally {
    closeBoard(content.board);
  }
  const title = renderMsg('profileTitle', {}, locale);
  const subtitle = [clean(g.name), clean(input.title), formatDate(input.createdAt, locale), ...(input.snapshotName ? [clean(input.snapshotName)] : [])].join(' · ');
  const doc = new Document({
    creator: 'kaedeboard',
    title: clean(msg('profileFor', { group: g.name }, locale)),
    description: clean(input.title),
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [new TextRun({ text: clean(g.name), bold: true, size: 32 })], spacing: { after: 120 } }),
          new Paragraph({ children: [new TextRun({ text: subtitle, color: '4B5563' })], alignment: AlignmentType.LEFT, spacing: { after: 240 } }),
          ...body,
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
