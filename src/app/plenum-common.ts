/**
 * What the plenum page and its parts share: the "live" choice beside the snapshot sets, a
 * group as shown (its board, or none in that set), a set's label, the set options of a
 * select, and a board drawn bare (or "no board in this set").
 */
import { html, type TemplateResult } from 'lit';
import { getLocale } from '../i18n/index.js';
import type { Board } from '../model/index.js';
import type { SnapshotSetView } from '../workshop/api.js';
import '../canvas/board-element.js';
import { m } from './facilitator-messages.js';

/** The live boards, offered beside the snapshot sets. */
export const LIVE = 'live';

/** One group's board as the plenum shows it (null: the set holds no board of that group). */
export interface Shown {
  number: number;
  name: string;
  board: Board | null;
}

/** A set's name, with the time it was taken unless the name already says it. */
export function setLabel(s: SnapshotSetView): string {
  const d = new Date(s.createdAt);
  const hhmm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  if (s.name.includes(hhmm)) return s.name;
  return `${s.name} (${d.toLocaleTimeString(getLocale() === 'da' ? 'da-DK' : 'en-GB', { hour: '2-digit', minute: '2-digit' })})`;
}

/** The `<option>`s of a set select: every set, then live. */
export function renderSetOptions(sets: readonly SnapshotSetView[], selected: string): TemplateResult {
  return html`${sets.map((s) => html`<option value=${s.id} ?selected=${s.id === selected}>${setLabel(s)}</option>`)}
    <option value=${LIVE} ?selected=${selected === LIVE}>${m('plenum.live')}</option>`;
}

/** A board for looking at (read only, no chrome), or the hint that there is none. */
export function renderBoard(board: Board | null): TemplateResult {
  return board ? html`<kb-board .board=${board} readonly .chrome=${false}></kb-board>` : html`<p class="hint no-board">${m('plenum.noBoard')}</p>`;
}
