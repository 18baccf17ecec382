/** The styles of `<kb-console-people>` (adopted into its page's root; see `page-part.ts`). */
import { css } from 'lit';

export const consolePeopleStyles = css`
  kb-console-people {
    display: contents;
  }
  ul.people {
    list-style: none;
    padding: 0;
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  ul.people li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
  }
  ul.people .who {
    flex: 1 1 6rem;
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .dot {
    width: 12px;
    height: 12px;
    border-radius: 50%;
    display: inline-block;
  }
  ul.people select,
  ul.people button {
    min-height: 36px;
    padding: 4px 8px;
  }
`;
