/** The styles of `<kb-console-lock>` (adopted into its page's root; see `page-part.ts`). */
import { css } from 'lit';

export const consoleLockStyles = css`
  kb-console-lock {
    display: contents;
  }
  label.cross-view {
    display: flex;
    gap: 8px;
    align-items: center;
    font-weight: 400;
  }
`;
