/**
 * The styles of `<kb-plenum-synthesis>` and `<kb-plenum-votes>` (adopted into the plenum page's
 * root; see `page-part.ts`): the sections as cards, and as slides for a 1920x1080 projector
 * with body text from 20 px (headings larger), long sections scrolling.
 */
import { css } from 'lit';

export const plenumSynthesisStyles = css`
  kb-plenum-synthesis,
  kb-plenum-votes {
    display: contents;
  }
  .synthesis {
    display: flex;
    flex-direction: column;
    gap: 16px;
  }
  .row.spread {
    justify-content: space-between;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 1.6em;
    height: 1.6em;
    border-radius: 50%;
    font-weight: 700;
    font-size: 0.85em;
    color: #1c1f23;
    border: 1px solid rgba(0, 0, 0, 0.25);
  }
  .chip.untagged {
    background: #eceff1;
  }
  ul.problems {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .table-box {
    overflow-x: auto;
  }
  table.criteria {
    border-collapse: collapse;
    width: 100%;
  }
  table.criteria th,
  table.criteria td {
    border: 1px solid var(--kb-border, #d5d8dc);
    padding: 6px 8px;
    text-align: left;
    vertical-align: middle;
  }
  table.criteria thead th {
    background: var(--kb-bg, #f4f5f7);
  }
  table.criteria td {
    text-align: center;
    padding: 0;
  }
  table.criteria td.total {
    padding: 6px 8px;
    background: var(--kb-surface, #fff);
  }
  table.criteria button.cell {
    width: 100%;
    min-height: 44px;
    background: transparent;
    border: none;
    color: inherit;
    font-weight: 400;
    display: flex;
    flex-direction: column;
    gap: 0;
    padding: 4px;
  }
  table.criteria button.cell[aria-pressed='true'] {
    outline: 3px solid var(--kb-accent, #1f5fa8);
    outline-offset: -3px;
    background: transparent;
    color: inherit;
  }
  table.criteria .status {
    font-weight: 600;
  }
  .cell-notes {
    border-left: 6px solid var(--kb-accent, #1f5fa8);
    background: var(--kb-surface, #fff);
    padding: 10px 14px;
    border-radius: var(--kb-radius-small, 6px);
  }
  .matrix-grid {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 12px;
  }
  .matrix-grid .field,
  .wall-grid .question,
  .cards-layout .column,
  .cards-layout .own,
  .group-profile {
    border: 1px solid var(--kb-border, #d5d8dc);
    border-radius: var(--kb-radius-small, 6px);
    padding: 10px 14px;
    background: var(--kb-surface, #fff);
  }
  .matrix-grid h4 {
    margin: 10px 0 4px;
    display: flex;
    gap: 6px;
    align-items: center;
  }
  ul.notes,
  ol.answers,
  .own ul {
    margin: 0;
    padding-left: 1.2em;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .groups {
    color: var(--kb-text-muted, #4b5563);
    font-size: 0.9em;
  }
  .cards-layout {
    display: grid;
    grid-template-columns: 1fr;
    gap: 12px;
  }
  .cards-layout.with-profile {
    grid-template-columns: 2fr 1fr;
  }
  .cards-layout .ranking {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: 12px;
  }
  .cards-layout .own {
    grid-column: 1 / -1;
  }
  .column ol {
    margin: 0;
    padding-left: 1.6em;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .column li {
    position: relative;
    padding: 4px 6px;
  }
  .column li .bar {
    position: absolute;
    inset: 0 auto 0 0;
    background: var(--kb-accent-soft, #dbe7f7);
    border-radius: 4px;
    z-index: 0;
  }
  .column li .text,
  .column li .count {
    position: relative;
    z-index: 1;
  }
  .column li .count {
    display: block;
    font-weight: 700;
    font-size: 0.9em;
  }
  .column li.in-profile {
    outline: 2px solid var(--kb-accent, #1f5fa8);
    border-radius: 4px;
  }
  .group-profile ul {
    margin: 0;
    padding-left: 1.2em;
  }
  .wall-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr));
    gap: 12px;
  }
  .question .questions {
    margin: 0 0 6px;
    padding-left: 1.2em;
  }
  .vote {
    border: 1px solid var(--kb-border, #d5d8dc);
    border-radius: var(--kb-radius-small, 6px);
    padding: 10px 14px;
    background: var(--kb-surface, #fff);
    margin-bottom: 12px;
  }
  .vote .badge {
    font-size: 0.7em;
    padding: 2px 8px;
    border-radius: 999px;
    background: var(--kb-bg, #f4f5f7);
    vertical-align: middle;
  }
  .vote .badge.live {
    background: var(--kb-danger, #b3261e);
    color: #fff;
  }
  ol.results {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  ol.results li {
    display: grid;
    grid-template-columns: 2.4em minmax(0, 2fr) minmax(8rem, 1.4fr) 3em;
    gap: 10px;
    align-items: center;
  }
  ol.results .rank,
  ol.results .total {
    font-weight: 700;
    text-align: right;
  }
  .bar-box {
    height: 1.1em;
    background: var(--kb-bg, #f4f5f7);
    border-radius: 4px;
    overflow: hidden;
  }
  .bar-box .bar {
    display: block;
    height: 100%;
    background: var(--kb-accent, #1f5fa8);
    transition: width 0.2s;
  }
  .hidden-result {
    font-size: 1.1em;
    font-weight: 600;
  }

  /* As a slide for the projector: large type, the section fills the screen and scrolls. */
  .synthesis-slide {
    position: fixed;
    inset: 0;
    z-index: 50;
    background: var(--kb-canvas, #f7f7f4);
    display: flex;
    flex-direction: column;
  }
  .synthesis-slide header {
    display: flex;
    align-items: center;
    gap: 16px;
    padding: 10px 18px;
    background: var(--kb-surface, #fff);
    border-bottom: 1px solid var(--kb-border, #d5d8dc);
  }
  .synthesis-slide header h2 {
    margin: 0;
    font-size: 2rem;
  }
  .synthesis-slide .pos {
    font-size: 1.25rem;
    color: var(--kb-text-muted, #4b5563);
  }
  .synthesis-slide .nav {
    margin-left: auto;
    display: flex;
    gap: 8px;
  }
  .synthesis-slide .slide-body {
    flex: 1;
    min-height: 0;
    overflow: auto;
    padding: 16px 28px 28px;
    font-size: 20px;
    line-height: 1.4;
  }
  .synthesis-slide .slide-body h3 {
    font-size: 1.3em;
  }
  .synthesis-slide .slide-body h4 {
    font-size: 1.1em;
  }
  .synthesis-slide .slide-body .hint,
  .synthesis-slide .slide-body .groups {
    font-size: 0.95em;
  }
  .synthesis-slide .slide-body select,
  .synthesis-slide .slide-body button {
    font-size: 1em;
  }
`;
