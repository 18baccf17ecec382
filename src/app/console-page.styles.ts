/** The styles of `<kb-console-page>` itself: the rows of cards and the full-size board dialog. */
import { css } from 'lit';

export const consolePageStyles = css`
  .row.spread {
    justify-content: space-between;
  }
  p.status-line {
    min-height: 1.45em;
  }
  .controls {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr));
    gap: 16px;
  }
  .controls section.card {
    display: flex;
    flex-direction: column;
    gap: 10px;
  }
  dialog {
    width: min(96vw, 1600px);
    height: min(92vh, 1000px);
    padding: 0;
    border: none;
    border-radius: var(--kb-radius, 10px);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  dialog .dialog-shell {
    display: flex;
    flex-direction: column;
    height: 100%;
  }
  dialog header {
    display: flex;
    justify-content: space-between;
    align-items: center;
    padding: 8px 14px;
    border-bottom: 1px solid var(--kb-border, #d5d8dc);
  }
  dialog .dialog-board {
    flex: 1;
    min-height: 0;
  }
`;
