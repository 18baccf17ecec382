/** The styles of `<kb-plenum-compare>` (adopted into its page's root; see `page-part.ts`). */
import { css } from 'lit';

export const plenumCompareStyles = css`
  kb-plenum-compare {
    display: contents;
  }
  .compare {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 16px;
  }
  .compare .board-box {
    height: 420px;
  }
`;
