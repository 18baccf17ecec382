/** The styles of `<kb-console-vote>` (adopted into its page's root; see `page-part.ts`). */
import { css } from 'lit';

export const consoleVoteStyles = css`
  kb-console-vote {
    display: contents;
  }
  .vote-card .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 10px 14px;
  }
  .vote-card .fields .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .vote-card label.check {
    display: flex;
    gap: 8px;
    align-items: center;
    font-weight: 400;
  }
  .vote-card ol.top {
    margin: 0;
    padding-left: 1.4rem;
  }
`;
