/** The styles of `<kb-plenum-boards>` (adopted into its page's root; see `page-part.ts`). */
import { css } from 'lit';

export const plenumBoardsStyles = css`
  kb-plenum-boards {
    display: contents;
  }
  ol.boards {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(420px, 1fr));
    gap: 16px;
  }
`;
