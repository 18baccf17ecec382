/**
 * `<kb-people>`: who is on the board now, each with a "follow" button.
 *
 * @event kb-follow - detail `{ clientId: number | null }`: follow that participant (null: stop).
 * @csspart list - the list of people.
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { t } from '../i18n/index.js';
import { LocaleController } from '../i18n/lit.js';
import type { Peer, User } from '../sync/presence.js';

@customElement('kb-people')
export class KbPeople extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-size: 14px;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    li {
      display: flex;
      align-items: center;
      gap: 6px;
    }
    .avatar {
      width: 26px;
      height: 26px;
      border-radius: 50%;
      color: #fff;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      font-weight: 600;
      flex: none;
    }
    .name {
      flex: 1;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      max-width: 140px;
    }
    button {
      font: inherit;
      font-size: 13px;
      padding: 2px 10px;
      min-height: 44px;
      min-width: 44px;
      border-radius: 6px;
      border: 1px solid var(--kb-border-strong, #6b7280);
      background: var(--kb-surface, #fff);
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: var(--kb-accent-soft, #dbe7f7);
    }
    h2 {
      font-size: 14px;
      margin: 0 0 6px;
    }
  `;

  @property({ attribute: false }) self: User | null = null;
  @property({ attribute: false }) peers: Peer[] = [];
  @property({ attribute: false }) following: number | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  #follow(clientId: number | null): void {
    this.dispatchEvent(new CustomEvent('kb-follow', { detail: { clientId }, bubbles: true, composed: true }));
  }

  override render() {
    const count = this.peers.length + (this.self ? 1 : 0);
    return html`<h2>${t('board.here', { count })}</h2>
      <ul part="list">
        ${this.self ? html`<li><span class="avatar" style="background:${this.self.color}" aria-hidden="true">${initial(this.self.name)}</span><span class="name">${this.self.name}</span></li>` : ''}
        ${this.peers.map(
          (p) => html`<li data-client-id=${p.clientId}>
            <span class="avatar" style="background:${p.user.color}" aria-hidden="true">${initial(p.user.name)}</span>
            <span class="name">${p.user.name}</span>
            <button
              aria-pressed=${this.following === p.clientId ? 'true' : 'false'}
              aria-label=${this.following === p.clientId ? t('board.unfollow') : t('board.follow', { name: p.user.name })}
              @click=${() => this.#follow(this.following === p.clientId ? null : p.clientId)}
            >
              ${this.following === p.clientId ? t('board.unfollow') : t('board.follow', { name: '' }).trim()}
            </button>
          </li>`,
        )}
      </ul>`;
  }
}

function initial(name: string): string {
  return [...name.trim()][0]?.toUpperCase() ?? '?';
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-people': KbPeople;
  }
}
