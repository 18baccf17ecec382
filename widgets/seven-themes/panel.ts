/** The detail panel of one criterion: its text, the assessment control and the group's notes. */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Criterion } from '../../src/content/criteria.js';
import type { Locale } from '../../src/i18n/index.js';
import { ASSESSMENTS } from '../../src/model/theme-assessment.js';
import type { Assessment } from '../../src/model/theme-assessment.js';
import { MAX_THEME_NOTE } from '../../src/model/theme-note.js';
import { msg } from './messages.js';
import { statusIcon } from './piece.js';
import type { ThemeNote } from '../../src/kinds/seven-themes/records.js';

export interface PanelView {
  /** The half of the puzzle it covers. */
  side: 'start' | 'end';
  criterion: Criterion;
  locale: Locale;
  status: Assessment;
  notes: ThemeNote[];
  readonly: boolean;
  draft: string;
  anonymous: boolean;
  announcement: string;
  isOwn(note: ThemeNote): boolean;
  onStatus(status: Assessment): void;
  onDraft(text: string): void;
  onAnonymous(on: boolean): void;
  onSubmit(): void;
  onDelete(note: ThemeNote): void;
  onClose(): void;
  onKeydown(e: KeyboardEvent): void;
}

const LOCKED_ID = 'panel-locked';

export function renderPanel(v: PanelView): TemplateResult {
  const { criterion: c, locale, readonly } = v;
  const describedBy = readonly ? LOCKED_ID : nothing;
  const name = c.name[locale];
  return html`<section
    class="panel ${v.side}"
    part="panel"
    role="dialog"
    aria-labelledby="panel-title"
    aria-describedby="panel-text"
    data-criterion=${c.number}
    @keydown=${v.onKeydown}
  >
    <header class="panel-head">
      <span class="panel-number" style=${`background: ${c.color}`} aria-hidden="true">${c.number}</span>
      <div class="panel-titles">
        <p class="panel-kicker">${msg('criterion', { number: c.number })}</p>
        <h2 id="panel-title" tabindex="-1" lang=${locale}>${name}</h2>
      </div>
      <button class="close" part="close" type="button" aria-label=${msg('closeLabel', { number: c.number })} @click=${v.onClose}>
        ${msg('close')}
      </button>
    </header>
    <p id="panel-text" class="panel-text" lang=${locale}>${c.text[locale]}</p>
    ${readonly ? html`<p id=${LOCKED_ID} class="locked" role="note">${msg('locked')}</p>` : nothing}

    <div class="assessment" role="group" aria-labelledby="assessment-label">
      <p id="assessment-label" class="section-label">${msg('assessment')}</p>
      <div class="assessment-buttons">
        ${ASSESSMENTS.map(
          (s) => html`<button
            type="button"
            part="assessment-button"
            data-status=${s}
            aria-pressed=${v.status === s ? 'true' : 'false'}
            ?disabled=${readonly}
            aria-describedby=${describedBy}
            @click=${() => v.onStatus(s)}
          >
            <svg class="button-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">${statusIcon(s, 12, 12, 9)}</svg>
            <span>${msg(`status.${s}`)}</span>
          </button>`,
        )}
      </div>
    </div>

    <h3 class="section-label" id="notes-label">${msg('notes', { count: v.notes.length })}</h3>
    ${v.notes.length === 0
      ? html`<p class="empty">${msg('noNotes')}</p>`
      : html`<ul class="notes" aria-labelledby="notes-label">
          ${v.notes.map(
            (note) => html`<li class="note" part="note" data-item-id=${note.id}>
              <p class="note-text">${note.props.text}</p>
              <p class="note-author">
                ${note.props.author ? msg('by', { name: note.props.author }) : msg('noName')}
              </p>
              ${v.isOwn(note)
                ? html`<button
                    type="button"
                    class="delete"
                    ?disabled=${readonly}
                    aria-describedby=${describedBy}
                    aria-label=${msg('deleteLabel', { text: note.props.text.slice(0, 60) })}
                    @click=${() => v.onDelete(note)}
                  >
                    ${msg('delete')}
                  </button>`
                : nothing}
            </li>`,
          )}
        </ul>`}

    <form
      class="add"
      @submit=${(e: Event) => {
        e.preventDefault();
        v.onSubmit();
      }}
    >
      <label for="note-text">${msg('newNote')}</label>
      <textarea
        id="note-text"
        rows="3"
        maxlength=${MAX_THEME_NOTE}
        .value=${v.draft}
        ?disabled=${readonly}
        aria-describedby=${describedBy}
        @input=${(e: Event) => v.onDraft((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <div class="add-row">
        <label class="check">
          <input
            type="checkbox"
            .checked=${v.anonymous}
            ?disabled=${readonly}
            @change=${(e: Event) => v.onAnonymous((e.target as HTMLInputElement).checked)}
          />
          ${msg('anonymous')}
        </label>
        <button type="submit" class="add-button" ?disabled=${readonly || v.draft.trim() === ''} aria-describedby=${describedBy}>
          ${msg('add')}
        </button>
      </div>
    </form>
    <p class="visually-hidden" role="status" aria-live="polite">${v.announcement}</p>
  </section>`;
}
