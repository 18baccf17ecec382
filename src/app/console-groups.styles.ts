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
    grid-template-columns: repeat(auto-fill, minmax(320px, 1fr));
    gap: 16px;
  }
  ol.tiles > li {
    background: var(--kb-surface, #fff);
    border-radius: var(--kb-radius, 10px);
    box-shadow: var(--kb-shadow);
    padding: 12px;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .tile-head {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 8px;
  }
  .online {
    color: var(--kb-text-muted, #4b5563);
    font-size: 0.95rem;
  }
  .thumb {
    position: relative;
    height: 200px;
    border: 1px solid var(--kb-border, #d5d8dc);
    border-radius: var(--kb-radius-small, 6px);
    overflow: hidden;
  }
  .thumb kb-board {
    height: 200px;
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
`;
