/** Registers the workshop widgets with the canvas (element, size on the board, how it is seeded). */
import '../../widgets/competence-profile/register.js';
