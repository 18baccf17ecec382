/** The Bør/Gør matrix widget: `<kb-bor-gor-matrix>` and its canvas registration. */
export { KbBorGorMatrix } from './bor-gor-matrix.js';
export type { MatrixField, NoteAddDetail, NoteMoveDetail } from './bor-gor-matrix.js';
export { borGorMatrixWidget } from './register.js';
