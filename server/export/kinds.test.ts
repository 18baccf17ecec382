/**
 * The text exports take a widget's content from its kind: every kind's CSV rows added up (plus
 * the canvas notes) are the CSV export's rows, and each kind's Markdown is its section of the
 * Markdown export, for the sample board in both languages.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { t, type Locale } from '../../src/i18n/index.js';
import { FULL_KINDS } from '../../src/kinds/full.js';
import type { FullKind, WidgetKind } from '../../src/kinds/kind.js';
import type { Item } from '../../src/model/index.js';
import { sampleBoard } from '../../src/render/fixture.js';
import { CSV_COLUMNS, csvField, exportCsv, groupRows } from './csv.js';
import type { CsvRow } from './csv.js';
import { closeBoard, readGroup } from './input.js';
import type { WorkshopInput } from './input.js';
import { exportMarkdown } from './markdown.js';

const GROUP = 'Gruppe 1';

function sample(locale: Locale) {
  const fixture = sampleBoard(locale);
  const input: WorkshopInput = {
    id: 'w1',
    title: 'Workshop',
    parts: ['kaedeansvar', 'kontaktperson'],
    locale,
    createdAt: Date.UTC(2026, 4, 12),
    groups: [{ number: 1, name: GROUP, state: Y.encodeStateAsUpdate(fixture.doc) }],
  };
  const widgets = fixture.board.read().items.filter((i): i is Item<'widget'> => i.kind === 'widget');
  /** Each kind asked directly about the widgets of its type on the board (one each on the sample). */
  const perKind = (Object.values(FULL_KINDS) as FullKind[]).map((kind) => {
    const ofKind = widgets.filter((w) => w.props.widget === kind.type);
    expect(ofKind).toHaveLength(1);
    const data = kind.read(fixture.board, (ofKind[0] as Item<'widget'>).id);
    return { kind, label: t(`widget.${kind.type}`, {}, locale), csv: kind.export.csvRows(data, locale), markdown: kind.export.markdown(data, locale) };
  });
  fixture.doc.destroy();
  return { input, perKind };
}

describe.each(['da', 'en'] as const)('the text exports ask each widget kind (%s)', (locale) => {
  it("adds up every kind's CSV rows to the CSV export's rows", () => {
    const { input, perKind } = sample(locale);
    const fromKinds: CsvRow[] = perKind.flatMap(({ label, csv }) => csv.map((row) => ({ group: GROUP, widget: label, ...row })));
    for (const { kind, csv } of perKind) expect(csv.length, kind.type).toBeGreaterThan(0);

    const content = readGroup(input.groups[0] as WorkshopInput['groups'][number]);
    let rows: CsvRow[];
    try {
      rows = groupRows(content, locale);
    } finally {
      closeBoard(content.board);
    }
    const canvas = rows.filter((r) => r.widget === t('board.canvas', {}, locale));
    expect(canvas.map((r) => r.kind)).toEqual(['note', 'note', 'note']);
    expect(rows.slice(canvas.length)).toEqual(fromKinds);

    // And those rows are the CSV text, line by line (the sample has no line breaks in its texts).
    const lines = exportCsv(input).slice(1).split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines.slice(1 + canvas.length, -1)).toEqual(fromKinds.map((r) => CSV_COLUMNS.map((c) => csvField(r[c])).join(',')));
    expect(lines.at(-1)).toBe('');
  });

  it("writes each kind's Markdown as its widget's section", () => {
    const { input, perKind } = sample(locale);
    const md = exportMarkdown(input);
    const headings = md.split('\n').filter((l) => l.startsWith('### '));
    expect(headings.slice(0, perKind.length)).toEqual(perKind.map(({ label }) => `### ${label}`));
    for (const { kind, label, markdown } of perKind) {
      expect(markdown.length, kind.type).toBeGreaterThan(0);
      expect(md, kind.type).toContain(`\n### ${label}\n\n${markdown.join('\n')}`);
    }
  });
});
