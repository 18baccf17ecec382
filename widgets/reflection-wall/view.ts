/** What the wall's render helpers read from, and call back into, the element. */
import type { Rect } from '../../src/layout/rect.js';
import type { WallColumn, WallPost } from '../../src/kinds/reflection-wall/records.js';

/** A column's answer field. */
export interface Draft {
  text: string;
  anonymous: boolean;
  error: 'empty' | 'too-long' | null;
}

/** The column whose title and questions are being edited. */
export interface ColumnEdit {
  id: string;
  title: string;
  questions: string;
  error: 'title-required' | 'title-too-long' | 'questions' | null;
}

/** The editing of a column's title and questions (column-edit.ts). */
export interface ColumnEdits {
  readonly editing: ColumnEdit | null;
  start(column: WallColumn): void;
  input(field: 'title' | 'questions', e: Event): void;
  keydown(e: KeyboardEvent): void;
  save(): void;
  cancel(): void;
}

export interface WallView {
  readonly readonly: boolean;
  readonly columns: readonly WallColumn[];
  readonly edits: ColumnEdits;
  readonly menuFor: string | null;
  readonly draggingId: string | null;
  readonly dropTarget: string | null;
  readonly peerTargets: ReadonlySet<string>;
  /** Ids describing why controls are disabled (the locked note), or ''. */
  readonly lockedBy: string;
  draft(columnId: string): Draft;
  slots(columnIndex: number): Rect[];
  onDraftInput(columnId: string, e: Event): void;
  onAnonymous(columnId: string, e: Event): void;
  onComposerKey(columnId: string, e: KeyboardEvent): void;
  onPost(columnId: string): void;
  onDeleteColumn(columnId: string): void;
  onLike(post: WallPost): void;
  onToggleMenu(postId: string): void;
  onMenuKey(postId: string, e: KeyboardEvent): void;
  onMove(postId: string, columnId: string): void;
  onDeletePost(postId: string): void;
  onPostPointerDown(postId: string, e: PointerEvent): void;
}

/** Inline absolute position of `r`, relative to `origin`. */
export function place(r: Rect, origin: { x: number; y: number } = { x: 0, y: 0 }): Record<string, string> {
  return { left: `${r.x - origin.x}px`, top: `${r.y - origin.y}px`, width: `${r.w}px`, height: `${r.h}px` };
}
