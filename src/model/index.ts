/**
 * The Yjs schemas: the board's (record kinds, validators, the Board door, migrations and undo)
 * and the workshop control document's (the ControlDoc door; the server's ControlWriter is
 * ./control-writer.ts, imported from there so that no page's bundle holds it).
 */
export { Board } from './board.js';
export type { BoardChange, CreateInit, Item, ItemRecord, Move, Origin, Problem } from './board.js';
export { createUndoManager } from './undo.js';
export type { BoardUndoManager, UndoOptions, UndoState } from './undo.js';
export { CURRENT_SCHEMA_VERSION, migrate, MIGRATION_ORIGIN, MIGRATIONS, registerMigration } from './migrations.js';
export type { Migration, MigrationResult } from './migrations.js';
export type { BoardTypes } from './storage.js';
export { defaultMeta, MAX_TITLE, metaValidator, readMeta, titleValidator } from './meta.js';
export type { Meta } from './meta.js';
export { isKind, kindOf, ownerKey, recordKinds, RESERVED_KEYS } from './kinds.js';
export type { Kind, PropsOf, RecordKind } from './kinds.js';
export { defaultGeometry, geometryValidator, MAX_COORDINATE, MAX_SIZE } from './geometry.js';
export type { Geometry } from './geometry.js';
export { createId, ITEM_ID_PATTERN, itemId } from './ids.js';
export { MAX_NOTE_TEXT, NOTE_COLORS } from './note.js';
export type { NoteColor, Props as NoteProps } from './note.js';
export { MAX_FRAME_TITLE } from './frame.js';
export type { Props as FrameProps } from './frame.js';
export { WIDGET_TYPES, widgetType } from './widget.js';
export type { Props as WidgetProps, WidgetType } from './widget.js';
export type { Infer, ObjectValidator, Result, Validator } from './validate.js';
export { ASSESSMENTS, assessmentId } from './theme-assessment.js';
export type { Assessment } from './theme-assessment.js';
export { MATRIX_FIELDS } from './matrix-note.js';
export type { MatrixFieldId } from './matrix-note.js';
export { AREAS, COLUMNS } from './competence-card.js';
export type { Area, Column } from './competence-card.js';
export { likeId } from './wall-like.js';
export { CONTROL_MAP, ControlDoc, currentStep, MAX_STEP_TEXT, MAX_STEPS, MAX_TIMER_MINUTES, readControl } from './control.js';
export type {
  Attention,
  BoardRect,
  ControlGroup,
  ControlMove,
  ControlProblem,
  ControlRead,
  ControlReadOptions,
  ControlState,
  CurrentStep,
  Lead,
  Pointer,
  Step,
  Timer,
  TimerRequest,
  VoteSignal,
} from './control.js';
