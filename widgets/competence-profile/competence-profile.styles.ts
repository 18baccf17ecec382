/** Styles of `<kb-competence-profile>`. Parts sit absolutely at their layout rects. */
import { css } from 'lit';

export const profileStyles = css`
  :host {
    width: 100%;
    overflow: hidden;
  }
  .frame {
    position: relative;
    width: 100%;
    overflow: hidden;
  }
  .stage {
    position: absolute;
    left: 0;
    top: 0;
    transform-origin: 0 0;
    background: var(--kb-competence-bg, var(--kb-surface, #fff));
    border: 1px solid var(--kb-border, #d5d8dc);
    border-radius: var(--kb-radius, 10px);
  }
  .abs {
    position: absolute;
    margin: 0;
  }
  .header {
    display: flex;
    align-items: center;
    gap: 16px;
  }
  .header h2 {
    margin: 0;
    font-size: 24px;
    white-space: nowrap;
  }
  .locked {
    margin: 0;
    color: var(--kb-warning, #8d4f00);
    font-weight: 600;
  }
  .deck-loader {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    font-size: 14px;
  }
  .alert:empty {
    display: none;
  }
  .alert {
    flex: 1;
    min-width: 0;
    padding: 4px 8px;
    border-radius: var(--kb-radius-small, 6px);
    border: 1px solid var(--kb-danger, #b3261e);
    color: var(--kb-danger, #b3261e);
    background: var(--kb-competence-alert-bg, #fdecea);
    font-size: 14px;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .area {
    border-radius: var(--kb-radius, 10px);
    border: 1px solid var(--kb-border, #d5d8dc);
    background: var(--kb-competence-generic-bg, var(--kb-bg, #f4f5f7));
  }
  .area.local {
    background: var(--kb-competence-local-bg, #eef4fb);
    border: 2px solid var(--kb-accent, #1f5fa8);
  }
  .area-title {
    font-size: 22px;
    line-height: 36px;
  }
  .column {
    border-radius: var(--kb-radius-small, 6px);
    background: var(--kb-competence-column-bg, rgb(255 255 255 / 0.6));
    border: 1px solid var(--kb-border, #d5d8dc);
  }
  .column.drop-target {
    outline: 3px dashed var(--kb-accent, #1f5fa8);
    outline-offset: -3px;
  }
  .column-heading {
    font-size: 18px;
    line-height: 30px;
    display: flex;
    justify-content: space-between;
    gap: 8px;
  }
  .column-heading .count {
    font-size: 14px;
    font-weight: normal;
    color: var(--kb-text-muted, #4b5563);
  }
  ul.cards {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li.slot {
    position: absolute;
  }
  li.slot.dragging {
    z-index: 10;
    pointer-events: none;
  }
  li.slot.dragging kb-competence-card {
    pointer-events: auto;
  }
  .add {
    display: flex;
    gap: 4px;
    align-items: stretch;
  }
  .add > button.add-button {
    width: 100%;
    border-style: dashed;
  }
  .add input {
    flex: 1;
    min-width: 0;
  }
  .ghost {
    position: absolute;
    z-index: 20;
    pointer-events: none;
    opacity: 0.6;
    padding: 4px 8px;
    border-radius: var(--kb-radius-small, 6px);
    border: 2px dashed var(--peer-color, #455a64);
    background: var(--kb-surface, #fff);
    font-size: 14px;
    overflow: hidden;
  }
  .ghost .who {
    position: absolute;
    top: -2px;
    right: -2px;
    padding: 0 6px;
    color: #fff;
    background: var(--peer-color, #455a64);
    border-radius: 0 var(--kb-radius-small, 6px) 0 var(--kb-radius-small, 6px);
    font-size: 12px;
  }
`;
