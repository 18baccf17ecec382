/** The strings of the palette's add and go-to (Danish first); they load with the palette. */
import { defineMessages } from '../i18n/index.js';

export const tm = defineMessages({
  da: {
    add: 'Tilføj',
    goTo: 'Gå til',
    goToTool: 'Gå til {name}',
    nothing: 'Intet på tavlen endnu',
    again: '{name} er allerede på tavlen.',
    againQuestion: 'Vil du tilføje en til?',
    addAnother: 'Tilføj en til',
    showIt: 'Vis den, der er',
    cancel: 'Annuller',
  },
  en: {
    add: 'Add',
    goTo: 'Go to',
    goToTool: 'Go to {name}',
    nothing: 'Nothing on the board yet',
    again: '{name} is already on the board.',
    againQuestion: 'Do you want to add another one?',
    addAnother: 'Add another',
    showIt: 'Show the one there is',
    cancel: 'Cancel',
  },
});
