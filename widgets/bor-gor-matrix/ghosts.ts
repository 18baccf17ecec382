/**
 * Peers' in-flight drags of this widget's notes, as translucent ghosts with the peer's name,
 * and the conversion between widget-local units and board coordinates.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { BOR_GOR_SIZE } from '../../src/kinds/bor-gor-matrix/layout.js';
import type { MatrixField } from '../../src/kinds/bor-gor-matrix/layout.js';
import type { Rect } from '../../src/layout/rect.js';
import type { Geometry } from '../../src/model/index.js';
import type { Peer } from '../../src/sync/presence.js';
import { box } from './note-view.js';
import type { MatrixNote } from '../../src/kinds/bor-gor-matrix/records.js';

/** Board units per layout unit (the widget may be placed larger or smaller than its natural size). */
export function boardScale(g: Pick<Geometry, 'w'> | undefined): number {
  return g && g.w > 0 ? g.w / BOR_GOR_SIZE.w : 1;
}

export function toBoard(g: Geometry | undefined, x: number, y: number): { x: number; y: number } {
  const s = boardScale(g);
  return { x: (g?.x ?? 0) + x * s, y: (g?.y ?? 0) + y * s };
}

export function fromBoard(g: Geometry | undefined, x: number, y: number): { x: number; y: number } {
  const s = boardScale(g);
  return { x: (x - (g?.x ?? 0)) / s, y: (y - (g?.y ?? 0)) / s };
}

export interface Ghost {
  key: string;
  note: MatrixNote;
  rect: Rect;
  name: string;
  color: string;
  target: MatrixField | null;
}

const FIELD_IDS = new Set<string>(['bor-gor', 'bor-ikke-gor', 'gor-ikke-bor', 'hverken']);

/** Ghosts for peers' drags of notes in `notes` (by id), sized like the note's slot. */
export function peerGhosts(
  peers: readonly Peer[],
  g: Geometry | undefined,
  notes: ReadonlyMap<string, { note: MatrixNote; slot: Rect }>,
): Ghost[] {
  const out: Ghost[] = [];
  for (const peer of peers) {
    for (const d of peer.drags) {
      const hit = notes.get(d.itemId);
      if (!hit) continue;
      const p = fromBoard(g, d.x, d.y);
      out.push({
        key: `${peer.clientId}:${d.itemId}`,
        note: hit.note,
        rect: { x: p.x, y: p.y, w: hit.slot.w, h: hit.slot.h },
        name: peer.user.name,
        color: peer.user.color,
        target: d.target !== undefined && FIELD_IDS.has(d.target) ? (d.target as MatrixField) : null,
      });
    }
  }
  return out;
}

export function renderGhost(ghost: Ghost): TemplateResult | typeof nothing {
  const { rect } = ghost;
  if (![rect.x, rect.y].every(Number.isFinite)) return nothing;
  return html`<div
      class="ghost color-${ghost.note.props.color}"
      part="ghost"
      data-ghost-of=${ghost.note.id}
      aria-hidden="true"
      style="${box(rect)}--peer-color:${ghost.color}"
    >
      ${ghost.note.props.text}
    </div>
    <div class="ghost-name" aria-hidden="true" style="${box({ ...rect, y: rect.y - 20, h: 18, w: 0 })}width:auto;--peer-color:${ghost.color}">
      ${ghost.name}
    </div>`;
}
