/** Styles shared by the app's pages: calm cards, big clear buttons (44px targets), AA contrast. */
import { css } from 'lit';
import { visuallyHidden } from '../../widgets/shared/styles.js';

export const pageStyles = css`
  ${visuallyHidden}
  p.lead {
    font-size: 1.2rem;
  }
  :host {
    display: block;
    font-family: var(--kb-font, system-ui, sans-serif);
    color: var(--kb-text, #1c1f23);
    line-height: 1.45;
  }
  main.page {
    max-width: 46rem;
    margin: 6vh auto 4rem;
    padding: 0 16px;
    display: flex;
    flex-direction: column;
    gap: 20px;
  }
  main.wide {
    max-width: 90rem;
    margin-top: 16px;
  }
  section.card {
    background: var(--kb-surface, #fff);
    border-radius: var(--kb-radius, 10px);
    box-shadow: var(--kb-shadow);
    padding: 20px 24px;
  }
  h1 {
    font-size: 1.75rem;
    margin: 0 0 0.4rem;
  }
  h2 {
    font-size: 1.3rem;
    margin: 0 0 0.6rem;
  }
  h3 {
    font-size: 1.1rem;
    margin: 0 0 0.4rem;
  }
  p {
    margin: 0.3rem 0;
  }
  .hint {
    color: var(--kb-text-muted, #4b5563);
  }
  form,
  .stack {
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .row {
    display: flex;
    flex-direction: row;
    flex-wrap: wrap;
    gap: 10px;
    align-items: center;
  }
  label,
  legend {
    font-weight: 600;
  }
  fieldset {
    border: 1px solid var(--kb-border, #d5d8dc);
    border-radius: var(--kb-radius-small, 6px);
    padding: 10px 14px;
    margin: 0;
  }
  fieldset label {
    font-weight: 400;
    display: flex;
    gap: 8px;
    align-items: center;
    min-height: 36px;
  }
  input,
  select {
    font: inherit;
    padding: 10px;
    min-height: 44px;
    box-sizing: border-box;
    border: 1px solid var(--kb-border-strong, #6b7280);
    border-radius: var(--kb-radius-small, 6px);
    background: var(--kb-surface, #fff);
    color: inherit;
  }
  input[type='radio'],
  input[type='checkbox'] {
    min-height: 0;
    width: 20px;
    height: 20px;
    margin: 0;
  }
  input[aria-invalid='true'] {
    border: 2px solid var(--kb-danger, #b3261e);
  }
  button,
  a.button {
    font: inherit;
    font-weight: 600;
    min-height: 44px;
    padding: 10px 18px;
    border-radius: var(--kb-radius-small, 6px);
    border: 2px solid var(--kb-accent, #1f5fa8);
    background: var(--kb-accent, #1f5fa8);
    color: var(--kb-accent-text, #fff);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    box-sizing: border-box;
  }
  button.secondary,
  a.button.secondary {
    background: var(--kb-surface, #fff);
    color: var(--kb-accent, #1f5fa8);
  }
  button.danger {
    background: var(--kb-danger, #b3261e);
    border-color: var(--kb-danger, #b3261e);
    color: #fff;
  }
  button.big {
    font-size: 1.15rem;
    padding: 14px 24px;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: default;
  }
  button[aria-pressed='true'] {
    background: var(--kb-warning, #8d4f00);
    border-color: var(--kb-warning, #8d4f00);
    color: #fff;
  }
  a {
    color: var(--kb-accent, #1f5fa8);
  }
  :focus-visible {
    outline: 3px solid var(--kb-focus, #1f5fa8);
    outline-offset: 2px;
  }
  .error {
    color: var(--kb-danger, #b3261e);
    font-weight: 600;
  }
  .ok {
    color: var(--kb-success, #2e7d32);
    font-weight: 600;
  }
  .notice {
    border-left: 6px solid var(--kb-warning, #8d4f00);
    background: #fff6e5;
    padding: 10px 14px;
    border-radius: var(--kb-radius-small, 6px);
  }
  .link-box {
    display: flex;
    gap: 8px;
    align-items: stretch;
    flex-wrap: wrap;
  }
  .link-box input {
    flex: 1 1 20rem;
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.95rem;
  }
  .code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 2rem;
    font-weight: 700;
    letter-spacing: 0.2em;
  }
  .lang {
    position: fixed;
    right: 12px;
    bottom: 12px;
    z-index: 30;
    background: var(--kb-surface, #fff);
    padding: 4px 8px;
    border-radius: 8px;
    border: 1px solid var(--kb-border, #d5d8dc);
    font-size: 14px;
    font-weight: 400;
  }
  .lang select {
    min-height: 32px;
    padding: 4px;
  }
`;
