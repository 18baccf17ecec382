/** The styles of `<kb-console-delete>` (adopted into its page's root; see `page-part.ts`). */
import { css } from 'lit';

export const consoleDeleteStyles = css`
  kb-console-delete {
    display: contents;
  }
  .danger-zone {
    border: 2px solid var(--kb-danger, #b3261e);
  }
`;
