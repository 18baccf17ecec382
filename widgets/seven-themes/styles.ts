/** Styles of `<kb-seven-themes>`. */
import { css } from 'lit';

export const sevenThemesStyles = css`
  :host {
    position: relative;
    --_stroke: var(--kb-seven-themes-stroke, var(--kb-border-strong, #6b7280));
    --_ink: var(--kb-text, #1c1f23);
  }
  .frame {
    position: relative;
  }
  svg.puzzle {
    display: block;
    width: 100%;
    height: auto;
    overflow: visible;
    user-select: none;
    -webkit-user-select: none;
  }

  /* Pieces */
  .piece {
    cursor: grab;
    touch-action: none;
    outline: none;
  }
  .piece.lifting {
    cursor: grabbing;
  }
  .fill {
    fill: var(--kb-status-not-started, #eceff1);
  }
  .fill[data-status='under-way'] {
    fill: var(--kb-status-under-way, #ffe08a);
  }
  .fill[data-status='established'] {
    fill: var(--kb-status-established, #a5d6a7);
  }
  .hatch-stripe {
    fill: var(--kb-seven-themes-hatch, rgb(0 0 0 / 0.09));
  }
  .outline {
    fill: none;
    stroke: var(--_stroke);
    stroke-width: 2;
    stroke-linejoin: round;
  }
  .fill[data-status='established'] ~ .outline {
    stroke-width: 3;
  }
  .piece:hover .outline {
    stroke: var(--_ink);
  }
  .piece:focus-visible .outline,
  .focus-ring {
    stroke: var(--kb-focus, #1f5fa8);
    stroke-width: 5;
  }
  .focus-ring {
    fill: none;
    pointer-events: none;
    stroke-linejoin: round;
  }
  .number-disc {
    stroke: var(--_ink);
    stroke-width: 1.5;
  }
  .number {
    font-size: 20px;
    font-weight: 700;
    fill: var(--_ink);
    text-anchor: middle;
    dominant-baseline: central;
  }
  .badge circle {
    fill: var(--kb-seven-themes-badge-bg, var(--kb-surface, #fff));
    stroke: var(--_ink);
    stroke-width: 1.5;
  }
  .badge text {
    font-size: 15px;
    font-weight: 700;
    fill: var(--_ink);
    text-anchor: middle;
    dominant-baseline: central;
  }
  .badge[data-count='0'] circle {
    stroke: var(--_stroke);
  }
  .name {
    display: flex;
    align-items: center;
    height: 100%;
    margin: 0;
    overflow: hidden;
    font-size: var(--kb-seven-themes-name-size, 16px);
    font-weight: 650;
    line-height: 1.2;
    color: var(--_ink);
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  .status-text,
  .legend-text {
    font-size: 15px;
    fill: var(--_ink);
    dominant-baseline: central;
  }
  .icon-ring {
    fill: var(--kb-surface, #fff);
    stroke: var(--_ink);
    stroke-width: 1.5;
  }
  .icon-fill {
    fill: var(--_ink);
  }
  .icon-tick {
    fill: none;
    stroke: var(--kb-surface, #fff);
    stroke-width: 2.2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  /* The empty place of a lifted piece, the lifted piece, and the snap back. */
  .marks {
    pointer-events: none;
  }
  .piece.hole > :not(.outline),
  .hole > .marks {
    opacity: 0.25;
  }
  .piece.hole .outline {
    stroke-dasharray: 6 5;
  }
  .lifted {
    pointer-events: none;
    filter: drop-shadow(0 6px 10px rgb(0 0 0 / 0.25));
  }
  .lifted.returning {
    transition: transform 240ms cubic-bezier(0.2, 0.8, 0.3, 1.2);
  }
  @media (prefers-reduced-motion: reduce) {
    .lifted.returning {
      transition: none;
    }
  }
  .ghost {
    pointer-events: none;
    opacity: 0.55;
  }
  .ghost path {
    fill: var(--kb-surface, #fff);
    fill-opacity: 0.5;
    stroke-width: 3;
    stroke-dasharray: 8 4;
  }
  .ghost-name {
    font-size: 16px;
    font-weight: 700;
    text-anchor: middle;
    dominant-baseline: central;
    paint-order: stroke;
    stroke: var(--kb-surface, #fff);
    stroke-width: 4px;
  }

  /* Legend */
  .legend-title {
    margin: 0;
    font-size: 20px;
    line-height: 1.2;
    color: var(--_ink);
  }
  .legend-hint {
    margin: 0;
    font-size: 14px;
    line-height: 1.35;
    color: var(--kb-text-muted, #4b5563);
  }

  /* Detail panel */
  .panel {
    position: absolute;
    top: 0;
    right: 0;
    bottom: 0;
    width: min(var(--kb-seven-themes-panel-width, 440px), 100%);
    overflow: auto;
    padding: 16px 18px;
    background: var(--kb-surface, #fff);
    border: 1px solid var(--kb-border-strong, #6b7280);
    border-radius: var(--kb-radius, 10px);
    box-shadow: var(--kb-shadow-lifted, 0 6px 18px rgb(0 0 0 / 0.18));
  }
  .panel.start {
    right: auto;
    left: 0;
  }
  .panel-head {
    display: flex;
    align-items: flex-start;
    gap: 10px;
  }
  .panel-number {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 36px;
    height: 36px;
    border-radius: 50%;
    border: 1.5px solid var(--_ink);
    font-weight: 700;
  }
  .panel-titles {
    flex: 1;
    min-width: 0;
  }
  .panel-kicker {
    margin: 0;
    font-size: 0.85em;
    color: var(--kb-text-muted, #4b5563);
  }
  #panel-title {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.2;
  }
  .panel-text {
    line-height: 1.45;
  }
  .locked {
    padding: 6px 10px;
    border-left: 4px solid var(--kb-warning, #8d4f00);
    background: var(--kb-surface-hover, #f1f3f5);
  }
  .section-label {
    margin: 14px 0 6px;
    font-size: 1em;
    font-weight: 700;
  }
  .assessment-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .assessment-buttons button {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  @media (pointer: coarse) {
    .assessment-buttons {
      gap: 16px;
    }
    .assessment-buttons button {
      min-height: 44px;
    }
  }
  .assessment-buttons button[aria-pressed='true'] {
    font-weight: 700;
    border-width: 2px;
  }
  .button-icon {
    flex: none;
  }
  .notes {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 8px;
  }
  .note {
    padding: 8px 10px;
    border: 1px solid var(--kb-border, #d5d8dc);
    border-radius: var(--kb-radius-small, 6px);
    background: var(--kb-note-yellow, #fff3a6);
  }
  .note-text {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .note-author {
    margin: 4px 0 0;
    font-size: 0.85em;
    color: var(--kb-text-muted, #4b5563);
  }
  .note .delete {
    margin-top: 6px;
  }
  .empty {
    color: var(--kb-text-muted, #4b5563);
  }
  .add {
    display: grid;
    gap: 6px;
    margin-top: 14px;
  }
  .add label[for] {
    font-weight: 700;
  }
  .add textarea {
    width: 100%;
    resize: vertical;
  }
  .add-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .check input {
    width: 20px;
    height: 20px;
  }
`;
