import { css } from 'lit';
import { visuallyHidden } from '../../widgets/shared/styles.js';

/** The buttons and selects of the board's bars and palette: touch targets of 44x44 CSS px at least. */
export const toolButtonStyles = css`
  button,
  select {
    font: inherit;
    font-size: 14px;
    min-height: 44px;
    min-width: 44px;
    padding: 4px 10px;
    border-radius: 6px;
    border: 1px solid var(--kb-border-strong, #6b7280);
    background: var(--kb-surface, #fff);
    color: inherit;
    cursor: pointer;
    text-align: left;
  }
  button:hover {
    background: var(--kb-surface-hover, #f1f3f5);
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
`;

export const boardStyles = css`
  ${visuallyHidden}
  :host {
    display: block;
    position: relative;
    overflow: hidden;
    height: 100%;
    min-height: 320px;
    font-family: var(--kb-font, system-ui, sans-serif);
    color: var(--kb-text, #1c1f23);
    background: var(--kb-canvas, #f7f7f4);
    user-select: none;
    -webkit-user-select: none;
  }
  :focus-visible {
    outline: 3px solid var(--kb-focus, #1f5fa8);
    outline-offset: 2px;
  }
  .viewport {
    position: absolute;
    inset: 0;
    touch-action: none;
    cursor: default;
    background-image: radial-gradient(circle, var(--kb-grid-dot, #c9ccd1) 1.2px, transparent 1.3px);
  }
  .viewport.panning {
    cursor: grabbing;
  }
  .viewport.placing {
    cursor: crosshair;
  }
  .world {
    position: absolute;
    left: 0;
    top: 0;
    transform-origin: 0 0;
  }
  .item {
    position: absolute;
    box-sizing: border-box;
    outline-offset: 4px;
  }
  .item.selected {
    outline: 3px solid var(--kb-accent, #1f5fa8);
  }
  .item.remote-drag {
    opacity: 0.75;
    transition: transform 33ms linear;
  }
  .item.remote-drag,
  .item.dragging {
    will-change: transform;
  }
  .item.dragging {
    box-shadow: var(--kb-shadow-lifted, 0 6px 18px rgb(0 0 0 / 0.18));
  }
  .drag-tag {
    position: absolute;
    top: -26px;
    left: 0;
    font-size: 13px;
    color: #fff;
    padding: 2px 6px;
    border-radius: 4px;
    white-space: nowrap;
    pointer-events: none;
  }
  .note {
    padding: 14px;
    border-radius: 4px;
    box-shadow: var(--kb-shadow, 0 1px 2px rgb(0 0 0 / 0.08));
    font-size: 18px;
    line-height: 1.3;
    overflow: hidden;
    cursor: grab;
  }
  .note-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    height: 100%;
  }
  .note textarea {
    width: 100%;
    height: 100%;
    border: none;
    background: transparent;
    font: inherit;
    resize: none;
    outline: none;
    user-select: text;
  }
  .note .placeholder {
    color: var(--kb-text-muted, #4b5563);
    font-style: italic;
  }
  .frame {
    border: 2px solid var(--kb-border-strong, #6b7280);
    border-radius: var(--kb-radius, 10px);
    background: rgb(255 255 255 / 0.55);
  }
  .frame-title,
  .widget-handle {
    position: absolute;
    top: -34px;
    left: 0;
    height: 30px;
    max-width: 100%;
    display: flex;
    align-items: center;
    gap: 6px;
    padding: 0 10px;
    font-size: 15px;
    font-weight: 600;
    border-radius: 6px 6px 0 0;
    background: var(--kb-surface, #fff);
    border: 1px solid var(--kb-border, #d5d8dc);
    cursor: grab;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .frame-title input {
    font: inherit;
    border: 1px solid var(--kb-border-strong, #6b7280);
    user-select: text;
  }
  .widget {
    background: var(--kb-surface, #fff);
    border: 1px solid var(--kb-border, #d5d8dc);
    border-radius: var(--kb-radius, 10px);
    box-shadow: var(--kb-shadow, 0 1px 2px rgb(0 0 0 / 0.08));
  }
  .widget > .widget-body {
    position: absolute;
    inset: 0;
    overflow: hidden;
    border-radius: inherit;
  }
  .widget-body > * {
    width: 100%;
    height: 100%;
  }
  .band {
    position: absolute;
    z-index: 49;
    border: 1px solid var(--kb-accent, #1f5fa8);
    background: rgb(31 95 168 / 0.1);
    pointer-events: none;
  }
  .cursor {
    position: absolute;
    z-index: 50;
    pointer-events: none;
    transform-origin: 0 0;
    transition: left 60ms linear, top 60ms linear, opacity 600ms;
  }
  .cursor.idle {
    opacity: 0;
  }
  .cursor span {
    position: absolute;
    left: 14px;
    top: 16px;
    color: #fff;
    font-size: 13px;
    padding: 2px 6px;
    border-radius: 4px;
    white-space: nowrap;
  }
  .bar {
    position: absolute;
    display: flex;
    gap: 6px;
    align-items: center;
    padding: 6px;
    background: var(--kb-surface, #fff);
    border: 1px solid var(--kb-border, #d5d8dc);
    border-radius: var(--kb-radius, 10px);
    box-shadow: var(--kb-shadow, 0 1px 2px rgb(0 0 0 / 0.08));
    z-index: 10;
  }
  /* The floating bars keep clear of the page's banners over the board (--kb-overlay-top). */
  .bar.top {
    top: calc(12px + var(--kb-overlay-top, 0px));
    right: 12px;
  }
  .bar.people {
    top: calc(84px + var(--kb-overlay-top, 0px));
    right: 12px;
    max-height: 40vh;
    overflow-y: auto;
    display: block;
  }
  .bar.palette {
    top: calc(12px + var(--kb-overlay-top, 0px));
    left: 12px;
    max-width: 200px;
    max-height: calc(100% - 100px - var(--kb-overlay-top, 0px));
    overflow-y: auto;
    flex-direction: column;
    align-items: stretch;
  }
  /* Below 600 px: one bar at the bottom; the palette and the people open above it as a sheet. */
  .bar.dock {
    left: 8px;
    right: 8px;
    bottom: 8px;
    justify-content: space-between;
    gap: 4px;
    padding: 6px;
  }
  .dock .tools {
    flex: 1;
    max-width: 130px;
    padding: 4px 6px;
    font-weight: 600;
    text-align: center;
  }
  .bar.sheet {
    left: 8px;
    right: 8px;
    bottom: 74px;
    max-height: calc(100% - 90px - var(--kb-overlay-top, 0px));
    overflow-y: auto;
    flex-direction: column;
    align-items: stretch;
    z-index: 12;
  }
  .sheet .close {
    align-self: flex-end;
  }
  .skip button,
  .skip-next {
    position: absolute;
    width: 1px;
    height: 1px;
    min-width: 0;
    min-height: 0;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .skip {
    position: absolute;
    z-index: 30;
    top: 4px;
    left: 4px;
  }
  .skip button:focus,
  .skip-next:focus {
    position: static;
    width: auto;
    height: auto;
    min-width: 44px;
    min-height: 44px;
    padding: 4px 10px;
    border: 1px solid var(--kb-border-strong, #6b7280);
    clip-path: none;
  }
  .skip-next:focus {
    position: absolute;
    top: 0;
    left: 0;
    z-index: 5;
  }
  .bar.selection {
    bottom: 16px;
    left: 50%;
    transform: translateX(-50%);
  }
  .bar.selection:has(~ .dock) {
    bottom: 74px;
    max-width: calc(100% - 16px);
  }
  .bar.status {
    bottom: 16px;
    left: 12px;
    font-size: 14px;
  }
  .dot {
    display: inline-block;
    width: 10px;
    height: 10px;
    border-radius: 50%;
    margin-right: 6px;
  }
  .status-connected .dot {
    background: var(--kb-success, #2e7d32);
  }
  .status-connecting .dot,
  .status-reconnecting .dot {
    background: var(--kb-warning, #8d4f00);
  }
  .status-offline .dot {
    background: var(--kb-danger, #b3261e);
  }
  .banner {
    position: absolute;
    bottom: 84px;
    left: 50%;
    transform: translateX(-50%);
    background: var(--kb-text, #1c1f23);
    color: #fff;
    padding: 8px 14px;
    border-radius: 8px;
    z-index: 11;
    font-size: 15px;
  }
  .dock ~ .banner {
    bottom: 140px;
  }
`;
