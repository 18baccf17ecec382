/**
 * Styles every widget shares. Colours and sizes come from the design tokens (CSS custom
 * properties on :root, src/app/public/theme.css) with fallbacks, so a widget also looks right
 * on a page without them (tests, the Miro panel).
 */
import { css } from 'lit';

/** Text for screen readers only (visually hidden, still read). */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

export const baseStyles = css`
  ${visuallyHidden}
  :host {
    box-sizing: border-box;
    display: block;
    font-family: var(--kb-font, system-ui, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--kb-font-size, 16px);
    color: var(--kb-text, #1c1f23);
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--kb-focus, #1f5fa8);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    border-radius: var(--kb-radius-small, 6px);
    border: 1px solid var(--kb-border-strong, #6b7280);
    background: var(--kb-surface, #fff);
    padding: 0.35em 0.7em;
    min-height: 32px;
  }
  button:hover {
    background: var(--kb-surface-hover, #f1f3f5);
  }
  button[aria-pressed='true'] {
    background: var(--kb-accent-soft, #dbe7f7);
    border-color: var(--kb-accent, #1f5fa8);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  /*
   * Under a finger a control answers a little beyond its box (--kb-touch-pad on each side, in
   * the widget's own units, so it scales with the board): with the board at a phone's task
   * zoom, every button's target is 44x44 CSS px or more without the layout changing.
   */
  @media (pointer: coarse) {
    button:not(.abs) {
      position: relative;
    }
    button::after {
      content: '';
      position: absolute;
      inset: calc(-1 * var(--kb-touch-pad, 10px));
    }
  }
  input,
  textarea,
  select {
    font: inherit;
    color: inherit;
    border: 1px solid var(--kb-border-strong, #6b7280);
    border-radius: var(--kb-radius-small, 6px);
    padding: 0.35em 0.5em;
    background: var(--kb-surface, #fff);
  }
`;
