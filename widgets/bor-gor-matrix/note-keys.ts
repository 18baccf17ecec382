/**
 * The keyboard map of a focused matrix note, as data: which action a key press asks for. The
 * element decides whether it may act (a locked board allows only Escape) and acts.
 */
import type { Direction } from '../../src/kinds/bor-gor-matrix/layout.js';

export type NoteKeyAction =
  /** Escape: cancel a drag in progress, or close the note's menu. */
  | { kind: 'escape' }
  /** Alt+Arrow: move the note to the neighbouring field. */
  | { kind: 'to-field'; direction: Direction }
  /** Ctrl/Cmd+ArrowUp/Down: move the note earlier or later in its field. */
  | { kind: 'reorder'; delta: -1 | 1 }
  /** Enter or F2: edit the text. M: open the "Move to" menu. Delete: delete the note. */
  | { kind: 'edit' | 'move-menu' | 'delete' };

const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

export function noteKeyAction(e: KeyboardEvent): NoteKeyAction | null {
  if (e.key === 'Escape') return { kind: 'escape' };
  const direction = ARROWS[e.key];
  if (direction && e.altKey && !e.ctrlKey && !e.metaKey) return { kind: 'to-field', direction };
  if ((direction === 'up' || direction === 'down') && (e.ctrlKey || e.metaKey) && !e.altKey) {
    return { kind: 'reorder', delta: direction === 'up' ? -1 : 1 };
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === 'Enter' || e.key === 'F2') return { kind: 'edit' };
  if (e.key === 'm' || e.key === 'M') return { kind: 'move-menu' };
  if (e.key === 'Delete') return { kind: 'delete' };
  return null;
}
