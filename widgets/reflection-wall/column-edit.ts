/**
 * Editing a column's title and questions: the edit in progress (rendered by render-column.ts; a
 * change asks the element to re-render), its keys (Enter in the title or Ctrl/Cmd+Enter saves,
 * Escape cancels), the check on save (a title of 1..MAX_COLUMN_TITLE characters, questions within
 * MAX_QUESTIONS, blank lines dropped) and the one write through Board.
 */
import type { ReactiveControllerHost } from 'lit';
import { MAX_COLUMN_TITLE, MAX_QUESTIONS } from '../../src/kinds/reflection-wall/records.js';
import type { WallColumn } from '../../src/kinds/reflection-wall/records.js';
import type { Board, Origin } from '../../src/model/index.js';
import type { ColumnEdit, ColumnEdits } from './view.js';

export interface ColumnEditorOptions {
  board(): Board | undefined;
  origin(): Origin;
  readonly(): boolean;
  /** Focuses `selector` once the host has rendered. */
  focus(selector: string): void;
}

export class ColumnEditor implements ColumnEdits {
  #editing: ColumnEdit | null = null;

  constructor(private readonly host: ReactiveControllerHost, private readonly opts: ColumnEditorOptions) {}

  get editing(): ColumnEdit | null {
    return this.#editing;
  }

  set editing(edit: ColumnEdit | null) {
    if (edit === this.#editing) return;
    this.#editing = edit;
    this.host.requestUpdate();
  }

  /** Opens the editor of `column`, focus in its title. */
  start(column: WallColumn): void {
    if (this.opts.readonly()) return;
    const { id, props } = column.item;
    this.editing = { id, title: props.title, questions: props.questions, error: null };
    this.opts.focus(`[data-item-id="${id}"] .edit-title`);
  }

  input(field: 'title' | 'questions', e: Event): void {
    if (!this.editing) return;
    this.editing = { ...this.editing, [field]: (e.target as HTMLInputElement | HTMLTextAreaElement).value, error: null };
  }

  keydown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.cancel();
    } else if (e.key === 'Enter' && ((e.target as Element).tagName === 'INPUT' || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.save();
    }
  }

  save(): void {
    const edit = this.editing;
    const board = this.opts.board();
    if (!edit || this.opts.readonly() || !board) return;
    const title = edit.title.trim();
    const questions = edit.questions
      .split('\n')
      .map((q) => q.trim())
      .filter((q) => q !== '')
      .join('\n');
    const error = title === '' ? 'title-required' : title.length > MAX_COLUMN_TITLE ? 'title-too-long' : questions.length > MAX_QUESTIONS ? 'questions' : null;
    if (error !== null) {
      this.editing = { ...edit, error };
      return;
    }
    board.updateProps<'wall-column'>(edit.id, { title, questions }, this.opts.origin());
    this.editing = null;
    this.opts.focus(`[data-item-id="${edit.id}"] .edit`);
  }

  cancel(): void {
    const id = this.editing?.id;
    this.editing = null;
    if (id !== undefined) this.opts.focus(`[data-item-id="${id}"] .edit`);
  }
}
