/** Registers the workshop widgets with the canvas (element, size on the board, how it is seeded). */
import '../../widgets/bor-gor-matrix/register.js';
import '../../widgets/competence-profile/register.js';
import '../../widgets/reflection-wall/register.js';
import '../../widgets/seven-themes/register.js';
