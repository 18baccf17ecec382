/**
 * Defines the widget elements (side effect). Which element shows a widget type is its kind's
 * `tag` (src/kinds); this module only makes sure every element is loaded.
 */
import '../../widgets/bor-gor-matrix/bor-gor-matrix.js';
import '../../widgets/competence-profile/competence-profile.js';
import '../../widgets/reflection-wall/reflection-wall.js';
import '../../widgets/seven-themes/seven-themes.js';
