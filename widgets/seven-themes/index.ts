/** The seven-themes widget: the element and its data helpers. */
export { KbSevenThemes } from './seven-themes.js';
export type { AssessmentChangeDetail, PieceOpenDetail } from './seven-themes.js';
export { addNote, isOwnNote, readThemes, setAssessment } from './records.js';
export type { ThemeNote, ThemeState } from './records.js';
