/** The styles of `<kb-console-run-sheet>` (adopted into its page's root; see `page-part.ts`). */
import { css } from 'lit';

export const consoleRunSheetStyles = css`
  kb-console-run-sheet {
    display: contents;
  }
  .run-sheet .step-moves button {
    flex: 1;
  }
  ol.steps {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  ol.steps > li {
    padding: 6px 8px;
    border-radius: var(--kb-radius-small, 6px);
    border: 1px solid transparent;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  ol.steps > li.current {
    background: var(--kb-accent-soft, #dbe7f7);
    border-color: var(--kb-accent, #1f5fa8);
  }
  ol.steps .step-line {
    display: flex;
    gap: 6px;
    align-items: center;
  }
  ol.steps .step-line .name,
  ol.steps .step-line .go {
    flex: 1;
    min-width: 0;
  }
  ol.steps .minutes {
    white-space: nowrap;
  }
  ol.steps .go {
    justify-content: flex-start;
    text-align: left;
    padding: 6px 10px;
  }
  ol.steps .go .n {
    font-weight: 700;
    min-width: 1.2em;
  }
  ol.steps .go .k {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  ol.steps .go .minutes,
  ol.steps .name .minutes {
    font-weight: 400;
    color: var(--kb-text-muted, #4b5563);
  }
  ol.steps .edit-step {
    padding: 6px 10px;
    min-width: 44px;
    font-size: 1.15rem;
  }
  .run-sheet .step-moves button {
    padding: 8px 10px;
  }
  ol.steps .text {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
    margin: 0;
  }
  ol.steps textarea {
    width: 100%;
    box-sizing: border-box;
  }
`;
