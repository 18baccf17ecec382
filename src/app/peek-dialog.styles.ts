/** The styles of `<kb-peek-dialog>` (adopted into its page's root; see `page-part.ts`). */
import { css } from 'lit';

export const peekDialogStyles = css`
  kb-peek-dialog {
    display: contents;
  }
  dialog.peek {
    width: min(96vw, 1600px);
    height: min(92vh, 1000px);
    padding: 0;
    border: none;
    border-radius: var(--kb-radius, 10px);
  }
  dialog.peek::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .peek-shell {
    display: flex;
    flex-direction: column;
    height: 100%;
  }
  .peek-head {
    display: flex;
    flex-wrap: wrap;
    gap: 10px;
    align-items: center;
    justify-content: space-between;
    padding: 8px 14px;
    border-bottom: 1px solid var(--kb-border, #d5d8dc);
  }
  .peek-head h2 {
    margin: 0;
  }
  .peek-board {
    flex: 1;
    min-height: 0;
  }
`;
