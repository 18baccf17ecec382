/** SVG parts of the puzzle: patterns, a piece's drawing, the legend, a peer's ghost. */
import { html, nothing, svg } from 'lit';
import type { SVGTemplateResult } from 'lit';
import type { Criterion } from '../../src/content/criteria.js';
import type { Locale } from '../../src/i18n/index.js';
import type { LegendLayout, PieceLayout } from '../../src/kinds/seven-themes/layout.js';
import { ASSESSMENTS } from '../../src/model/theme-assessment.js';
import type { Assessment } from '../../src/model/theme-assessment.js';
import { msg } from './messages.js';

/** Pattern ids (ids are scoped to the element's shadow root). */
const HATCH = 'kb-seven-themes-hatch';

/** Patterns that make the status readable without colour: under way is hatched. */
export function renderDefs(): SVGTemplateResult {
  return svg`<defs>
    <pattern id=${HATCH} width="12" height="12" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="5" height="12" class="hatch-stripe"></rect>
    </pattern>
  </defs>`;
}

/** The status icon centred at (x, y): an empty ring, a half-filled ring, a ticked disc. */
export function statusIcon(status: Assessment, x: number, y: number, r = 9): SVGTemplateResult {
  const ring = svg`<circle class="icon-ring" cx=${x} cy=${y} r=${r}></circle>`;
  if (status === 'not-started') return svg`<g class="icon" aria-hidden="true">${ring}</g>`;
  if (status === 'under-way') {
    return svg`<g class="icon" aria-hidden="true">${ring}<path class="icon-fill" d=${`M${x} ${y - r} A${r} ${r} 0 0 0 ${x} ${y + r} Z`}></path></g>`;
  }
  const tick = `M${x - r * 0.5} ${y} l${r * 0.35} ${r * 0.38} l${r * 0.65} ${-r * 0.72}`;
  return svg`<g class="icon" aria-hidden="true"><circle class="icon-fill" cx=${x} cy=${y} r=${r}></circle><path class="icon-tick" d=${tick}></path></g>`;
}

export interface PieceView {
  piece: PieceLayout;
  criterion: Criterion;
  status: Assessment;
  noteCount: number;
  locale: Locale;
}

/**
 * A piece's shape with its number and name: what its accessible name says (label in name,
 * WCAG 2.5.3, holds however much of the piece is on screen).
 */
export function renderPieceBody({ piece, criterion, status, locale }: PieceView): SVGTemplateResult {
  const { number: n, label } = piece;
  return svg`
    <path class="fill" data-status=${status} d=${piece.path}></path>
    ${status === 'under-way' ? svg`<path class="hatch" d=${piece.path} fill=${`url(#${HATCH})`}></path>` : nothing}
    <path class="outline" d=${piece.path}></path>
    <circle class="number-disc" cx=${n.x} cy=${n.y} r=${n.r} style=${`fill: ${criterion.color}`}></circle>
    <text class="number" x=${n.x} y=${n.y} aria-hidden="true">${criterion.number}</text>
    <foreignObject x=${label.x} y=${label.y} width=${label.w} height=${label.h} aria-hidden="true">
      ${html`<div class="name" lang=${locale}>${criterion.name[locale]}</div>`}
    </foreignObject>
  `;
}

/**
 * A piece's status and notes count, drawn over it but outside its focusable group (they are its
 * description, not its name), and letting the pointer through to the piece.
 */
export function renderPieceMarks({ piece, status, noteCount }: PieceView): SVGTemplateResult {
  const { badge, status: box } = piece;
  return svg`<g class="marks" aria-hidden="true">
    ${statusIcon(status, box.x + 10, box.y + box.h / 2)}
    <text class="status-text" x=${box.x + 26} y=${box.y + box.h / 2}>${msg(`status.${status}`)}</text>
    <g class="badge" part="badge" data-count=${noteCount}>
      <circle cx=${badge.x} cy=${badge.y} r=${badge.r}></circle>
      <text x=${badge.x} y=${badge.y}>${noteCount}</text>
    </g>
  </g>`;
}

/** The title and legend cell. */
export function renderLegend(legend: LegendLayout, locale: Locale): SVGTemplateResult {
  const { title, rows, hint } = legend;
  return svg`<g class="legend" part="legend">
    <foreignObject x=${title.x} y=${title.y} width=${title.w} height=${title.h}>
      ${html`<h2 class="legend-title" lang=${locale}>${msg('title')}</h2>`}
    </foreignObject>
    <g role="list" aria-label=${msg('legend')}>
      ${ASSESSMENTS.map((status, i) => {
        const row = rows[i];
        if (row === undefined) return nothing;
        const { swatch, text } = row;
        return svg`<g role="listitem" aria-label=${msg(`status.${status}`)} data-status=${status}>
          <rect class="fill" data-status=${status} x=${swatch.x} y=${swatch.y} width=${swatch.w} height=${swatch.h} rx="4"></rect>
          ${status === 'under-way' ? svg`<rect class="hatch" x=${swatch.x} y=${swatch.y} width=${swatch.w} height=${swatch.h} rx="4" fill=${`url(#${HATCH})`}></rect>` : nothing}
          <rect class="outline" x=${swatch.x} y=${swatch.y} width=${swatch.w} height=${swatch.h} rx="4"></rect>
          ${statusIcon(status, swatch.x + swatch.w / 2, swatch.y + swatch.h / 2, 7)}
          <text class="legend-text" x=${text.x} y=${text.y + text.h / 2} aria-hidden="true">${msg(`status.${status}`)}</text>
        </g>`;
      })}
    </g>
    <foreignObject x=${hint.x} y=${hint.y} width=${hint.w} height=${hint.h}>
      ${html`<p class="legend-hint" lang=${locale}>${msg('hint')}</p>`}
    </foreignObject>
  </g>`;
}

/** A peer's in-flight piece: a translucent outline at the offset, with the peer's name. */
export function renderGhost(piece: PieceLayout, dx: number, dy: number, name: string, color: string): SVGTemplateResult {
  const { label } = piece;
  return svg`<g class="ghost" style=${`transform: translate(${dx}px, ${dy}px)`} aria-hidden="true">
    <path d=${piece.path} style=${`stroke: ${color}`}></path>
    <text class="ghost-name" x=${label.x + label.w / 2} y=${label.y + label.h / 2} style=${`fill: ${color}`}>${name}</text>
  </g>`;
}
