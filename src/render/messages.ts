/**
 * Strings of the static renderings and the exports (Danish first). Widget and criterion names
 * come from the content modules and the app catalogue; these are the few the renderer adds.
 */
import { defineMessages } from '../i18n/index.js';

export const msg = defineMessages({
  da: {
    'status.not-started': 'Ikke startet',
    'status.under-way': 'Undervejs',
    'status.established': 'Etableret',
    legend: 'Forklaring',
    sevenThemesTitle: 'De syv kvalitetskriterier',
    sevenThemesHint: 'Brikkens farve viser gruppens vurdering; tallet øverst til højre er antallet af noter.',
    matrixTitle: 'Bør/Gør-matrix',
    axisShould: 'Bør',
    axisShouldNot: 'Bør ikke',
    axisDoes: 'Gør',
    axisDoesNot: 'Gør ikke',
    profileTitle: 'Kompetenceprofil for Kontaktperson+',
    localArea: 'Lokal profil',
    genericArea: 'Generisk profil',
    ownCard: 'Eget kort',
    wallName: 'Refleksionsvæg',
    anonymous: 'Anonym',
    emptyBoard: 'Tavlen er tom.',
    untitled: '(uden titel)',
  },
  en: {
    'status.not-started': 'Not started',
    'status.under-way': 'Under way',
    'status.established': 'Established',
    legend: 'Legend',
    sevenThemesTitle: 'The seven quality criteria',
    sevenThemesHint: "The piece's colour shows the group's assessment; the number at the top right counts the notes.",
    matrixTitle: 'Should/Do matrix',
    axisShould: 'Should',
    axisShouldNot: 'Should not',
    axisDoes: 'Do',
    axisDoesNot: 'Do not',
    profileTitle: 'Competence profile of Kontaktperson+',
    localArea: 'Local profile',
    genericArea: 'Generic profile',
    ownCard: 'Own card',
    wallName: 'Reflection wall',
    anonymous: 'Anonymous',
    emptyBoard: 'The board is empty.',
    untitled: '(untitled)',
  },
});

export type RenderMessageKey = Parameters<typeof msg>[0];
