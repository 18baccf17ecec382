/** Posts in flight: my own drag's ghost and peers' drags of this wall's posts (from presence). */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Rect } from '../../src/layout/rect.js';
import type { Presence } from '../../src/sync/presence.js';
import { msg } from './messages.js';
import type { WallPost } from '../../src/kinds/reflection-wall/records.js';

/** Widget geometry: where the wall sits on the board, and its size in board units. */
export interface Placement {
  x: number;
  y: number;
  /** Board units per layout unit. */
  kx: number;
  ky: number;
}

export interface PeerGhost {
  key: string;
  name: string;
  color: string;
  post: WallPost;
  rect: Rect;
  target: string | undefined;
}

/** Peers' in-flight drags of `posts`, in layout units. */
export function peerGhosts(
  presence: Presence | null,
  posts: ReadonlyMap<string, { post: WallPost; slot: Rect }>,
  at: Placement,
): PeerGhost[] {
  if (presence === null) return [];
  const out: PeerGhost[] = [];
  for (const peer of presence.peers()) {
    for (const d of peer.drags) {
      const found = posts.get(d.itemId);
      if (found === undefined) continue;
      out.push({
        key: `${peer.clientId}:${d.itemId}`,
        name: peer.user.name,
        color: peer.user.color,
        post: found.post,
        rect: { x: (d.x - at.x) / at.kx, y: (d.y - at.y) / at.ky, w: found.slot.w, h: found.slot.h },
        target: d.target,
      });
    }
  }
  return out;
}

function box(r: Rect): Record<string, string> {
  return { left: `${r.x}px`, top: `${r.y}px`, width: `${r.w}px`, height: `${r.h}px` };
}

export function renderPeerGhost(g: PeerGhost): TemplateResult {
  return html`<div
    class="ghost peer"
    part="ghost peer-ghost"
    aria-hidden="true"
    data-ghost-of=${g.post.item.id}
    style=${styleMap({ ...box(g.rect), '--peer-color': g.color })}
  ><span class="ghost-name">${msg('peerMoving', { name: g.name })}</span>${g.post.item.props.text}</div>`;
}

export function renderOwnGhost(post: WallPost, r: Rect): TemplateResult {
  return html`<div class="ghost" part="ghost" aria-hidden="true" style=${styleMap(box(r))}>${post.item.props.text}</div>`;
}
