/**
 * The workshop's content as Markdown: per group, per widget. User text is escaped so that it
 * stays text (no headings, links, HTML or emphasis from what a participant typed).
 */
import { t } from '../../src/i18n/index.js';
import type { Locale } from '../../src/i18n/index.js';
import { msg } from '../../src/render/export-messages.js';
import { escapeMarkdown, markdownItem, markdownList, ordinal } from '../../src/render/export-text.js';
import { withGroups } from './input.js';
import type { GroupContent, WorkshopInput } from './input.js';
import { formatDate } from './format.js';

/** One group's section: a `###` section per widget (its body from its kind), then the canvas notes. */
function groupSection(c: GroupContent, locale: Locale): string[] {
  const m = (key: Parameters<typeof msg>[0], params: Record<string, string | number> = {}) => msg(key, params, locale);
  const out: string[] = [`## ${escapeMarkdown(c.group.name) || c.group.number}`, ''];
  for (const { kind, data, index } of c.widgets) {
    out.push(`### ${t(`widget.${kind.type}`, {}, locale)}${ordinal(index)}`, '', ...kind.export.markdown(data, locale));
  }
  if (c.notes.length > 0) {
    out.push(`### ${m('canvasNotes')}`, '');
    out.push(...markdownList(c.notes.map((n) => markdownItem(n.item.props.text) + (n.frame.trim() ? ` _(${m('inFrame', { title: escapeMarkdown(n.frame) })})_` : '')), m('noNotes')));
  }
  if (c.widgets.length === 0 && c.notes.length === 0) out.push(`_${m('noContent')}_`, '');
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
