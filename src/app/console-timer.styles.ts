/** The styles of `<kb-console-timer>` (adopted into its page's root; see `page-part.ts`). */
import { css } from 'lit';

export const consoleTimerStyles = css`
  kb-console-timer {
    display: contents;
  }
  input.minutes {
    width: 6rem;
  }
`;
