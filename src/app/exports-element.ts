/**
 * `<kb-exports>`: download buttons for the workshop's exports (JSON, CSV, Markdown, PDF) and
 * each group's (SVG, PNG, Word). The export needs the Authorization header, so it is fetched
 * as a blob and handed to the browser as a download; a status line says what is happening.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LocaleController } from '../i18n/lit.js';
import type { ExportFormat } from '../workshop/api.js';
import { errorMessage, type WorkshopApi } from './api-client.js';
import { m } from './facilitator-messages.js';
import { pageStyles } from './page-styles.js';

export const WORKSHOP_FORMATS: ExportFormat[] = ['json', 'csv', 'md', 'pdf'];
export const GROUP_FORMATS: ExportFormat[] = ['svg', 'png', 'docx'];

function safeName(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .slice(0, 60) || 'kaedeboard'
  );
}

/** Hands a blob to the browser as a download named `filename`. */
export function saveBlob(blob: Blob, filename: string, root: ParentNode & Node = document.body): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  root.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

@customElement('kb-exports')
export class KbExports extends LitElement {
  static override styles = [
    pageStyles,
    css`
      button {
        min-height: 40px;
        padding: 6px 14px;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
        display: flex;
        flex-direction: column;
        gap: 10px;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      li .who {
        min-width: 10rem;
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) api: WorkshopApi | null = null;
  @property() workshopId = '';
  @property() workshopTitle = '';
  @property({ attribute: false }) groups: { number: number; name: string }[] = [];
  /** A snapshot set to export instead of the live boards. */
  @property() snapshot: string | undefined = undefined;
  @state() private status = '';
  @state() private failed = false;
  @state() private busy = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  async #download(format: ExportFormat, group?: { number: number; name: string }): Promise<void> {
    if (!this.api || this.busy) return;
    const base = safeName(this.workshopTitle) + (group ? `-${safeName(group.name)}` : '');
    const fallback = `${base}.${format}`;
    this.busy = true;
    this.failed = false;
    this.status = m('export.fetching', { file: fallback });
    try {
      const opts = { snapshot: this.snapshot, group: group?.number };
      // The workshop PDF draws every board: show how far it has come.
      const file =
        format === 'pdf'
          ? await this.api.downloadWithProgress(this.workshopId, format, opts, (done, total) => (this.status = m('export.progress', { file: fallback, done, total })), fallback)
          : await this.api.download(this.workshopId, format, opts, fallback);
      saveBlob(file.blob, file.filename, this.renderRoot);
      this.status = m('export.done', { file: file.filename });
    } catch (err) {
      this.failed = true;
      this.status = errorMessage(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<ul>
        <li data-export="workshop">
          <span class="who">${m('export.workshop')}</span>
          ${WORKSHOP_FORMATS.map((f) => html`<button type="button" class="secondary" data-format=${f} ?disabled=${this.busy} @click=${() => void this.#download(f)}>${m(`export.${f}`)}</button>`)}
        </li>
        ${this.groups.map(
          (g) => html`<li data-export-group=${g.number}>
            <span class="who">${g.name}</span>
            ${GROUP_FORMATS.map((f) => html`<button type="button" class="secondary" data-format=${f} ?disabled=${this.busy} @click=${() => void this.#download(f, g)}>${m(`export.${f}`)}</button>`)}
          </li>`,
        )}
      </ul>
      <p role="status" class=${this.failed ? 'error' : 'hint'}>${this.status || nothing}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-exports': KbExports;
  }
}
