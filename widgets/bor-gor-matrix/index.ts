/** The Bør/Gør matrix widget: `<kb-bor-gor-matrix>`. */
export { KbBorGorMatrix } from './bor-gor-matrix.js';
export type { BorGorMatrixEvents, MatrixField, NoteAddDetail, NoteMoveDetail } from './bor-gor-matrix.js';
