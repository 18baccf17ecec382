/**
 * One fact, one place: every consumer that needs a widget's size, seeding or layout derives it
 * from the kinds registry. Each case below asks one consumer and fails if it disagrees.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board, kindOf, WIDGET_TYPES, type Item, type WidgetType } from '../model/index.js';
import { placeTool, toolSize } from '../canvas/placing.js';
import { MIRO_SCALE, MIRO_WIDGETS, planWidget } from '../miro/place.js';
import { buildBoard, type Mapped } from '../miro/readback.js';
import { renderBoardSvg } from '../render/board-svg.js';
import { frameLayout, placeWorkshop } from '../workshop/template.js';
import { PARTS } from '../workshop/parts.js';
import { kindsOfPart, WIDGET_KINDS, widgetKind } from './index.js';

const ORIGIN = 'test';
const TYPES = Object.keys(WIDGET_KINDS) as WidgetType[];

/** A widget's owned records, without ids and owner links, in a stable order. */
function content(board: Board, widgetId: string): unknown[] {
  const out: unknown[] = [];
  const walk = (owner: string): void => {
    for (const item of board.owned(owner)) {
      const { widget: _w, column: _c, post: _p, ...props } = item.props as Record<string, unknown>;
      out.push({ kind: item.kind, props });
      walk(item.id);
    }
  };
  walk(widgetId);
  return out.map((o) => JSON.stringify(o)).sort();
}

function workshopBoard(): Board {
  const board = new Board(new Y.Doc());
  placeWorkshop(board, { title: 'x', parts: [...PARTS], locale: 'da' }, ORIGIN);
  return board;
}

const widgetsOn = (board: Board): Item<'widget'>[] => board.read().items.filter((i): i is Item<'widget'> => i.kind === 'widget');

describe('the kinds registry', () => {
  it('lists every widget type of the schema once, each under its own type, in a part', () => {
    expect(TYPES.sort()).toEqual([...WIDGET_TYPES].sort());
    for (const type of TYPES) {
      expect(widgetKind(type).type).toBe(type);
      expect(PARTS).toContain(widgetKind(type).part);
    }
    expect(PARTS.flatMap((p) => kindsOfPart(p).map((k) => k.type)).sort()).toEqual([...WIDGET_TYPES].sort());
  });

  it.each(TYPES)('%s: its layout is drawn at the kind size', (type) => {
    expect(widgetKind(type).layout().size).toEqual({ ...widgetKind(type).size });
  });

  it.each(TYPES)('%s: the canvas palette places it at the kind size', (type) => {
    expect(toolSize({ kind: 'widget', widget: type })).toEqual({ ...widgetKind(type).size });
    const board = new Board(new Y.Doc());
    const id = placeTool(board, { kind: 'widget', widget: type }, { geometry: { x: 0, y: 0, ...toolSize({ kind: 'widget', widget: type }), parent: null }, frameTitle: '', clientTag: '', locale: 'da' }, ORIGIN);
    expect(board.get(id)?.geometry).toMatchObject({ ...widgetKind(type).size });
  });

  it('the workshop template places each kind at the kind size, inside its part frame', () => {
    const board = workshopBoard();
    const frames = board.read().items.filter((i) => i.kind === 'frame');
    expect(frames).toHaveLength(PARTS.length);
    for (const w of widgetsOn(board)) {
      const kind = widgetKind(w.props.widget);
      expect({ w: w.geometry.w, h: w.geometry.h }).toEqual({ ...kind.size });
      const frame = frames[PARTS.indexOf(kind.part)];
      expect(w.geometry.parent).toBe(frame?.id);
    }
  });

  it.each(TYPES)('%s: the canvas and the workshop template seed the same content', (type) => {
    const canvas = new Board(new Y.Doc());
    const placed = placeTool(canvas, { kind: 'widget', widget: type }, { geometry: { x: 0, y: 0, ...toolSize({ kind: 'widget', widget: type }), parent: null }, frameTitle: '', clientTag: '', locale: 'da' }, ORIGIN);
    const template = workshopBoard();
    const w = widgetsOn(template).find((x) => x.props.widget === type);
    expect(w).toBeDefined();
    expect(content(canvas, placed)).toEqual(content(template, w!.id));
  });

  it.each(MIRO_WIDGETS)('%s: the Miro app plans its frame at the kind size', (type) => {
    const plan = planWidget(type, { x: 0, y: 0 }, { locale: 'da' });
    const frame = plan.items[0]!;
    expect(frame.rect).toEqual({ x: 0, y: 0, ...widgetKind(type).size });
    expect(frame.type === 'frame' && { w: frame.props.width, h: frame.props.height }).toEqual({ w: widgetKind(type).size.w * MIRO_SCALE, h: widgetKind(type).size.h * MIRO_SCALE });
  });

  it.each(MIRO_WIDGETS)('%s: a Miro frame read back becomes the template frame with the widget at the kind size', (type) => {
    const mapped: Mapped = type === 'competence-profile' ? { widget: type, cards: [], unplaced: [] } : type === 'bor-gor-matrix' ? { widget: type, notes: [], unplaced: [] } : { widget: type, pieces: [], notes: [], unplaced: [] };
    const board = new Board(buildBoard(mapped, 'Gruppe'));
    const [w] = widgetsOn(board);
    const frame = board.read().items.find((i) => i.kind === 'frame')!;
    const layout = frameLayout([type]);
    expect({ w: w!.geometry.w, h: w!.geometry.h }).toEqual({ ...widgetKind(type).size });
    expect({ w: frame.geometry.w, h: frame.geometry.h }).toEqual({ w: layout.w, h: layout.h });
    expect({ x: w!.geometry.x - frame.geometry.x, y: w!.geometry.y - frame.geometry.y }).toEqual({ x: layout.widgets[0]!.dx, y: layout.widgets[0]!.dy });
  });

  it.each(TYPES)('%s: the board SVG draws it unscaled at the kind size', (type) => {
    const board = new Board(new Y.Doc());
    placeTool(board, { kind: 'widget', widget: type }, { geometry: { x: 0, y: 0, ...toolSize({ kind: 'widget', widget: type }), parent: null }, frameTitle: '', clientTag: '', locale: 'da' }, ORIGIN);
    const svg = renderBoardSvg(board, { locale: 'da' });
    expect(svg).toMatch(/<g transform="translate\(0(?:\.0+)? 0(?:\.0+)?\)(?: scale\(1\))?"/);
  });
});

describe('the frame tool', () => {
  it('makes frames at the model default size', () => {
    expect(toolSize({ kind: 'frame' })).toEqual({ ...kindOf('frame').defaultSize });
    expect(toolSize({ kind: 'note' })).toEqual({ ...kindOf('note').defaultSize });
  });
});
