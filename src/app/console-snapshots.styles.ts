/** The styles of `<kb-console-snapshots>` (adopted into its page's root; see `page-part.ts`). */
import { css } from 'lit';

export const consoleSnapshotsStyles = css`
  kb-console-snapshots {
    display: contents;
  }
  ul.sets {
    padding-left: 1.2rem;
    margin: 0;
  }
`;
