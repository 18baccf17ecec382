/** The canvas chrome's own strings (the bottom bar, its sheets, the skip links), Danish first. */
import { defineMessages } from '../i18n/index.js';

export const cm = defineMessages({
  da: {
    skipTo: 'Spring til et værktøj',
    nextTool: 'Spring videre til {name}',
    close: 'Luk',
    here: 'Her nu: {count}',
  },
  en: {
    skipTo: 'Skip to a tool',
    nextTool: 'Skip on to {name}',
    close: 'Close',
    here: 'Here now: {count}',
  },
});
