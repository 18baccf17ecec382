/** The styles of `<kb-console-message>` (adopted into its page's root; see `page-part.ts`). */
import { css } from 'lit';

export const consoleMessageStyles = css`
  kb-console-message {
    display: contents;
  }
  input.message {
    flex: 1 1 14rem;
  }
`;
