/**
 * The workshop's "Fælles opsamling" as a Word document: what the PDF's synthesis pages hold
 * (pdf-synthesis.ts), for the participants to take home and edit: the seven criteria across
 * the groups, the Bør/Gør notes gathered, the card ranking with the groups' own cards, the
 * reflection wall's answers, and every vote's ranked results. The same synthesis and ranking
 * as the plenum's, so every figure is the one it showed.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { COLUMN_TITLES, COMPETENCE_COLUMNS } from '../../src/content/competences.js';
import { CRITERIA } from '../../src/content/criteria.js';
import { MATRIX_FIELDS } from '../../src/content/matrix.js';
import type { Locale } from '../../src/i18n/index.js';
import { stripInvalidXmlChars } from '../../src/render/escape.js';
import { msg as renderMsg } from '../../src/render/messages.js';
import { STATUS_FILL } from '../../src/render/tokens.js';
import type { Synthesis } from '../../src/workshop/synthesis.js';
import { notesText, sm } from '../../src/workshop/synthesis-messages.js';
import { formatDate } from './format.js';
import type { WorkshopInput } from './input.js';
import { groupNames, readSynthesis } from './synthesis.js';

const clean = (s: string): string => stripInvalidXmlChars(s);
const MUTED = '4B5563';

const text = (s: string, opts: { bold?: boolean; italics?: boolean; color?: string } = {}): Paragraph => new Paragraph({ children: [new TextRun({ text: clean(s), ...opts })] });
const heading = (s: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph => new Paragraph({ text: clean(s), heading: level });
const bullet = (s: string, note: string): Paragraph =>
  new Paragraph({ children: [new TextRun({ text: clean(s) }), new TextRun({ text: clean(`  (${note})`), italics: true, color: MUTED })], bullet: { level: 0 } });

function grid(header: string[], rows: { text: string; fill?: string }[][]): Table {
  const cell = (c: { text: string; fill?: string }, bold = false): TableCell =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: clean(c.text), bold })] })], ...(c.fill ? { shading: { fill: c.fill.replace('#', '') } } : {}) });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell({ text: h }, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

function criteria(s: Synthesis, locale: Locale): (Paragraph | Table)[] {
  const c = s.sections['seven-themes'];
  const index = c.groups.map((n) => s.groups.findIndex((g) => g.number === n));
  return [
    heading(sm('criteriaTitle', {}, locale), HeadingLevel.HEADING_1),
    text(sm('criteriaHint', {}, locale).split('. ')[0] + '.', { color: MUTED }),
    grid(
      [sm('criterion', {}, locale), ...c.groups.map((n) => groupNames(s, [n])), sm('total', {}, locale)],
      c.rows.map((r) => [
        { text: `${r.criterion}. ${CRITERIA.find((x) => x.number === r.criterion)?.name[locale] ?? ''}` },
        ...index.map((i) => {
          const cell = r.cells[i];
          return cell ? { text: `${renderMsg(`status.${cell.status}`, {}, locale)} · ${cell.notes.length}`, fill: STATUS_FILL[cell.status] } : { text: '–' };
        }),
        { text: `${notesText(r.notes, locale)} · ${r.byStatus.established}/${r.byStatus['under-way']}/${r.byStatus['not-started']}` },
      ]),
    ),
    text(`${sm('total', {}, locale)}: ${notesText(c.notes, locale)}. ${sm('totalLegend', {}, locale)}`, { color: MUTED }),
    ...c.rows.flatMap((r) => {
      const withNotes = r.cells.filter((cell) => cell !== null && cell.notes.length > 0);
      if (withNotes.length === 0) return [];
      return [
        heading(`${r.criterion}. ${CRITERIA.find((x) => x.number === r.criterion)?.name[locale] ?? ''}`, HeadingLevel.HEADING_3),
        ...withNotes.flatMap((cell) => cell!.notes.map((n) => bullet(n.text, groupNames(s, [cell!.group])))),
      ];
    }),
  ];
}

function matrix(s: Synthesis, locale: Locale): Paragraph[] {
  const m = s.sections['bor-gor-matrix'];
  return [
    heading(sm('matrixTitle', {}, locale), HeadingLevel.HEADING_1),
    ...m.fields.flatMap((f) => {
      const info = MATRIX_FIELDS.find((x) => x.field === f.field);
      return [
        heading(`${info?.title[locale] ?? f.field} – ${sm('fieldCount', { notes: f.notes, groups: f.groups.length }, locale)}`, HeadingLevel.HEADING_2),
        text(info?.question[locale] ?? '', { italics: true, color: MUTED }),
        ...(f.buckets.length === 0 ? [text(sm('nothingYet', {}, locale), { italics: true, color: MUTED })] : []),
        ...f.buckets.flatMap((b) => [
          heading(b.criterion === 0 ? sm('untagged', {}, locale) : `${b.criterion}. ${CRITERIA.find((c) => c.number === b.criterion)?.name[locale] ?? ''}`, HeadingLevel.HEADING_3),
          ...b.notes.map((n) => bullet(n.text, `${groupNames(s, n.groups)}${n.count > n.groups.length ? ` · ${n.count}` : ''}`)),
        ]),
      ];
    }),
  ];
}

function cards(s: Synthesis, locale: Locale): (Paragraph | Table)[] {
  const r = s.sections['competence-profile'];
  return [
    heading(sm('cardsTitle', {}, locale), HeadingLevel.HEADING_1),
    text(sm('cardsHint', {}, locale), { color: MUTED }),
    ...COMPETENCE_COLUMNS.flatMap((column) => [
      heading(COLUMN_TITLES[column][locale], HeadingLevel.HEADING_2),
      grid(
        [sm('rank', {}, locale), COLUMN_TITLES[column][locale], sm('chosenByTitle', {}, locale), sm('groups', {}, locale)],
        r.columns[column].map((card, i) => [{ text: String(i + 1) }, { text: card.text }, { text: `${card.groups.length}/${r.groups.length}` }, { text: groupNames(s, card.groups) }]),
      ),
    ]),
    ...(r.own.length === 0
      ? []
      : [
          heading(sm('ownCardsTitle', {}, locale), HeadingLevel.HEADING_2),
          grid([renderMsg('ownCard', {}, locale), sm('column', {}, locale), sm('groups', {}, locale)], r.own.map((card) => [{ text: card.text }, { text: COLUMN_TITLES[card.column][locale] }, { text: groupNames(s, card.groups) }])),
        ]),
  ];
}

function wall(s: Synthesis, locale: Locale): Paragraph[] {
  const w = s.sections['reflection-wall'];
  return [
    heading(sm('wallTitle', {}, locale), HeadingLevel.HEADING_1),
    ...w.questions.flatMap((q) => [
      heading(q.title || renderMsg('untitled', {}, locale), HeadingLevel.HEADING_2),
      ...(q.answers.length === 0 ? [text(sm('noAnswers', {}, locale), { italics: true, color: MUTED })] : q.answers.map((a) => bullet(a.text, `${groupNames(s, [a.group])} · ${sm('likesCount', { count: a.likes }, locale)}`))),
    ]),
  ];
}

function votes(input: WorkshopInput, s: Synthesis, locale: Locale): (Paragraph | Table)[] {
  const list = input.votes ?? [];
  if (list.length === 0) return [];
  return [
    heading(sm('votesTitle', {}, locale), HeadingLevel.HEADING_1),
    ...list.flatMap((v) => [
      heading(sm('voteOn', { title: v.title }, locale), HeadingLevel.HEADING_2),
      text(
        [v.state === 'open' ? sm('voteOpen', {}, locale) : sm('voteClosed', {}, locale), formatDate(v.createdAt, locale), sm('voteDots', { dots: v.dots }, locale), sm('voteVoters', { voters: v.voters, cast: v.cast }, locale), ...(v.source ? [v.source] : [])].join(' · '),
        { color: MUTED },
      ),
      grid(
        [sm('rank', {}, locale), sm('item', {}, locale), '', sm('groups', {}, locale), sm('dots', {}, locale)],
        v.items.map((item) => [{ text: String(item.rank) }, { text: item.label }, { text: item.detail }, { text: groupNames(s, item.groups) }, { text: String(item.total) }]),
      ),
    ]),
  ];
}

/** The workshop's shared summing-up as a .docx file. */
export async function synthesisDocx(input: WorkshopInput): Promise<Uint8Array> {
  const { locale } = input;
  const s = readSynthesis(input);
  const body: (Paragraph | Table)[] = [];
  for (const g of s.groups) if (g.unreadable > 0) body.push(text(sm('problems', { count: g.unreadable, group: g.name }, locale), { color: '8D4F00' }));
  if (s.sections['seven-themes'].groups.length > 0) body.push(...criteria(s, locale));
  if (s.sections['bor-gor-matrix'].groups.length > 0) body.push(...matrix(s, locale));
  if (s.sections['competence-profile'].groups.length > 0) body.push(...cards(s, locale));
  if (s.sections['reflection-wall'].groups.length > 0) body.push(...wall(s, locale));
  body.push(...votes(input, s, locale));
  const subtitle = [clean(input.title), formatDate(input.createdAt, locale), ...(input.snapshotName ? [clean(input.snapshotName)] : [])].join(' · ');
  const doc = new Document({
    creator: 'kaedeboard',
    title: clean(`${sm('synthesis', {}, locale)} – ${input.title}`),
    description: clean(input.title),
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ text: sm('synthesis', {}, locale), heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [new TextRun({ text: subtitle, color: MUTED })], alignment: AlignmentType.LEFT, spacing: { after: 240 } }),
          ...body,
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
