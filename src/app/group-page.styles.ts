/** The styles of `<kb-group-page>` itself: the board fills the window under the header. */
import { css } from 'lit';

export const groupPageStyles = css`
  :host {
    height: 100vh;
    height: 100dvh;
  }
  .shell {
    display: flex;
    flex-direction: column;
    height: 100%;
  }
  .board-area {
    flex: 1;
    min-height: 0;
    position: relative;
  }
  kb-board {
    height: 100%;
  }
`;
