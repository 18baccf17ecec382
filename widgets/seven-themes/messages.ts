/** The seven-themes widget's strings, Danish first. */
import { defineMessages } from '../../src/i18n/index.js';

export const msg = defineMessages({
  da: {
    title: 'De syv kvalitetskriterier',
    puzzle: 'Puslespil med de syv kvalitetskriterier for kædeansvar',
    legend: 'Forklaring',
    hint: 'Vælg en brik for at læse kriteriet, vurdere jeres praksis og skrive noter. I kan også løfte en brik med musen; den falder tilbage på plads.',
    'status.not-started': 'Ikke startet',
    'status.under-way': 'Undervejs',
    'status.established': 'Etableret',
    // A piece's name is what it shows for a name (WCAG 2.5.3, label in name); its status and
    // notes count, drawn elsewhere on it, are its description.
    pieceLabel: '{number}. {name}',
    pieceState: '{status}. {notes}.',
    notesNone: '0 noter',
    notesOne: '1 note',
    notesMany: '{count} noter',
    criterion: 'Kriterium {number}',
    close: 'Luk',
    closeLabel: 'Luk kriterium {number}',
    assessment: 'Hvor står I med dette kriterium?',
    notes: 'Gruppens noter ({count})',
    noNotes: 'Ingen noter endnu.',
    newNote: 'Ny note',
    anonymous: 'Skriv uden mit navn',
    add: 'Tilføj note',
    delete: 'Slet',
    deleteLabel: 'Slet note: {text}',
    noName: 'Uden navn',
    by: 'Skrevet af {name}',
    locked: 'Tavlen er låst, så vurdering og noter kan ikke ændres.',
    added: 'Noten er tilføjet.',
    deleted: 'Noten er slettet.',
    statusSet: 'Vurderingen er nu: {status}.',
    lifting: '{name} løfter brikken',
  },
  en: {
    title: 'The seven quality criteria',
    puzzle: 'Puzzle of the seven quality criteria of chain responsibility',
    legend: 'Legend',
    hint: 'Choose a piece to read the criterion, assess your practice and write notes. You can also lift a piece with the mouse; it falls back into place.',
    'status.not-started': 'Not started',
    'status.under-way': 'Under way',
    'status.established': 'Established',
    pieceLabel: '{number}. {name}',
    pieceState: '{status}. {notes}.',
    notesNone: '0 notes',
    notesOne: '1 note',
    notesMany: '{count} notes',
    criterion: 'Criterion {number}',
    close: 'Close',
    closeLabel: 'Close criterion {number}',
    assessment: 'Where do you stand on this criterion?',
    notes: "The group's notes ({count})",
    noNotes: 'No notes yet.',
    newNote: 'New note',
    anonymous: 'Post without my name',
    add: 'Add note',
    delete: 'Delete',
    deleteLabel: 'Delete note: {text}',
    noName: 'No name',
    by: 'Written by {name}',
    locked: 'The board is locked, so the assessment and notes cannot be changed.',
    added: 'The note was added.',
    deleted: 'The note was deleted.',
    statusSet: 'The assessment is now: {status}.',
    lifting: '{name} is lifting the piece',
  },
});

/** "No notes" / "1 note" / "3 notes" in the current language. */
/** The count of notes, always as the numeral the badge shows (label in name). */
export function notesCount(count: number): string {
  return count === 0 ? msg('notesNone') : count === 1 ? msg('notesOne') : msg('notesMany', { count });
}
