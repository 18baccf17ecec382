/**
 * Styles of <kb-bor-gor-matrix>. Every size is in layout units: `--u` is one unit of the
 * layout's natural width (960) at the element's current width (via container query units), so
 * the widget scales with the canvas' zoom without reflowing.
 */
import { css } from 'lit';

export const matrixStyles = css`
  :host {
    min-width: 240px;
  }
  .frame {
    container-type: inline-size;
    width: 100%;
  }
  .stage {
    --u: calc(100cqw / 960);
    --kb-touch-pad: calc(var(--u) * 12);
    position: relative;
    width: 100%;
    height: calc(var(--u) * 720);
    font-size: calc(var(--u) * 15);
    background: var(--kb-matrix-background, var(--kb-surface, #fff));
    /* An inset shadow, not a border: the stage's box must be exactly the layout's size. */
    box-shadow: inset 0 0 0 1px var(--kb-border, #d5d8dc);
    border-radius: var(--kb-radius, 10px);
    user-select: none;
    -webkit-user-select: none;
  }
  .abs {
    position: absolute;
    margin: 0;
  }
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--u) * 12);
    font-size: calc(var(--u) * 20);
    font-weight: 700;
  }
  .lock {
    font-size: calc(var(--u) * 14);
    font-weight: 400;
    color: var(--kb-warning, #8d4f00);
  }
  .axis {
    display: flex;
    align-items: center;
    justify-content: center;
    font-weight: 700;
    font-size: calc(var(--u) * 15);
    text-transform: uppercase;
    letter-spacing: 0.06em;
    color: var(--kb-text-muted, #4b5563);
  }
  .axis.row {
    writing-mode: vertical-rl;
    transform: rotate(180deg);
  }
  .field {
    background: var(--kb-matrix-field-background, var(--kb-canvas, #f7f7f4));
    border: 1px solid var(--kb-border, #d5d8dc);
    border-radius: var(--kb-radius-small, 6px);
  }
  .field.drop-target {
    border: 2px dashed var(--kb-accent, #1f5fa8);
    background: var(--kb-accent-soft, #dbe7f7);
  }
  .field-title {
    font-size: calc(var(--u) * 17);
    font-weight: 700;
    line-height: 1.5;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .question {
    font-size: calc(var(--u) * 13.5);
    line-height: 1.3;
    color: var(--kb-text-muted, #4b5563);
    overflow: hidden;
  }
  .stage button {
    min-height: 0;
    padding: 0 calc(var(--u) * 8);
    font-size: calc(var(--u) * 13);
    line-height: 1.2;
  }
  .add {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: calc(var(--u) * 4);
    font-weight: 600;
  }
  .notes {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .note {
    position: absolute;
    display: flex;
    flex-direction: column;
    gap: calc(var(--u) * 2);
    padding: calc(var(--u) * 6);
    font-size: calc(var(--u) * var(--fs, 14));
    line-height: 1.25;
    background: var(--note-bg);
    color: var(--kb-note-text, #1c1f23);
    border: 1px solid rgb(0 0 0 / 0.18);
    border-radius: calc(var(--u) * 3);
    box-shadow: var(--kb-shadow, 0 1px 2px rgb(0 0 0 / 0.08));
    cursor: grab;
    touch-action: none;
  }
  .note:focus-visible,
  .note.active {
    z-index: 3;
  }
  .note.dragging {
    z-index: 6;
    cursor: grabbing;
    box-shadow: var(--kb-shadow-lifted, 0 6px 18px rgb(0 0 0 / 0.18));
    opacity: 0.92;
  }
  .note.editing {
    z-index: 5;
    min-width: calc(var(--u) * 190);
    min-height: calc(var(--u) * 96);
  }
  .color-yellow { --note-bg: var(--kb-note-yellow, #fff3a6); }
  .color-green { --note-bg: var(--kb-note-green, #c9f0c1); }
  .color-blue { --note-bg: var(--kb-note-blue, #cfe3ff); }
  .color-pink { --note-bg: var(--kb-note-pink, #ffd3e2); }
  .color-orange { --note-bg: var(--kb-note-orange, #ffdcb8); }
  .color-grey { --note-bg: var(--kb-note-grey, #e3e5e8); }
  .swatch {
    display: inline-block;
    width: calc(var(--u) * 14);
    height: calc(var(--u) * 14);
    border: 1px solid rgb(0 0 0 / 0.35);
    border-radius: 50%;
    background: var(--note-bg);
    flex: none;
  }
  .text {
    flex: 1;
    min-height: 0;
    overflow: hidden;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .badge {
    align-self: flex-start;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: calc(var(--u) * 18);
    height: calc(var(--u) * 18);
    padding: 0 calc(var(--u) * 4);
    border-radius: calc(var(--u) * 9);
    background: var(--badge-color, #ccc);
    color: var(--kb-badge-text, #1c1f23);
    border: 1px solid rgb(0 0 0 / 0.35);
    font-size: calc(var(--u) * 11);
    font-weight: 700;
    flex: none;
  }
  textarea {
    flex: 1;
    width: 100%;
    min-height: 0;
    resize: none;
    font-size: calc(var(--u) * 14);
    padding: calc(var(--u) * 4);
  }
  .pop {
    position: absolute;
    z-index: 8;
    display: flex;
    flex-direction: column;
    gap: calc(var(--u) * 4);
    padding: calc(var(--u) * 4);
    background: var(--kb-surface, #fff);
    border: 1px solid var(--kb-border-strong, #6b7280);
    border-radius: var(--kb-radius-small, 6px);
    box-shadow: var(--kb-shadow-lifted, 0 6px 18px rgb(0 0 0 / 0.18));
    cursor: default;
    font-size: calc(var(--u) * 13);
    width: max-content;
  }
  .pop.down { top: calc(100% + var(--u) * 4); }
  .pop.up { bottom: calc(100% + var(--u) * 4); flex-direction: column-reverse; }
  .pop.start { left: 0; }
  .pop.end { right: 0; }
  .tools {
    display: flex;
    gap: calc(var(--u) * 4);
  }
  .tools button {
    min-width: calc(var(--u) * 30);
    height: calc(var(--u) * 30);
    font-size: calc(var(--u) * 15);
  }
  .menu {
    display: flex;
    flex-direction: column;
    gap: calc(var(--u) * 3);
    min-width: calc(var(--u) * 200);
  }
  .menu-title {
    margin: 0;
    font-weight: 700;
    font-size: calc(var(--u) * 12);
    color: var(--kb-text-muted, #4b5563);
  }
  .menu button {
    display: flex;
    align-items: center;
    gap: calc(var(--u) * 6);
    height: calc(var(--u) * 28);
    text-align: start;
  }
  .menu button[aria-current='true'] {
    font-weight: 700;
  }
  .draft {
    position: absolute;
    z-index: 7;
    display: flex;
    flex-direction: column;
    gap: calc(var(--u) * 4);
    padding: calc(var(--u) * 4);
    background: var(--kb-note-yellow, #fff3a6);
    border: 1px solid var(--kb-border-strong, #6b7280);
    border-radius: calc(var(--u) * 3);
    box-shadow: var(--kb-shadow-lifted, 0 6px 18px rgb(0 0 0 / 0.18));
  }
  .row {
    display: flex;
    gap: calc(var(--u) * 4);
    justify-content: flex-end;
  }
  .row button {
    height: calc(var(--u) * 28);
  }
  .marker {
    position: absolute;
    border: 2px dashed var(--kb-accent, #1f5fa8);
    border-radius: calc(var(--u) * 3);
    pointer-events: none;
  }
  /* See-through by its background, not by opacity: its text keeps its contrast. */
  .ghost {
    position: absolute;
    z-index: 9;
    pointer-events: none;
    background: color-mix(in srgb, var(--note-bg) 60%, transparent);
    border: 2px solid var(--peer-color, #455a64);
    border-radius: calc(var(--u) * 3);
    padding: calc(var(--u) * 4);
    font-size: calc(var(--u) * 12);
    overflow: hidden;
  }
  .ghost-name {
    position: absolute;
    z-index: 10;
    pointer-events: none;
    padding: 0 calc(var(--u) * 6);
    border-radius: calc(var(--u) * 4);
    background: var(--peer-color, #455a64);
    color: #fff;
    font-size: calc(var(--u) * 12);
    line-height: 1.5;
    white-space: nowrap;
  }
  .field.peer-target {
    outline: 2px dashed var(--peer-color, #455a64);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: no-preference) {
    .note {
      transition: box-shadow 120ms ease;
    }
  }
  @media (forced-colors: active) {
    .note,
    .draft,
    .ghost {
      border: 1px solid CanvasText;
    }
  }
`;
