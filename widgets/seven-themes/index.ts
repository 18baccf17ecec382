/** The seven-themes widget: the element. */
export { KbSevenThemes } from './seven-themes.js';
export type { AssessmentChangeDetail, PieceOpenDetail, SevenThemesEvents } from './seven-themes.js';
