/** The styles of `<kb-plenum-present>` (adopted into its page's root; see `page-part.ts`). */
import { css } from 'lit';

export const plenumPresentStyles = css`
  kb-plenum-present {
    display: contents;
  }
  .presenting {
    position: fixed;
    inset: 0;
    z-index: 50;
    background: var(--kb-canvas, #f7f7f4);
    display: flex;
    flex-direction: column;
  }
  .presenting header {
    display: flex;
    align-items: center;
    gap: 16px;
    padding: 10px 18px;
    background: var(--kb-surface, #fff);
    border-bottom: 1px solid var(--kb-border, #d5d8dc);
  }
  .presenting h2 {
    margin: 0;
    font-size: 1.8rem;
  }
  .presenting .pos {
    font-size: 1.2rem;
    color: var(--kb-text-muted, #4b5563);
  }
  .presenting .nav {
    margin-left: auto;
    display: flex;
    gap: 8px;
  }
  .presenting .stage {
    flex: 1;
    min-height: 0;
  }
  .presenting kb-board {
    height: 100%;
  }
`;
