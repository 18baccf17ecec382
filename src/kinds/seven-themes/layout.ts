/**
 * Geometry of the seven-themes puzzle: the seven quality criteria as seven interlocking jigsaw
 * pieces. Four pieces in the top row (1–4), three in the bottom row (5–7) and a title/legend
 * cell at the bottom right. Pure functions, widget-local units, no DOM: used by
 * `<kb-seven-themes>` and by the Miro adapter.
 *
 * Outlines are computed from the list of shared edges: each edge between two neighbouring
 * pieces is one cubic-Bézier chain, drawn forward by one piece and backward by the other, with
 * a tab bulging into the piece named by `into` (a tab on one piece is the blank of the other),
 * so neighbours fit exactly. Edges on the puzzle's border, and next to the legend, are flat.
 */
import type { Rect } from '../../layout/rect.js';

export interface Point {
  x: number;
  y: number;
}

export interface Circle {
  x: number;
  y: number;
  r: number;
}

export type Side = 'top' | 'right' | 'bottom' | 'left';
/** What a piece's side looks like: flat (border), a tab (bulges out), a blank (dents in). */
export type SideShape = 'flat' | 'tab' | 'blank';

/** A cubic-Bézier chain: `[p0, c1, c2, p1, c1, c2, p2, …]` (3n + 1 points). */
export type BezierChain = readonly Point[];

/** One edge two pieces share. */
export interface SharedEdge {
  /** The two criteria (pieces) on either side. */
  a: number;
  b: number;
  /** The piece the tab bulges into (its blank); the other piece carries the tab. */
  into: number;
  /** Canonical direction: vertical edges run downwards, horizontal ones rightwards. */
  from: Point;
  to: Point;
  /** The edge's outline, from `from` to `to`. */
  points: BezierChain;
}

export interface PieceLayout {
  /** The criterion number, 1..7. */
  criterion: number;
  col: number;
  row: number;
  /** The piece's grid cell; cells tile the puzzle without overlapping. */
  cell: Rect;
  /** Bounding box of the outline, tabs included. */
  bounds: Rect;
  /** Shape of each side. */
  shapes: Record<Side, SideShape>;
  /** The outline's sides, clockwise (top left→right, right downwards, bottom right→left, left upwards). */
  edges: Record<Side, BezierChain>;
  /** SVG path `d` of the closed outline. */
  path: string;
  /** The number disc (top left). */
  number: Circle;
  /** The badge with the count of notes (top right). */
  badge: Circle;
  /** Box for the criterion's wrapped name. */
  label: Rect;
  /** Box for the assessment's icon and text (below the label). */
  status: Rect;
}

export interface LegendLayout {
  /** The legend's grid cell. */
  cell: Rect;
  /** Title box. */
  title: Rect;
  /** One row per assessment status (swatch + text), in status order. */
  rows: { swatch: Rect; text: Rect }[];
  /** Box for the usage hint. */
  hint: Rect;
}

export interface SevenThemesLayout {
  /** Natural size of the widget. */
  size: { w: number; h: number };
  pieces: PieceLayout[];
  legend: LegendLayout;
  sharedEdges: SharedEdge[];
  /** How far a tab bulges past its edge. */
  tabDepth: number;
}

/** Natural size (the widget item's default size). */
export const NATURAL_SIZE = { w: 960, h: 640 } as const;
const MARGIN = 8;
const COLS = 4;
const ROWS = 2;
/** Tab size as a fraction of the shorter cell side (Draradech's classic knob). */
const TAB = 0.075;
/** Padding between an outline and the content inside. */
const PAD = 12;
/** Clearance between the head of a blank (a dent) and the content. */
const BLANK_CLEAR = 8;
const NUMBER_R = 19;
const BADGE_R = 16;
const STATUS_H = 28;

/** Grid slot of each criterion (index = criterion - 1). */
const SLOTS: readonly { col: number; row: number }[] = [
  { col: 0, row: 0 },
  { col: 1, row: 0 },
  { col: 2, row: 0 },
  { col: 3, row: 0 },
  { col: 0, row: 1 },
  { col: 1, row: 1 },
  { col: 2, row: 1 },
];
const LEGEND_SLOT = { col: 3, row: 1 };

const round = (v: number): number => Math.round(v * 100) / 100;

function cellRect(col: number, row: number, cw: number, ch: number): Rect {
  return { x: MARGIN + col * cw, y: MARGIN + row * ch, w: cw, h: ch };
}

/**
 * Which piece a shared edge's tab bulges into. Along a row, the top row's tabs point right and
 * the bottom row's left (so no piece has blanks on both its left and right, keeping room for
 * the name); between the rows they alternate by column.
 */
function tabInto(a: { n: number; col: number; row: number }, b: { n: number; col: number; row: number }): number {
  if (a.row === b.row) {
    const [left, right] = a.col < b.col ? [a, b] : [b, a];
    return left.row === 0 ? right.n : left.n;
  }
  const [top, bottom] = a.row < b.row ? [a, b] : [b, a];
  return top.col % 2 === 0 ? bottom.n : top.n;
}

/** The Bézier chain of an edge from `from` to `to` with a tab bulging towards `towards`. */
function tabChain(from: Point, to: Point, towards: Point, size: number): Point[] {
  const len = Math.hypot(to.x - from.x, to.y - from.y);
  const ux = (to.x - from.x) / len;
  const uy = (to.y - from.y) / len;
  // Normal pointing to the side of `towards`.
  let nx = -uy;
  let ny = ux;
  if ((towards.x - from.x) * nx + (towards.y - from.y) * ny < 0) {
    nx = -nx;
    ny = -ny;
  }
  const m = len / 2;
  const t = TAB * size;
  const local: [number, number][] = [
    [0, 0],
    [m - 0.3 * size, 0],
    [m, -t],
    [m - t, t],
    [m - 2 * t, 3 * t],
    [m + 2 * t, 3 * t],
    [m + t, t],
    [m, -t],
    [m + 0.3 * size, 0],
    [len, 0],
  ];
  return local.map(([a, b]) => ({ x: round(from.x + ux * a + nx * b), y: round(from.y + uy * a + ny * b) }));
}

/** A flat edge as one straight cubic. */
function flatChain(from: Point, to: Point): Point[] {
  const at = (f: number): Point => ({ x: round(from.x + (to.x - from.x) * f), y: round(from.y + (to.y - from.y) * f) });
  return [at(0), at(1 / 3), at(2 / 3), at(1)];
}

/** SVG path `d` of a closed outline made of chains that join end to start. */
export function chainsToPath(chains: readonly BezierChain[]): string {
  const first = chains[0]?.[0];
  if (first === undefined) return '';
  const parts = [`M${first.x} ${first.y}`];
  for (const chain of chains) {
    for (let i = 1; i + 2 < chain.length; i += 3) {
      const [c1, c2, p] = [chain[i] as Point, chain[i + 1] as Point, chain[i + 2] as Point];
      parts.push(`C${c1.x} ${c1.y} ${c2.x} ${c2.y} ${p.x} ${p.y}`);
    }
  }
  parts.push('Z');
  return parts.join(' ');
}

/** A point on the cubic from `p0` to `p3` at parameter `t`. */
function cubicAt(p0: Point, p1: Point, p2: Point, p3: Point, t: number): Point {
  const s = 1 - t;
  const [a, b, c, d] = [s * s * s, 3 * s * s * t, 3 * s * t * t, t * t * t];
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}

/** Points along chains, `perCubic` steps per cubic (a polygon approximating the outline). */
export function sampleChains(chains: readonly BezierChain[], perCubic = 16): Point[] {
  const pts: Point[] = [];
  for (const chain of chains) {
    for (let i = 0; i + 3 < chain.length; i += 3) {
      const [p0, p1, p2, p3] = [chain[i], chain[i + 1], chain[i + 2], chain[i + 3]] as [Point, Point, Point, Point];
      for (let k = 0; k < perCubic; k++) pts.push(cubicAt(p0, p1, p2, p3, k / perCubic));
    }
    const last = chain[chain.length - 1];
    if (last !== undefined) pts.push(last);
  }
  return pts;
}

/** A piece's outline as a polygon (e.g. for hit tests or a polygon-only renderer). */
export function outlinePolygon(piece: PieceLayout, perCubic = 16): Point[] {
  return sampleChains([piece.edges.top, piece.edges.right, piece.edges.bottom, piece.edges.left], perCubic);
}

/** Bounding box of the outline (sampled finely; rounded outwards to whole units). */
function chainBounds(chains: readonly BezierChain[]): Rect {
  const pts = sampleChains(chains, 32);
  const x = Math.floor(Math.min(...pts.map((p) => p.x)));
  const y = Math.floor(Math.min(...pts.map((p) => p.y)));
  return { x, y, w: Math.ceil(Math.max(...pts.map((p) => p.x))) - x, h: Math.ceil(Math.max(...pts.map((p) => p.y))) - y };
}

const roundRect = (r: Rect): Rect => ({ x: round(r.x), y: round(r.y), w: round(r.w), h: round(r.h) });

/** The puzzle's layout at its natural size; the same result on every call. */
export function sevenThemesLayout(): SevenThemesLayout {
  const cw = (NATURAL_SIZE.w - 2 * MARGIN) / COLS;
  const ch = (NATURAL_SIZE.h - 2 * MARGIN) / ROWS;
  const size = Math.min(cw, ch);
  const tabDepth = round(2.5 * TAB * size);
  const slots = SLOTS.map((s, i) => ({ n: i + 1, ...s, cell: cellRect(s.col, s.row, cw, ch) }));
  const at = (col: number, row: number) => slots.find((s) => s.col === col && s.row === row);

  // The shared-edge list, from grid adjacency.
  const sharedEdges: SharedEdge[] = [];
  for (const s of slots) {
    for (const [dc, dr] of [
      [1, 0],
      [0, 1],
    ] as const) {
      const o = at(s.col + dc, s.row + dr);
      if (o === undefined) continue;
      const into = tabInto(s, o);
      const from = { x: o.cell.x, y: o.cell.y };
      const to = dc === 1 ? { x: o.cell.x, y: o.cell.y + ch } : { x: o.cell.x + cw, y: o.cell.y };
      const target = (into === o.n ? o : s).cell;
      const towards = { x: target.x + target.w / 2, y: target.y + target.h / 2 };
      sharedEdges.push({ a: s.n, b: o.n, into, from, to, points: tabChain(from, to, towards, size) });
    }
  }

  const pieces = slots.map((s): PieceLayout => {
    const { x, y, w, h } = s.cell;
    const corners: Record<Side, [Point, Point]> = {
      top: [{ x, y }, { x: x + w, y }],
      right: [{ x: x + w, y }, { x: x + w, y: y + h }],
      bottom: [{ x: x + w, y: y + h }, { x, y: y + h }],
      left: [{ x, y: y + h }, { x, y }],
    };
    const shapes = {} as Record<Side, SideShape>;
    const edges = {} as Record<Side, BezierChain>;
    for (const side of ['top', 'right', 'bottom', 'left'] as const) {
      const [from, to] = corners[side];
      const e = sharedEdges.find(
        (se) =>
          (se.a === s.n || se.b === s.n) &&
          ((se.from.x === from.x && se.from.y === from.y && se.to.x === to.x && se.to.y === to.y) ||
            (se.from.x === to.x && se.from.y === to.y && se.to.x === from.x && se.to.y === from.y)),
      );
      if (e === undefined) {
        shapes[side] = 'flat';
        edges[side] = flatChain(from, to);
      } else {
        shapes[side] = e.into === s.n ? 'blank' : 'tab';
        edges[side] = e.from.x === from.x && e.from.y === from.y ? e.points : [...e.points].reverse();
      }
    }
    const chains = [edges.top, edges.right, edges.bottom, edges.left];
    // Content stays clear of blanks (which dent the piece) by the tab depth.
    const inset = (side: Side): number => (shapes[side] === 'blank' ? tabDepth + BLANK_CLEAR : PAD);
    const number = { x: x + PAD + NUMBER_R, y: y + PAD + NUMBER_R, r: NUMBER_R };
    const badge = { x: x + w - PAD - BADGE_R - 2, y: y + PAD + BADGE_R + 2, r: BADGE_R };
    const left = x + inset('left');
    const right = x + w - inset('right');
    const statusY = y + h - inset('bottom') - STATUS_H;
    const labelY = Math.max(y + inset('top'), number.y + NUMBER_R + 8);
    return {
      criterion: s.n,
      col: s.col,
      row: s.row,
      cell: s.cell,
      bounds: chainBounds(chains),
      shapes,
      edges,
      path: chainsToPath(chains),
      number,
      badge,
      label: roundRect({ x: left, y: labelY, w: right - left, h: statusY - 6 - labelY }),
      status: roundRect({ x: left, y: statusY, w: right - left, h: STATUS_H }),
    };
  });

  const lc = cellRect(LEGEND_SLOT.col, LEGEND_SLOT.row, cw, ch);
  // The pieces next to the legend have flat sides towards it: no dents to keep clear of.
  const lx = lc.x + PAD;
  const lw = lc.w - 2 * PAD;
  const title = { x: lx, y: lc.y + PAD, w: lw, h: 56 };
  const rows = [0, 1, 2].map((i) => {
    const ry = title.y + title.h + 10 + i * 36;
    return { swatch: { x: lx, y: ry, w: 28, h: 28 }, text: { x: lx + 36, y: ry, w: lw - 36, h: 28 } };
  });
  const hintY = title.y + title.h + 10 + 3 * 36 + 6;
  const legend: LegendLayout = { cell: lc, title, rows, hint: { x: lx, y: hintY, w: lw, h: lc.y + lc.h - PAD - hintY } };

  return { size: { ...NATURAL_SIZE }, pieces, legend, sharedEdges, tabDepth };
}
