/** The styles of `<kb-console-group-view>` (adopted into its page's root; see `page-part.ts`). */
import { css } from 'lit';

export const consoleGroupViewStyles = css`
  kb-console-group-view {
    display: contents;
  }
  .group-view {
    display: flex;
    flex-direction: column;
    height: 100%;
    min-height: 0;
  }
  .lead-bar {
    padding: 8px 14px;
    gap: 8px;
    border-bottom: 1px solid var(--kb-border, #d5d8dc);
    flex-wrap: wrap;
  }
  .lead-bar [aria-pressed='true'] {
    background: var(--kb-accent-soft, #dbe7f7);
    border-color: var(--kb-accent, #1f5fa8);
    color: var(--kb-text, #1c1f23);
  }
  .view-body {
    flex: 1;
    min-height: 0;
    display: flex;
  }
  .view-board {
    flex: 1;
    min-width: 0;
    position: relative;
  }
  .view-board kb-board {
    height: 100%;
  }
  .view-board.pointing kb-board {
    outline: 3px dashed var(--kb-accent, #1f5fa8);
    outline-offset: -3px;
  }
  .pointer-catch {
    position: absolute;
    inset: 0;
    cursor: crosshair;
    z-index: 30;
  }
  .view-people {
    width: 17rem;
    flex: none;
    padding: 10px 14px;
    border-left: 1px solid var(--kb-border, #d5d8dc);
    overflow-y: auto;
  }
`;
