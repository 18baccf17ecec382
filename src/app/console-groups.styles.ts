/** The styles of `<kb-console-groups>` (adopted into its page's root; see `page-part.ts`). */
import { css } from 'lit';

export const consoleGroupsStyles = css`
  kb-console-groups {
    display: contents;
  }
  ol.tiles {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(290px, 1fr));
    gap: 12px;
  }
  ol.tiles > li {
    background: var(--kb-surface, #fff);
    border-radius: var(--kb-radius, 10px);
    box-shadow: var(--kb-shadow);
    padding: 10px;
    display: flex;
    flex-direction: column;
    gap: 6px;
    min-width: 0;
  }
  .tile-head {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 8px;
  }
  .tile-head h3 {
    margin: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .online {
    color: var(--kb-text-muted, #4b5563);
    font-size: 0.95rem;
    white-space: nowrap;
  }
  .thumb {
    position: relative;
    height: 140px;
    border: 1px solid var(--kb-border, #d5d8dc);
    border-radius: var(--kb-radius-small, 6px);
    overflow: hidden;
  }
  .thumb kb-board {
    height: 140px;
    min-height: 0;
    pointer-events: none;
  }
  .thumb button.open {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    background: transparent;
    border: none;
    color: transparent;
    border-radius: 0;
  }
  .thumb button.open:hover,
  .thumb button.open:focus-visible {
    background: rgb(31 95 168 / 0.08);
  }
  ul.chips {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 4px 10px;
    font-size: 0.95rem;
    max-height: 3.2em;
    overflow-y: auto;
  }
  ul.chips li {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  .chips .dot {
    width: 10px;
    height: 10px;
    border-radius: 50%;
    display: inline-block;
  }
  p.nobody {
    margin: 0;
    font-size: 0.95rem;
  }
  .tile-actions {
    gap: 6px;
  }
  .tile-actions button {
    flex: 1;
    padding-left: 8px;
    padding-right: 8px;
  }
`;
