/**
 * The styles of `<kb-console-page>` itself: a compact header; the cards a facilitator needs
 * during group work in a column that stays in view beside the groups (it scrolls on its own
 * when it is taller than the screen); the full-size board dialog.
 */
import { css } from 'lit';

export const consolePageStyles = css`
  main.console {
    max-width: none;
    margin: 0;
    padding: 8px 14px 0;
    gap: 6px;
    box-sizing: border-box;
  }
  .console-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 14px;
  }
  .console-head h1 {
    font-size: 1.35rem;
    margin: 0;
  }
  p.status-line {
    flex: 1 1 12rem;
    min-height: 1.45em;
    margin: 0;
  }
  .card-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 4px 10px;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(17rem, 23rem) minmax(0, 1fr);
    gap: 12px;
  }
  .side,
  .scroller {
    overflow-y: auto;
    padding: 2px 2px 16px;
  }
  .main-col {
    display: flex;
    flex-direction: column;
    gap: 10px;
    min-width: 0;
    min-height: 0;
  }
  .strip {
    display: grid;
    grid-template-columns: 2fr 1fr 1fr 1.1fr;
    gap: 10px;
    padding: 2px;
  }
  .scroller {
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  section.card {
    padding: 10px 12px;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  h2 {
    font-size: 1.05rem;
    margin: 0;
  }
  .strip form.row,
  .strip .row {
    gap: 6px;
  }
  .strip button,
  .strip input {
    padding: 6px 9px;
  }
  .strip input.minutes {
    width: 4.5rem;
  }
  .strip button.big {
    font-size: 1rem;
    padding: 8px 14px;
  }
  .strip p {
    margin: 0;
  }
  .strip ul.sets {
    max-height: 4.4em;
    overflow-y: auto;
  }
  .strip .clock {
    font-size: 1.3rem;
  }
  /* Wide screens: the page is the screen; the run-sheet and the groups scroll on their own. */
  @media (min-width: 901px) {
    :host {
      height: 100vh;
      height: 100dvh;
    }
    main.console {
      height: 100%;
    }
    .layout {
      flex: 1;
      min-height: 0;
      grid-template-rows: minmax(0, 1fr);
    }
  }
  @media (max-width: 900px) {
    .layout {
      grid-template-columns: 1fr;
    }
    .strip {
      grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
    }
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
