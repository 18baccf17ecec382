/** The styles of `<kb-group-header>` (adopted into its page's root; see `page-part.ts`). */
import { css } from 'lit';

export const groupHeaderStyles = css`
  /* One row of one height (the timer coming or going moves nothing); the banners hang below it over the board. */
  kb-group-header {
    display: block;
    position: relative;
    z-index: 12;
  }
  header.workshop {
    display: flex;
    align-items: center;
    gap: 8px 18px;
    box-sizing: border-box;
    height: 52px;
    padding: 0 14px;
    background: var(--kb-surface, #fff);
    border-bottom: 1px solid var(--kb-border, #d5d8dc);
    white-space: nowrap;
  }
  header.workshop > span {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  header.workshop .title {
    font-weight: 700;
  }
  header.workshop .group {
    color: var(--kb-text-muted, #4b5563);
  }
  header.workshop kb-timer {
    margin-left: auto;
    flex: none;
  }
  header.workshop kb-lang {
    flex: none;
  }
  .banners {
    position: absolute;
    top: 100%;
    left: 0;
    right: 0;
  }
  @media (max-width: 599px) {
    header.workshop {
      gap: 10px;
      padding: 0 8px;
    }
    header.workshop kb-timer::part(label) {
      display: none;
    }
    /* A message reads across the phone: its label above it, the button beside it. */
    .banner {
      flex-wrap: wrap;
      gap: 2px 12px;
      font-size: 1rem;
    }
    .banner strong {
      flex-basis: 100%;
    }
  }
  header.workshop button {
    min-height: 44px;
    padding: 4px 12px;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .banner {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 6px 14px;
    font-size: 1.1rem;
    box-shadow: var(--kb-shadow, 0 1px 2px rgb(0 0 0 / 0.08));
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
    min-height: 44px;
    padding: 4px 12px;
  }
`;
