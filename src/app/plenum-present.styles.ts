/**
 * The styles of `<kb-plenum-present>` (adopted into its page's root; see `page-part.ts`): a
 * full-screen stage for the projector, its bars in large type, a tool on its own stage that is
 * zoomed and panned by transform, and the facilitator's "look here" ring.
 */
import { css } from 'lit';

export const plenumPresentStyles = css`
  kb-plenum-present {
    display: contents;
  }
  .presenting {
    position: fixed;
    inset: 0;
    z-index: 50;
    background: var(--kb-canvas, #f7f7f4);
    display: flex;
    flex-direction: column;
    font-size: 18px;
  }
  .presenting header {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 8px 16px;
    padding: 8px 18px;
    background: var(--kb-surface, #fff);
    border-bottom: 1px solid var(--kb-border, #d5d8dc);
  }
  .presenting h2 {
    margin: 0;
    font-size: 1.9rem;
  }
  .presenting .pos,
  .presenting .tool-pos {
    font-size: 1.25rem;
    color: var(--kb-text-muted, #4b5563);
  }
  .presenting .tool-pos {
    font-weight: 600;
    color: var(--kb-text, #1c1f23);
  }
  .presenting .nav {
    margin-left: auto;
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .presenting .zoom-bar {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 6px 18px;
    background: var(--kb-surface, #fff);
    border-bottom: 1px solid var(--kb-border, #d5d8dc);
  }
  .presenting .zoom-bar button {
    min-width: 48px;
    font-size: 1.1rem;
  }
  .presenting .zoom-bar .keys {
    margin-left: auto;
  }
  .presenting .stage {
    flex: 1;
    min-height: 0;
    position: relative;
    overflow: hidden;
  }
  .presenting kb-board {
    height: 100%;
  }
  .tool-stage {
    touch-action: none;
    cursor: grab;
  }
  .tool-stage.pointing {
    cursor: crosshair;
  }
  .tool-frame {
    position: absolute;
    left: 0;
    top: 0;
    transform-origin: 0 0;
    background: var(--kb-surface, #fff);
    border-radius: var(--kb-radius, 10px);
    box-shadow: var(--kb-shadow, 0 2px 10px rgba(0, 0, 0, 0.15));
  }
  .tool-frame > * {
    display: block;
    width: 100%;
    height: 100%;
  }
  .look-here {
    position: absolute;
    width: 56px;
    height: 56px;
    margin: -28px 0 0 -28px;
    box-sizing: border-box;
    border-radius: 50%;
    border: 6px solid var(--kb-danger, #b3261e);
    box-shadow: 0 0 0 6px rgba(255, 255, 255, 0.8);
    pointer-events: none;
    animation: kb-look-here 1.2s ease-in-out infinite;
    z-index: 5;
  }
  @keyframes kb-look-here {
    50% {
      transform: scale(1.25);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .look-here {
      animation: none;
    }
  }
`;
