/** Styles of `<kb-reflection-wall>`; colours and sizes from the design tokens, with fallbacks. */
import { css } from 'lit';

export const wallStyles = css`
  :host {
    position: relative;
    aspect-ratio: 1200 / 800;
    overflow: hidden;
    background: var(--kb-wall-bg, var(--kb-canvas, #f7f7f4));
    border-radius: var(--kb-radius, 10px);
  }
  .stage {
    position: absolute;
    left: 0;
    top: 0;
    width: 1200px;
    height: 800px;
    transform-origin: 0 0;
  }
  .abs {
    position: absolute;
  }
  h2,
  h3,
  p,
  ul,
  ol {
    margin: 0;
  }

  /* Toolbar */
  .toolbar {
    display: flex;
    align-items: center;
    gap: 12px;
  }
  .wall-name {
    font-size: 1.15rem;
    font-weight: 650;
  }
  .note {
    font-size: 0.875rem;
    color: var(--kb-text-muted, #4b5563);
  }
  .locked {
    color: var(--kb-warning, #8d4f00);
    font-weight: 600;
  }

  /* Columns */
  .column {
    background: var(--kb-wall-column-bg, var(--kb-surface, #fff));
    border: 1px solid var(--kb-border, #d5d8dc);
    border-radius: var(--kb-radius, 10px);
    box-shadow: var(--kb-shadow, 0 1px 2px rgb(0 0 0 / 0.08));
  }
  .column.drop-target {
    outline: 3px dashed var(--kb-wall-accent, var(--kb-accent, #1f5fa8));
    outline-offset: -3px;
  }
  .column.peer-target {
    outline: 3px dashed var(--kb-border-strong, #6b7280);
    outline-offset: -3px;
  }
  .header {
    display: flex;
    flex-direction: column;
    gap: 6px;
    overflow: auto;
  }
  .title-row {
    display: flex;
    align-items: flex-start;
    gap: 6px;
  }
  .title {
    flex: 1;
    min-width: 0;
    font-size: 1.05rem;
    font-weight: 650;
    overflow-wrap: anywhere;
  }
  .small {
    font-size: 0.8125rem;
    padding: 0.15em 0.55em;
    min-height: 28px;
  }
  .questions {
    padding-left: 1.1em;
    font-size: 0.8125rem;
    line-height: 1.35;
    color: var(--kb-text-muted, #4b5563);
    overflow-wrap: anywhere;
  }
  .questions li + li {
    margin-top: 2px;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 2px;
    font-size: 0.8125rem;
    font-weight: 600;
  }
  .field input,
  .field textarea {
    font-weight: 400;
    font-size: 0.875rem;
  }
  .field textarea {
    resize: none;
    height: 54px;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .error {
    font-size: 0.8125rem;
    color: var(--kb-danger, #b3261e);
    font-weight: 600;
    min-height: 1.2em;
  }

  /* Composer */
  .composer {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .composer textarea {
    resize: none;
    height: 58px;
    font-size: 0.875rem;
    width: 100%;
  }
  .composer textarea[aria-invalid='true'] {
    border-color: var(--kb-danger, #b3261e);
    border-width: 2px;
  }
  .anon {
    display: flex;
    align-items: center;
    gap: 4px;
    font-size: 0.8125rem;
    flex: 1;
    min-width: 0;
  }
  .counter {
    font-size: 0.75rem;
    color: var(--kb-text-muted, #4b5563);
    font-variant-numeric: tabular-nums;
  }
  .counter.over {
    color: var(--kb-danger, #b3261e);
    font-weight: 700;
  }
  .post-button {
    background: var(--kb-wall-accent, var(--kb-accent, #1f5fa8));
    border-color: var(--kb-wall-accent, var(--kb-accent, #1f5fa8));
    color: var(--kb-accent-text, #fff);
    font-weight: 600;
  }
  .post-button:hover {
    background: var(--kb-wall-accent, var(--kb-accent, #1f5fa8));
    filter: brightness(1.1);
  }

  /* Posts */
  .posts {
    list-style: none;
    padding: 0;
  }
  .empty {
    font-size: 0.875rem;
    color: var(--kb-text-muted, #4b5563);
    font-style: italic;
  }
  .post {
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding: 6px 8px;
    background: var(--kb-wall-post-bg, var(--kb-note-yellow, #fff3a6));
    border: 1px solid var(--kb-border, #d5d8dc);
    border-radius: var(--kb-radius-small, 6px);
    box-shadow: var(--kb-shadow, 0 1px 2px rgb(0 0 0 / 0.08));
    touch-action: none;
    cursor: grab;
  }
  :host([readonly]) .post {
    cursor: default;
    touch-action: auto;
  }
  .post.lifted {
    opacity: 0.4;
  }
  .post.menu-open {
    z-index: 10;
  }
  .post-text {
    flex: 1;
    min-height: 0;
    overflow: auto;
    font-size: 0.875rem;
    line-height: 1.3;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    user-select: none;
  }
  .meta {
    display: flex;
    align-items: center;
    gap: 4px;
  }
  .author {
    flex: 1;
    min-width: 0;
    font-size: 0.75rem;
    font-weight: 600;
    color: var(--kb-text-muted, #4b5563);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .meta button {
    font-size: 0.8125rem;
    padding: 0 0.45em;
    min-height: 26px;
    min-width: 26px;
    background: var(--kb-surface, #fff);
  }
  @media (pointer: coarse) {
    .meta {
      gap: 14px;
    }
    .meta button {
      min-height: 34px;
      min-width: 40px;
    }
  }
  .like[aria-pressed='true'] {
    color: var(--kb-wall-liked, var(--kb-danger, #b3261e));
    background: var(--kb-accent-soft, #dbe7f7);
    border-color: var(--kb-accent, #1f5fa8);
    font-weight: 700;
  }
  .menu {
    position: absolute;
    right: 4px;
    z-index: 11;
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-width: 180px;
    max-width: 280px;
    padding: 6px;
    background: var(--kb-surface, #fff);
    border: 1px solid var(--kb-border-strong, #6b7280);
    border-radius: var(--kb-radius-small, 6px);
    box-shadow: var(--kb-shadow-lifted, 0 6px 18px rgb(0 0 0 / 0.18));
    cursor: default;
  }
  .menu.below {
    top: calc(100% - 4px);
  }
  .menu.above {
    bottom: calc(100% - 4px);
  }
  .menu button {
    text-align: left;
    font-size: 0.875rem;
    overflow-wrap: anywhere;
  }

  /* Ghosts of posts in flight (mine and peers') */
  .ghost {
    position: absolute;
    z-index: 20;
    pointer-events: none;
    padding: 6px 8px;
    overflow: hidden;
    font-size: 0.875rem;
    line-height: 1.3;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    background: var(--kb-wall-post-bg, var(--kb-note-yellow, #fff3a6));
    border: 2px solid var(--kb-wall-accent, var(--kb-accent, #1f5fa8));
    border-radius: var(--kb-radius-small, 6px);
    box-shadow: var(--kb-shadow-lifted, 0 6px 18px rgb(0 0 0 / 0.18));
    opacity: 0.85;
  }
  .ghost.peer {
    opacity: 0.6;
    border-color: var(--peer-color, #455a64);
  }
  .ghost-name {
    display: block;
    font-size: 0.75rem;
    font-weight: 700;
    color: #fff;
    background: var(--peer-color, #455a64);
    border-radius: 4px;
    padding: 0 4px;
    margin-bottom: 2px;
    width: max-content;
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
  }
`;
