/** One post card of the wall: text, author, like, "Move to …" and (own posts) delete. */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Rect } from '../../src/layout/rect.js';
import { msg } from './messages.js';
import { place } from './view.js';
import type { WallView } from './view.js';
import type { WallColumn, WallPost } from '../../src/kinds/reflection-wall/records.js';

/** A column's display title (a placeholder when it is empty). */
export function columnTitle(column: WallColumn): string {
  return column.item.props.title.trim() || msg('untitled');
}

export function renderPost(view: WallView, column: WallColumn, post: WallPost, slot: Rect, area: Rect): TemplateResult {
  const id = post.item.id;
  const author = post.item.props.author || msg('anonymousAuthor');
  const menuOpen = view.menuFor === id;
  const locked = view.lockedBy || nothing;
  return html`<li
    class=${classMap({ post: true, abs: true, lifted: view.draggingId === id, 'menu-open': menuOpen })}
    part="post"
    data-item-id=${id}
    style=${styleMap(place(slot, area))}
    @pointerdown=${(e: PointerEvent) => view.onPostPointerDown(id, e)}
  >
    <p class="post-text" part="post-text">${post.item.props.text}</p>
    <div class="meta">
      <span class="author" part="post-author" title=${author}>${author}</span>
      <button
        class="like"
        part="like-button"
        aria-pressed=${post.liked ? 'true' : 'false'}
        aria-label=${msg('likeLabel', { count: post.likes })}
        aria-describedby=${locked}
        title=${msg('likeLabel', { count: post.likes })}
        ?disabled=${view.readonly}
        @click=${() => view.onLike(post)}
      ><span aria-hidden="true">♥</span> <span class="like-count">${post.likes}</span></button>
      <button
        class="move"
        part="move-button"
        aria-label=${msg('moveLabel')}
        aria-describedby=${locked}
        title=${msg('moveLabel')}
        aria-expanded=${menuOpen ? 'true' : 'false'}
        aria-controls=${menuOpen ? `menu-${id}` : nothing}
        ?disabled=${view.readonly}
        @click=${() => view.onToggleMenu(id)}
      ><span aria-hidden="true">⇄</span></button>
      ${post.mine
        ? html`<button
            class="delete-post"
            part="delete-button"
            aria-label=${msg('deletePost')}
            aria-describedby=${locked}
            title=${msg('deletePost')}
            ?disabled=${view.readonly}
            @click=${() => view.onDeletePost(id)}
          ><span aria-hidden="true">✕</span></button>`
        : nothing}
    </div>
    ${menuOpen && !view.readonly ? renderMoveMenu(view, column, id, slot.y + slot.h / 2 > area.y + area.h / 2) : nothing}
  </li>`;
}

function renderMoveMenu(view: WallView, current: WallColumn, postId: string, above: boolean): TemplateResult {
  const others = view.columns.filter((c) => c.item.id !== current.item.id);
  return html`<div
    id=${`menu-${postId}`}
    class=${classMap({ menu: true, above, below: !above })}
    part="move-menu"
    role="group"
    aria-label=${msg('moveLabel')}
    @keydown=${(e: KeyboardEvent) => view.onMenuKey(postId, e)}
    @pointerdown=${(e: PointerEvent) => e.stopPropagation()}
  >
    ${others.length === 0
      ? html`<p class="note">${msg('noOtherColumns')}</p>`
      : others.map(
          (c) => html`<button class="move-to" data-column=${c.item.id} @click=${() => view.onMove(postId, c.item.id)}>
            ${msg('moveTo', { title: columnTitle(c) })}
          </button>`,
        )}
    <button class="close-menu small" @click=${() => view.onToggleMenu(postId)}>${msg('closeMenu')}</button>
  </div>`;
}
