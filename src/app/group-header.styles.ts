/** The styles of `<kb-group-header>` (adopted into its page's root; see `page-part.ts`). */
import { css } from 'lit';

export const groupHeaderStyles = css`
  kb-group-header {
    display: contents;
  }
  header.workshop {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 18px;
    padding: 6px 14px;
    background: var(--kb-surface, #fff);
    border-bottom: 1px solid var(--kb-border, #d5d8dc);
    z-index: 5;
  }
  header.workshop .title {
    font-weight: 700;
  }
  header.workshop .group {
    color: var(--kb-text-muted, #4b5563);
  }
  header.workshop kb-timer {
    margin-left: auto;
  }
  header.workshop button {
    min-height: 36px;
    padding: 4px 12px;
  }
  .banner {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 10px 14px;
    font-size: 1.1rem;
    z-index: 5;
  }
  .banner.message {
    background: var(--kb-accent-soft, #dbe7f7);
    border-bottom: 1px solid var(--kb-accent, #1f5fa8);
  }
  .banner.message .text {
    flex: 1;
  }
  .banner.locked {
    background: #fff6e5;
    border-bottom: 3px solid var(--kb-warning, #8d4f00);
    font-weight: 700;
  }
  .banner button {
    min-height: 36px;
    padding: 4px 12px;
  }
`;
