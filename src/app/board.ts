/** Entry of the participant app. */
import './widgets.js';
import './app-element.js';
