/** One column of the wall: header (title, questions, edit), composer, and its posts. */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Rect } from '../../src/layout/rect.js';
import { msg } from './messages.js';
import { columnTitle, renderPost } from './render-post.js';
import { place } from './view.js';
import type { ColumnEdit, WallView } from './view.js';
import { MAX_COLUMN_TITLE, MAX_POST, MAX_QUESTIONS } from '../../src/kinds/reflection-wall/records.js';
import type { WallColumn } from '../../src/kinds/reflection-wall/records.js';

export interface ColumnRects {
  column: Rect;
  header: Rect;
  composer: Rect;
  posts: Rect;
}

export function renderColumn(view: WallView, column: WallColumn, index: number, rects: ColumnRects): TemplateResult {
  const id = column.item.id;
  const edit = view.edits.editing?.id === id ? view.edits.editing : null;
  const slots = view.slots(index);
  return html`<section
    class=${classMap({
      column: true,
      abs: true,
      'drop-target': view.dropTarget === id,
      'peer-target': view.peerTargets.has(id) && view.dropTarget !== id,
    })}
    part="column"
    data-item-id=${id}
    aria-labelledby=${`title-${id}`}
    style=${styleMap(place(rects.column))}
  >
    <div class="header abs" part="column-header" style=${styleMap(place(rects.header, rects.column))}>
      ${edit === null ? renderHeading(view, column) : renderEditor(view, column, edit)}
    </div>
    ${renderComposer(view, column, rects)}
    <ol class="posts abs" aria-label=${msg('postsOf', { title: columnTitle(column) })} style=${styleMap(place(rects.posts, rects.column))}>
      ${repeat(
        column.posts,
        (p) => p.item.id,
        (p, i) => renderPost(view, column, p, slots[i] as Rect, rects.posts),
      )}
    </ol>
    ${column.posts.length === 0
      ? html`<p class="empty abs" style=${styleMap({ left: `${rects.posts.x - rects.column.x}px`, top: `${rects.posts.y - rects.column.y}px` })}>
          ${msg('noPosts')}
        </p>`
      : nothing}
  </section>`;
}

function renderHeading(view: WallView, column: WallColumn): TemplateResult {
  const id = column.item.id;
  const title = columnTitle(column);
  const questions = column.item.props.questions.split('\n').map((q) => q.trim()).filter((q) => q !== '');
  const locked = view.lockedBy || nothing;
  return html`<div class="title-row">
      <h3 id=${`title-${id}`} class="title" part="column-title">${title}</h3>
      <button
        class="edit small"
        part="edit-button"
        aria-label=${msg('editColumn', { title })}
        aria-describedby=${locked}
        ?disabled=${view.readonly}
        @click=${() => view.edits.start(column)}
      >${msg('edit')}</button>
      ${column.posts.length === 0
        ? html`<button
            class="delete-column small"
            aria-label=${msg('deleteColumnLabel', { title })}
            aria-describedby=${locked}
            ?disabled=${view.readonly}
            @click=${() => view.onDeleteColumn(id)}
          >${msg('deleteColumn')}</button>`
        : nothing}
    </div>
    <ul class="questions" part="questions">
      ${questions.map((q) => html`<li>${q}</li>`)}
    </ul>`;
}

function renderEditor(view: WallView, column: WallColumn, edit: ColumnEdit): TemplateResult {
  const id = column.item.id;
  return html`<h3 id=${`title-${id}`} class="visually-hidden">${columnTitle(column)}</h3>
    <label class="field">
      ${msg('titleLabel')}
      <input
        class="edit-title"
        .value=${live(edit.title)}
        aria-invalid=${edit.error !== null && edit.error !== 'questions' ? 'true' : 'false'}
        aria-describedby=${`edit-error-${id}`}
        @input=${(e: Event) => view.edits.input('title', e)}
        @keydown=${(e: KeyboardEvent) => view.edits.keydown(e)}
      />
    </label>
    <label class="field">
      ${msg('questionsLabel')}
      <textarea
        class="edit-questions"
        .value=${live(edit.questions)}
        aria-invalid=${edit.error === 'questions' ? 'true' : 'false'}
        aria-describedby=${`edit-error-${id}`}
        @input=${(e: Event) => view.edits.input('questions', e)}
        @keydown=${(e: KeyboardEvent) => view.edits.keydown(e)}
      ></textarea>
    </label>
    <p id=${`edit-error-${id}`} class="error" role="alert">${editError(edit)}</p>
    <div class="row">
      <button class="save small" part="save-button" @click=${() => view.edits.save()}>${msg('save')}</button>
      <button class="cancel small" @click=${() => view.edits.cancel()}>${msg('cancel')}</button>
    </div>`;
}

/** The message for an edit's problem, re-translated on a language change. */
function editError(edit: ColumnEdit): string {
  switch (edit.error) {
    case 'title-required':
      return msg('titleRequired');
    case 'title-too-long':
      return msg('titleTooLong', { max: MAX_COLUMN_TITLE, length: edit.title.trim().length });
    case 'questions':
      return msg('questionsTooLong', { max: MAX_QUESTIONS, length: edit.questions.length });
    default:
      return '';
  }
}

function renderComposer(view: WallView, column: WallColumn, rects: ColumnRects): TemplateResult {
  const id = column.item.id;
  const draft = view.draft(id);
  const length = draft.text.trim().length;
  const error = draft.error === 'empty' ? msg('emptyText') : draft.error === 'too-long' ? msg('tooLong', { length, max: MAX_POST }) : '';
  const describedBy = [`count-${id}`, `hint-${id}`, `error-${id}`, view.lockedBy].filter((s) => s !== '').join(' ');
  return html`<div class="composer abs" part="composer" style=${styleMap(place(rects.composer, rects.column))}>
    <label class="visually-hidden" for=${`answer-${id}`}>${msg('answerLabel', { title: columnTitle(column) })}</label>
    <textarea
      id=${`answer-${id}`}
      class="answer"
      part="answer"
      placeholder=${msg('placeholder')}
      aria-invalid=${error !== '' ? 'true' : 'false'}
      aria-describedby=${describedBy}
      aria-keyshortcuts="Control+Enter Meta+Enter"
      ?disabled=${view.readonly}
      .value=${live(draft.text)}
      @input=${(e: Event) => view.onDraftInput(id, e)}
      @keydown=${(e: KeyboardEvent) => view.onComposerKey(id, e)}
    ></textarea>
    <span id=${`hint-${id}`} class="visually-hidden">${msg('postHint')}</span>
    <div class="row">
      <label class="anon">
        <input
          type="checkbox"
          class="anonymous"
          .checked=${live(draft.anonymous)}
          ?disabled=${view.readonly}
          @change=${(e: Event) => view.onAnonymous(id, e)}
        />
        ${msg('anonymous')}
      </label>
      <span id=${`count-${id}`} class=${classMap({ counter: true, over: length > MAX_POST })}>
        ${msg('counter', { length, max: MAX_POST })}
      </span>
      <button
        class="post-button"
        part="post-button"
        aria-describedby=${view.lockedBy || nothing}
        ?disabled=${view.readonly}
        @click=${() => view.onPost(id)}
      >${msg('post')}</button>
    </div>
    <p id=${`error-${id}`} class="error" role="alert">${error}</p>
  </div>`;
}
