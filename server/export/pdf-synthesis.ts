/**
 * The workshop PDF's synthesis pages ("Fælles opsamling"), before the per-group pages: the
 * seven criteria across the groups, the Bør/Gør notes gathered, the card ranking with the
 * groups' own cards, the reflection wall's answers, and each vote's ranked results. The
 * figures are the plenum's: the same synthesis (src/workshop/synthesis.ts) and the same
 * ranking (src/workshop/vote-api.ts). A section shows when some group's board has its kind.
 */
import { COLUMN_TITLES, COMPETENCE_COLUMNS } from '../../src/content/competences.js';
import { CRITERIA } from '../../src/content/criteria.js';
import { MATRIX_FIELDS } from '../../src/content/matrix.js';
import type { Locale } from '../../src/i18n/index.js';
import { msg as renderMsg } from '../../src/render/messages.js';
import { COLORS, STATUS_FILL } from '../../src/render/tokens.js';
import type { Synthesis } from '../../src/workshop/synthesis.js';
import { notesText, sm } from '../../src/workshop/synthesis-messages.js';
import type { ExportVote, WorkshopInput } from './input.js';
import { clean, contentBox, FONT, fit, footer, table, type Cell, type Column, type Doc } from './pdf-layout.js';
import { groupNames } from './synthesis.js';
import { formatDate } from './format.js';

/** Groups per criteria table (more continue in a next table). */
const GROUPS_PER_TABLE = 6;

interface Pages {
  doc: Doc;
  input: WorkshopInput;
  pageNo: { n: number };
  y: number;
}

function newPage(p: Pages): void {
  p.doc.addPage();
  footer(p.doc, p.input, ++p.pageNo.n);
  p.y = contentBox(p.doc).y;
}

/** Room for `h` more points on this page, else a new page. */
function room(p: Pages, h: number): void {
  const box = contentBox(p.doc);
  if (p.y + h > box.y + box.h) newPage(p);
}

function heading(p: Pages, text: string, size = 16): void {
  room(p, size * 3);
  const box = contentBox(p.doc);
  p.doc.font(FONT.bold).fontSize(size).fillColor(COLORS.text).text(fit(p.doc, text, box.w), box.x, p.y, { lineBreak: false });
  p.y += size * 1.6;
}

/** A wrapped paragraph (a bullet when `indent`), moving to a new page when it does not fit. */
function paragraph(p: Pages, text: string, opts: { size?: number; font?: string; color?: string; indent?: number; after?: number } = {}): void {
  const box = contentBox(p.doc);
  const size = opts.size ?? 10.5;
  const indent = opts.indent ?? 0;
  const width = box.w - indent;
  p.doc.font(opts.font ?? FONT.regular).fontSize(size);
  const s = clean(text);
  const h = p.doc.heightOfString(s, { width });
  room(p, h);
  p.doc.fillColor(opts.color ?? COLORS.text).text(s, box.x + indent, p.y, { width });
  p.y += h + (opts.after ?? 3);
  p.doc.fillColor(COLORS.text);
}

function criteriaPages(p: Pages, s: Synthesis, locale: Locale): void {
  const c = s.sections['seven-themes'];
  heading(p, sm('criteriaTitle', {}, locale));
  paragraph(p, sm('criteriaHint', {}, locale).split('. ')[0] + '.', { color: COLORS.textMuted, size: 9.5, after: 8 });
  const box = contentBox(p.doc);
  for (let from = 0; from < c.groups.length; from += GROUPS_PER_TABLE) {
    const shown = c.groups.slice(from, from + GROUPS_PER_TABLE);
    const index = shown.map((n) => s.groups.findIndex((g) => g.number === n));
    const nameW = 200;
    const totalW = 130;
    const cellW = (box.w - nameW - totalW) / Math.max(shown.length, 1);
    const columns: Column[] = [
      { title: sm('criterion', {}, locale), width: nameW },
      ...shown.map((n) => ({ title: groupNames(s, [n]), width: cellW, align: 'center' as const })),
      { title: sm('total', {}, locale), width: totalW, align: 'center' },
    ];
    const rows: Cell[][] = c.rows.map((r) => {
      const name = CRITERIA.find((x) => x.number === r.criterion)?.name[locale] ?? '';
      return [
        { text: `${r.criterion}. ${name}` },
        ...index.map((i) => {
          const cell = r.cells[i];
          return cell ? { text: `${renderMsg(`status.${cell.status}`, {}, locale)} · ${cell.notes.length}`, fill: STATUS_FILL[cell.status] } : { text: '–' };
        }),
        { text: `${notesText(r.notes, locale)} · ${r.byStatus.established}/${r.byStatus['under-way']}/${r.byStatus['not-started']}` },
      ];
    });
    p.y = table(p.doc, p.input, p.pageNo, from === 0 ? '' : sm('criteriaTitle', {}, locale), columns, rows, p.y, 30) + 8;
  }
  paragraph(p, `${sm('total', {}, locale)}: ${notesText(c.notes, locale)}. ${sm('totalLegend', {}, locale)}`, { size: 9, color: COLORS.textMuted, after: 14 });
}

function matrixPages(p: Pages, s: Synthesis, locale: Locale): void {
  const m = s.sections['bor-gor-matrix'];
  heading(p, sm('matrixTitle', {}, locale));
  for (const f of m.fields) {
    const info = MATRIX_FIELDS.find((x) => x.field === f.field);
    room(p, 60);
    paragraph(p, `${info?.title[locale] ?? f.field} – ${sm('fieldCount', { notes: f.notes, groups: f.groups.length }, locale)}`, { font: FONT.bold, size: 12.5, after: 2 });
    paragraph(p, info?.question[locale] ?? '', { font: FONT.italic, size: 9.5, color: COLORS.textMuted, after: 4 });
    if (f.buckets.length === 0) paragraph(p, sm('nothingYet', {}, locale), { indent: 12, color: COLORS.textMuted, after: 8 });
    for (const b of f.buckets) {
      const name = b.criterion === 0 ? sm('untagged', {}, locale) : `${b.criterion}. ${CRITERIA.find((c) => c.number === b.criterion)?.name[locale] ?? ''}`;
      paragraph(p, name, { font: FONT.bold, size: 10, indent: 8, after: 2 });
      for (const n of b.notes) paragraph(p, `• ${n.text}  (${groupNames(s, n.groups)}${n.count > n.groups.length ? ` · ${n.count}` : ''})`, { indent: 18, size: 10 });
      p.y += 4;
    }
    p.y += 8;
  }
}

function cardPages(p: Pages, s: Synthesis, locale: Locale): void {
  const r = s.sections['competence-profile'];
  heading(p, sm('cardsTitle', {}, locale));
  const box = contentBox(p.doc);
  for (const column of COMPETENCE_COLUMNS) {
    const columns: Column[] = [
      { title: sm('rank', {}, locale), width: 40, align: 'center' },
      { title: COLUMN_TITLES[column][locale], width: box.w - 40 - 130 - 240 },
      { title: sm('chosenByTitle', {}, locale), width: 130, align: 'center' },
      { title: sm('groups', {}, locale), width: 240 },
    ];
    const rows: Cell[][] = r.columns[column].map((card, i) => [{ text: String(i + 1) }, { text: card.text }, { text: `${card.groups.length}/${r.groups.length}` }, { text: groupNames(s, card.groups) }]);
    p.y = table(p.doc, p.input, p.pageNo, COLUMN_TITLES[column][locale], columns, rows, p.y) + 14;
  }
  if (r.own.length > 0) {
    const columns: Column[] = [
      { title: renderMsg('ownCard', {}, locale), width: box.w - 130 - 240 },
      { title: sm('column', {}, locale), width: 130 },
      { title: sm('groups', {}, locale), width: 240 },
    ];
    const rows: Cell[][] = r.own.map((card) => [{ text: card.text }, { text: COLUMN_TITLES[card.column][locale] }, { text: groupNames(s, card.groups) }]);
    p.y = table(p.doc, p.input, p.pageNo, sm('ownCardsTitle', {}, locale), columns, rows, p.y) + 14;
  }
}

function wallPages(p: Pages, s: Synthesis, locale: Locale): void {
  const w = s.sections['reflection-wall'];
  heading(p, sm('wallTitle', {}, locale));
  for (const q of w.questions) {
    paragraph(p, q.title || renderMsg('untitled', {}, locale), { font: FONT.bold, size: 12, after: 3 });
    if (q.answers.length === 0) paragraph(p, sm('noAnswers', {}, locale), { indent: 12, color: COLORS.textMuted });
    for (const a of q.answers) paragraph(p, `• ${a.text}  (${groupNames(s, [a.group])} · ${sm('likesCount', { count: a.likes }, locale)})`, { indent: 12 });
    p.y += 8;
  }
}

/** One vote's ranked results (a table) under its title and figures. */
function votePages(p: Pages, vote: ExportVote, s: Synthesis, locale: Locale): void {
  heading(p, sm('voteOn', { title: vote.title }, locale), 14);
  const facts = [
    vote.state === 'open' ? sm('voteOpen', {}, locale) : sm('voteClosed', {}, locale),
    formatDate(vote.createdAt, locale),
    sm('voteDots', { dots: vote.dots }, locale),
    sm('voteVoters', { voters: vote.voters, cast: vote.cast }, locale),
    ...(vote.source ? [vote.source] : []),
  ];
  paragraph(p, facts.join(' · '), { size: 9.5, color: COLORS.textMuted, after: 6 });
  const box = contentBox(p.doc);
  const columns: Column[] = [
    { title: sm('rank', {}, locale), width: 40, align: 'center' },
    { title: sm('item', {}, locale), width: box.w - 40 - 70 - 180 - 200 },
    { title: '', width: 180 },
    { title: sm('groups', {}, locale), width: 200 },
    { title: sm('dots', {}, locale), width: 70, align: 'center' },
  ];
  const rows: Cell[][] = vote.items.map((item) => [{ text: String(item.rank) }, { text: item.label }, { text: item.detail }, { text: groupNames(s, item.groups) }, { text: String(item.total) }]);
  p.y = table(p.doc, p.input, p.pageNo, '', columns, rows, p.y) + 16;
}

/**
 * Draws the synthesis pages, starting on a new page; adds them to the outline under "Fælles
 * opsamling". Returns nothing: the pages and the outline are the output.
 */
export function synthesisPages(doc: Doc, input: WorkshopInput, s: Synthesis, pageNo: { n: number }): void {
  const { locale } = input;
  const p: Pages = { doc, input, pageNo, y: 0 };
  newPage(p);
  const outline = doc.outline.addItem(sm('synthesis', {}, locale));
  const box = contentBox(doc);
  doc.font(FONT.bold).fontSize(22).fillColor(COLORS.text).text(sm('synthesis', {}, locale), box.x, p.y, { lineBreak: false });
  p.y += 32;
  if (input.snapshotName) paragraph(p, input.snapshotName, { color: COLORS.textMuted, after: 6 });
  for (const g of s.groups) if (g.unreadable > 0) paragraph(p, sm('problems', { count: g.unreadable, group: g.name }, locale), { color: COLORS.warning, size: 9.5 });
  const sections: [boolean, string, () => void][] = [
    [s.sections['seven-themes'].groups.length > 0, sm('criteriaTitle', {}, locale), () => criteriaPages(p, s, locale)],
    [s.sections['bor-gor-matrix'].groups.length > 0, sm('matrixTitle', {}, locale), () => matrixPages(p, s, locale)],
    [s.sections['competence-profile'].groups.length > 0, sm('cardsTitle', {}, locale), () => cardPages(p, s, locale)],
    [s.sections['reflection-wall'].groups.length > 0, sm('wallTitle', {}, locale), () => wallPages(p, s, locale)],
  ];
  let first = true;
  for (const [shown, title, draw] of sections) {
    if (!shown) continue;
    if (!first) newPage(p);
    first = false;
    outline.addItem(clean(title));
    draw();
  }
  const votes = input.votes ?? [];
  if (votes.length > 0) {
    newPage(p);
    heading(p, sm('votesTitle', {}, locale), 18);
    for (const vote of votes) {
      outline.addItem(clean(sm('voteOn', { title: vote.title }, locale)));
      votePages(p, vote, s, locale);
    }
  }
}
