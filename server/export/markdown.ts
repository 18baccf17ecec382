/**
 * The workshop's content as Markdown: per group, per widget. User text is escaped so that it
 * stays text (no headings, links, HTML or emphasis from what a participant typed).
 */
import { t } from '../../src/i18n/index.js';
import type { Locale } from '../../src/i18n/index.js';
import { COLUMN_TITLES, COMPETENCE_COLUMNS } from '../../src/content/competences.js';
import { CRITERIA, criterion as criterionOf } from '../../src/content/criteria.js';
import { MATRIX_FIELDS } from '../../src/content/matrix.js';
import { cardText, isOwnCard } from '../../src/render/board-data.js';
import { msg as renderMsg } from '../../src/render/messages.js';
import { stripInvalidXmlChars } from '../../src/render/escape.js';
import { ordinal, withGroups } from './input.js';
import type { GroupContent, WorkshopInput } from './input.js';
import { msg } from './messages.js';
import { formatDate } from './format.js';

/**
 * User text as inline Markdown: characters with a meaning anywhere are backslash-escaped,
 * and so are those that start a block at the start of a line (headings, lists, quotes).
 * Line breaks become hard breaks inside the current block, indented by `indent`.
 */
export function escapeMarkdown(text: string, indent = ''): string {
  return stripInvalidXmlChars(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .trim()
        .replace(/[\\`*_{}[\]<>#|~&]/g, '\\$&')
        .replace(/^([-+=])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .filter((line) => line !== '')
    .join(`\\\n${indent}`);
}

function list(items: string[], empty: string): string[] {
  return items.length === 0 ? [`_${empty}_`, ''] : [...items.map((i) => `- ${i}`), ''];
}

function groupSection(c: GroupContent, locale: Locale): string[] {
  const m = (key: Parameters<typeof msg>[0], params: Record<string, string | number> = {}) => msg(key, params, locale);
  const e = (s: string) => escapeMarkdown(s, '  ');
  const out: string[] = [`## ${escapeMarkdown(c.group.name) || c.group.number}`, ''];
  let empty = true;

  c.themes.forEach(({ data }, i) => {
    empty = false;
    out.push(`### ${t('widget.seven-themes', {}, locale)}${ordinal(i)}`, '');
    for (const criterion of CRITERIA) {
      const theme = data.find((d) => d.criterion === criterion.number);
      if (theme === undefined) continue;
      out.push(`#### ${criterion.number}. ${criterion.name[locale]}`, '');
      out.push(`**${m('assessment')}:** ${renderMsg(`status.${theme.status}`, {}, locale)}`, '');
      out.push(...list(theme.notes.map((n) => e(n.props.text) + (n.props.author.trim() ? ` — _${escapeMarkdown(n.props.author)}_` : '')), m('noNotes')));
    }
  });

  c.matrices.forEach(({ data }, i) => {
    empty = false;
    out.push(`### ${t('widget.bor-gor-matrix', {}, locale)}${ordinal(i)}`, '');
    for (const field of MATRIX_FIELDS) {
      out.push(`#### ${field.title[locale]}`, '', `_${field.question[locale]}_`, '');
      out.push(
        ...list(
          data[field.field].map((note) => {
            const crit = criterionOf(note.props.criterion);
            return e(note.props.text) + (crit ? ` \\[${m('criterionTag', { number: crit.number, name: crit.name[locale] })}\\]` : '');
          }),
          m('noNotes'),
        ),
      );
    }
  });

  c.profiles.forEach(({ data }, i) => {
    empty = false;
    out.push(`### ${t('widget.competence-profile', {}, locale)}${ordinal(i)}`, '', `#### ${renderMsg('localArea', {}, locale)}`, '');
    for (const column of COMPETENCE_COLUMNS) {
      out.push(`**${COLUMN_TITLES[column][locale]}**`, '');
      out.push(...list(data.local[column].map((card) => e(cardText(card, locale)) + (isOwnCard(card) ? ` _(${m('ownCardMark')})_` : '')), m('noCards')));
    }
    const own = COMPETENCE_COLUMNS.flatMap((column) =>
      [...data.local[column], ...data.generic[column]].filter(isOwnCard).map((card) => `${e(cardText(card, locale))} _(${COLUMN_TITLES[column][locale]})_`),
    );
    out.push(`#### ${m('ownCards')}`, '', ...list(own, m('noCards')));
  });

  c.walls.forEach(({ data }, i) => {
    empty = false;
    out.push(`### ${t('widget.reflection-wall', {}, locale)}${ordinal(i)}`, '');
    for (const column of data) {
      out.push(`#### ${escapeMarkdown(column.item.props.title) || renderMsg('untitled', {}, locale)}`, '');
      out.push(
        ...list(
          column.posts.map((post) => {
            const author = post.item.props.author.trim() ? escapeMarkdown(post.item.props.author) : renderMsg('anonymous', {}, locale);
            return `${e(post.item.props.text)} — _${author}_${post.likes > 0 ? ` (${m('likes', { count: post.likes })})` : ''}`;
          }),
          m('noNotes'),
        ),
      );
    }
  });

  if (c.notes.length > 0) {
    empty = false;
    out.push(`### ${m('canvasNotes')}`, '');
    out.push(...list(c.notes.map((n) => e(n.item.props.text) + (n.frame.trim() ? ` _(${m('inFrame', { title: escapeMarkdown(n.frame) })})_` : '')), m('noNotes')));
  }
  if (empty) out.push(`_${m('noContent')}_`, '');
  return out;
}

/** The whole workshop as Markdown. */
export function exportMarkdown(input: WorkshopInput): string {
  const { locale } = input;
  const m = (key: Parameters<typeof msg>[0]) => msg(key, {}, locale);
  const head = [
    `# ${escapeMarkdown(input.title)}`,
    '',
    `- **${m('date')}:** ${formatDate(input.createdAt, locale)}`,
    `- **${m('parts')}:** ${input.parts.map((p) => msg(`part.${p}`, {}, locale)).join('; ')}`,
    `- **${m('groups')}:** ${input.groups.length}`,
    ...(input.snapshotName ? [`- **${m('snapshot')}:** ${escapeMarkdown(input.snapshotName)}`] : []),
    '',
  ];
  const groups = withGroups(input, (c) => groupSection(c, locale)).flat();
  return `${[...head, ...groups].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
