/** Styles of `<kb-competence-card>`. */
import { css } from 'lit';

export const cardStyles = css`
  :host {
    display: block;
    width: 100%;
    height: 100%;
    font-size: var(--kb-competence-card-font-size, 14px);
    --kb-touch-pad: 14px;
  }
  .card {
    position: relative;
    display: flex;
    align-items: stretch;
    gap: 6px;
    width: 100%;
    height: 100%;
    padding: 4px 10px;
    border-radius: var(--kb-radius-small, 6px);
    border: 1px solid var(--kb-competence-card-border, var(--kb-border-strong, #6b7280));
    background: var(--kb-competence-card-bg, var(--kb-surface, #fff));
    box-shadow: var(--kb-shadow, 0 1px 2px rgb(0 0 0 / 0.08));
    cursor: grab;
    touch-action: none;
    user-select: none;
    overflow: hidden;
  }
  :host([area='local']) .card {
    background: var(--kb-competence-card-local-bg, var(--kb-accent-soft, #dbe7f7));
    border-color: var(--kb-competence-card-local-border, var(--kb-accent, #1f5fa8));
  }
  :host([own]) .card {
    border-style: dashed;
    border-width: 2px;
  }
  :host([dragging]) .card {
    cursor: grabbing;
    box-shadow: var(--kb-shadow-lifted, 0 6px 18px rgb(0 0 0 / 0.18));
    opacity: 0.92;
  }
  :host([readonly]) .card {
    cursor: default;
  }
  .card:focus-visible {
    outline: 3px solid var(--kb-focus, #1f5fa8);
    outline-offset: 2px;
  }
  .text {
    flex: 1;
    min-width: 0;
    align-self: center;
    line-height: 1.25;
    overflow: hidden;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    align-items: center;
    gap: 2px;
  }
  .tools {
    position: absolute;
    top: 2px;
    right: 40px;
    display: none;
    gap: 2px;
    padding: 1px;
    border-radius: var(--kb-radius-small, 6px);
    background: var(--kb-surface, #fff);
    box-shadow: var(--kb-shadow, 0 1px 2px rgb(0 0 0 / 0.08));
  }
  .card:hover .tools,
  .card:focus-within .tools {
    display: flex;
  }
  button.icon {
    display: inline-grid;
    place-items: center;
    min-height: 28px;
    min-width: 28px;
    width: 28px;
    height: 28px;
    padding: 0;
  }
  button.icon svg {
    width: 16px;
    height: 16px;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .editor {
    display: flex;
    flex: 1;
    gap: 4px;
    align-items: stretch;
  }
  .editor textarea {
    flex: 1;
    min-width: 0;
    resize: none;
    font-size: 13px;
    line-height: 1.2;
    padding: 2px 4px;
  }
  .editor .buttons {
    display: flex;
    flex-direction: column;
    gap: 2px;
    justify-content: center;
  }
  .editor button {
    min-height: 22px;
    padding: 0 6px;
    font-size: 12px;
  }
`;
