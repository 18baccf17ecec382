/**
 * Styles the plenum page and its parts share: the toolbar of fields (the page's header, the
 * compare form), a card holding a board, and the box the board fills.
 */
import { css } from 'lit';

export const plenumCommonStyles = css`
  .toolbar {
    display: flex;
    flex-direction: row;
    flex-wrap: wrap;
    gap: 12px;
    align-items: end;
  }
  .toolbar .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  ol.boards > li,
  .compare figure {
    background: var(--kb-surface, #fff);
    border-radius: var(--kb-radius, 10px);
    box-shadow: var(--kb-shadow);
    padding: 12px;
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .board-box {
    height: 300px;
    border: 1px solid var(--kb-border, #d5d8dc);
    border-radius: var(--kb-radius-small, 6px);
    overflow: hidden;
  }
  .board-box kb-board {
    height: 100%;
    min-height: 0;
  }
  p.no-board {
    padding: 12px;
  }
`;
