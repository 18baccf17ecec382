/**
 * The plenum's synthesis drawn: one template per section of src/workshop/synthesis.ts (the
 * criteria matrix, the gathered Bør/Gør notes, the card ranking with a group's profile beside
 * it, the wall's answers). Pure render functions: `<kb-plenum-synthesis>` holds the synthesis
 * and what is chosen, and uses the same templates for a section on the page and as a slide.
 * Every figure carries a data attribute (`data-notes`, `data-count`, …) that the tests read.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { COLUMN_TITLES, COMPETENCE_COLUMNS } from '../content/competences.js';
import { CRITERIA } from '../content/criteria.js';
import { MATRIX_FIELDS } from '../content/matrix.js';
import { getLocale } from '../i18n/index.js';
import { msg as renderMsg } from '../render/messages.js';
import { STATUS_FILL } from '../render/tokens.js';
import type { Synthesis } from '../workshop/synthesis.js';
import { notesText, sm } from '../workshop/synthesis-messages.js';
import { pm } from './plenum-messages.js';

/** A cell of the criteria matrix: group number and criterion. */
export interface CellChoice {
  group: number;
  criterion: number;
}

const names = (s: Synthesis, groups: readonly number[]): string => groups.map((n) => s.groups.find((g) => g.number === n)?.name ?? String(n)).join(', ');
const criterionName = (n: number): string => CRITERIA.find((c) => c.number === n)?.name[getLocale()] ?? String(n);
const chip = (n: number): TemplateResult =>
  n === 0 ? html`<span class="chip untagged" aria-hidden="true">–</span>` : html`<span class="chip" style=${styleMap({ background: CRITERIA.find((c) => c.number === n)?.color ?? '#ccc' })} aria-hidden="true">${n}</span>`;

export function renderProblems(s: Synthesis): TemplateResult {
  const bad = s.groups.filter((g) => g.unreadable > 0);
  return bad.length === 0 ? html`${nothing}` : html`<ul class="problems">${bad.map((g) => html`<li class="notice" data-group=${g.number}>${sm('problems', { count: g.unreadable, group: g.name })}</li>`)}</ul>`;
}

export function renderCriteria(s: Synthesis, chosen: CellChoice | null, choose: (c: CellChoice | null) => void): TemplateResult {
  const c = s.sections['seven-themes'];
  const index = c.groups.map((n) => s.groups.findIndex((g) => g.number === n));
  const cell = chosen ? c.rows.find((r) => r.criterion === chosen.criterion)?.cells[s.groups.findIndex((g) => g.number === chosen.group)] : null;
  return html`<p class="hint">${sm('criteriaHint')}</p>
    <div class="table-box">
      <table class="criteria">
        <thead>
          <tr>
            <th scope="col">${sm('criterion')}</th>
            ${c.groups.map((n) => html`<th scope="col">${names(s, [n])}</th>`)}
            <th scope="col">${sm('total')}</th>
          </tr>
        </thead>
        <tbody>
          ${c.rows.map(
            (r) => html`<tr data-criterion=${r.criterion}>
              <th scope="row">${chip(r.criterion)} ${criterionName(r.criterion)}</th>
              ${index.map((i) => {
                const x = r.cells[i];
                if (!x) return html`<td>–</td>`;
                const status = renderMsg(`status.${x.status}`);
                const group = names(s, [x.group]);
                const pressed = chosen?.group === x.group && chosen.criterion === r.criterion;
                return html`<td data-group=${x.group} data-status=${x.status} data-notes=${x.notes.length} style=${styleMap({ background: STATUS_FILL[x.status] })}>
                  <button type="button" class="cell" aria-pressed=${pressed ? 'true' : 'false'} @click=${() => choose(pressed ? null : { group: x.group, criterion: r.criterion })}>
                    <span class="visually-hidden">${pm('synthesis.cellOf', { group, criterion: r.criterion })}</span>
                    <span class="status">${status}</span> <span class="n">${notesText(x.notes.length)}</span>
                  </button>
                </td>`;
              })}
              <td class="total" data-notes=${r.notes} data-established=${r.byStatus.established} data-under-way=${r.byStatus['under-way']} data-not-started=${r.byStatus['not-started']}>
                ${notesText(r.notes)}<br /><span class="hint">${sm('statusCounts', { established: r.byStatus.established, underWay: r.byStatus['under-way'], notStarted: r.byStatus['not-started'] })}</span>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <p class="criteria-total" data-notes=${c.notes}>${sm('total')}: ${notesText(c.notes)}</p>
    ${chosen && cell
      ? html`<div class="cell-notes" role="region" aria-live="polite" aria-label=${pm('synthesis.cellNotes', { group: names(s, [chosen.group]), criterion: criterionName(chosen.criterion) })}>
          <div class="row spread">
            <h3>${chip(chosen.criterion)} ${pm('synthesis.cellNotes', { group: names(s, [chosen.group]), criterion: criterionName(chosen.criterion) })} – ${renderMsg(`status.${cell.status}`)}</h3>
            <button type="button" class="secondary" data-action="cell-close" @click=${() => choose(null)}>${pm('synthesis.cellClose')}</button>
          </div>
          ${cell.notes.length === 0
            ? html`<p class="hint">${pm('synthesis.noNotes')}</p>`
            : html`<ul>${cell.notes.map((n) => html`<li>${n.text}${n.author ? html` <span class="hint">– ${n.author}</span>` : nothing}</li>`)}</ul>`}
        </div>`
      : nothing}`;
}

export function renderMatrix(s: Synthesis): TemplateResult {
  const m = s.sections['bor-gor-matrix'];
  return html`<p class="hint">${sm('matrixHint')}</p>
    <div class="matrix-grid">
      ${m.fields.map((f) => {
        const info = MATRIX_FIELDS.find((x) => x.field === f.field);
        return html`<section class="field" data-field=${f.field} data-notes=${f.notes} aria-labelledby=${`field-${f.field}`}>
          <h3 id=${`field-${f.field}`}>${info?.title[getLocale()] ?? f.field}</h3>
          <p class="hint">${info?.question[getLocale()] ?? ''} · ${sm('fieldCount', { notes: f.notes, groups: f.groups.length })}</p>
          ${f.buckets.length === 0 ? html`<p class="hint">${sm('nothingYet')}</p>` : nothing}
          ${f.buckets.map(
            (b) => html`<h4 data-criterion=${b.criterion}>${chip(b.criterion)} ${b.criterion === 0 ? sm('untagged') : criterionName(b.criterion)}</h4>
              <ul class="notes">
                ${b.notes.map((n) => html`<li data-groups=${n.groups.join(',')} data-count=${n.count}><span class="text">${n.text}</span> <span class="groups">${names(s, n.groups)}${n.count > n.groups.length ? ` · ${n.count}` : ''}</span></li>`)}
              </ul>`,
          )}
        </section>`;
      })}
    </div>`;
}

export function renderCards(s: Synthesis, profileGroup: number | null, chooseGroup: (n: number | null) => void): TemplateResult {
  const r = s.sections['competence-profile'];
  const total = r.groups.length;
  const profile = profileGroup === null ? undefined : r.profiles.find((p) => p.group === profileGroup);
  const locale = getLocale();
  return html`<p class="hint">${sm('cardsHint')}</p>
    <div class="row">
      <label for="profile-group">${sm('compareProfile')}</label>
      <select id="profile-group" @change=${(e: Event) => chooseGroup((e.target as HTMLSelectElement).value ? Number((e.target as HTMLSelectElement).value) : null)}>
        <option value="" ?selected=${profileGroup === null}>${sm('noGroupProfile')}</option>
        ${r.groups.map((n) => html`<option value=${n} ?selected=${profileGroup === n}>${names(s, [n])}</option>`)}
      </select>
    </div>
    <div class="cards-layout ${profile ? 'with-profile' : ''}">
      <div class="ranking">
        ${COMPETENCE_COLUMNS.map(
          (column) => html`<section class="column" data-column=${column} aria-labelledby=${`col-${column}`}>
            <h3 id=${`col-${column}`}>${COLUMN_TITLES[column][locale]}</h3>
            <ol>
              ${r.columns[column].map(
                (card) => html`<li data-key=${card.key} data-count=${card.groups.length} class=${profile?.local[column].some((c) => c.key === card.key) ? 'in-profile' : ''}>
                  <span class="bar" style=${styleMap({ width: `${total === 0 ? 0 : (100 * card.groups.length) / total}%` })}></span>
                  <span class="text">${card.text}</span>
                  <span class="count">${sm('chosenBy', { count: card.groups.length, total })}</span>
                </li>`,
              )}
            </ol>
          </section>`,
        )}
        <section class="own" aria-labelledby="own-h">
          <h3 id="own-h">${sm('ownCardsTitle')}</h3>
          ${r.own.length === 0
            ? html`<p class="hint">${sm('nothingYet')}</p>`
            : html`<ul>${r.own.map((o) => html`<li data-groups=${o.groups.join(',')}><span class="text">${o.text}</span> <span class="groups">${COLUMN_TITLES[o.column][locale]} · ${names(s, o.groups)}</span></li>`)}</ul>`}
        </section>
      </div>
      ${profile
        ? html`<aside class="group-profile" data-group=${profile.group} aria-labelledby="gp-h">
            <h3 id="gp-h">${sm('profileOf', { group: names(s, [profile.group]) })}</h3>
            ${COMPETENCE_COLUMNS.map(
              (column) => html`<h4>${COLUMN_TITLES[column][locale]}</h4>
                ${profile.local[column].length === 0 ? html`<p class="hint">${sm('nothingYet')}</p>` : html`<ul>${profile.local[column].map((c) => html`<li class=${c.own ? 'own' : ''}>${c.text}${c.own ? html` <span class="hint">(${renderMsg('ownCard')})</span>` : nothing}</li>`)}</ul>`}`,
            )}
          </aside>`
        : nothing}
    </div>`;
}

export function renderWall(s: Synthesis): TemplateResult {
  const w = s.sections['reflection-wall'];
  return html`<p class="hint">${sm('wallHint')}</p>
    <div class="wall-grid">
      ${w.questions.map(
        (q, i) => html`<section class="question" data-question=${i} data-likes=${q.likes} aria-labelledby=${`q-${i}`}>
          <h3 id=${`q-${i}`}>${q.title || renderMsg('untitled')}</h3>
          ${q.questions ? html`<ul class="questions hint">${q.questions.split('\n').filter(Boolean).map((line) => html`<li>${line}</li>`)}</ul>` : nothing}
          ${q.answers.length === 0
            ? html`<p class="hint">${sm('noAnswers')}</p>`
            : html`<ol class="answers">
                ${q.answers.map((a) => html`<li data-likes=${a.likes} data-group=${a.group}><span class="text">${a.text}</span> <span class="groups">${names(s, [a.group])} · ${sm('likesCount', { count: a.likes })}</span></li>`)}
              </ol>`}
        </section>`,
      )}
    </div>`;
}
