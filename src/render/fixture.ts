/**
 * A filled sample board for the render and export tests (not used by the app): every widget,
 * frames and notes, Danish text and hostile text. Built with the Board API and the widgets'
 * DOM-free seed functions.
 */
import * as Y from 'yjs';
import { Board } from '../model/index.js';
import type { Locale } from '../i18n/index.js';
import { naturalSize } from '../kinds/index.js';
import { assessmentId } from '../model/theme-assessment.js';
import { likeId } from '../model/wall-like.js';
import { seedDeck } from '../kinds/competence-profile/records.js';
import { seedWall } from '../kinds/reflection-wall/seed.js';

/** Text that breaks markup, CSV and Markdown if it is not escaped. */
export const HOSTILE = `<script>alert("x")</script> & 'q' ]]> =SUM(A1)`;

export interface SampleBoard {
  doc: Y.Doc;
  board: Board;
  widgets: { themes: string; matrix: string; profile: string; wall: string };
  /** Counts of content records, by kind. */
  counts: { note: number; themeNote: number; assessment: number; matrixNote: number; card: number; ownCard: number; localCard: number; post: number; like: number };
  /** Texts the renderings must contain. */
  texts: string[];
}

const ORIGIN = 'fixture';

/** A sample board; `variant` changes some texts so that groups differ. */
export function sampleBoard(locale: Locale = 'da', variant = 1): SampleBoard {
  const doc = new Y.Doc();
  const board = new Board(doc);
  board.setTitle(`Gruppe ${variant}`, ORIGIN);
  const frame = board.create('frame', { props: { title: `Vores rammeværk ${variant} – æøå ${HOSTILE}` }, geometry: { x: -40, y: -40, w: 2080, h: 1640 } }, ORIGIN);
  const at = (x: number, y: number, size: { w: number; h: number }) => ({ geometry: { x, y, ...size, parent: frame } });
  const themes = board.create('widget', { props: { widget: 'seven-themes' }, ...at(0, 0, naturalSize('seven-themes')) }, ORIGIN);
  const matrix = board.create('widget', { props: { widget: 'bor-gor-matrix' }, ...at(1000, 0, naturalSize('bor-gor-matrix')) }, ORIGIN);
  const profile = board.create('widget', { props: { widget: 'competence-profile' }, ...at(0, 1700, naturalSize('competence-profile')) }, ORIGIN);
  const wall = board.create('widget', { props: { widget: 'reflection-wall' }, ...at(1560, 1700, naturalSize('reflection-wall')) }, ORIGIN);
  // The profile and wall lie outside the frame: their parent is the board.
  board.setGeometry(profile, { parent: null }, ORIGIN);
  board.setGeometry(wall, { parent: null }, ORIGIN);

  // Seven themes: three assessments, four notes.
  const statuses = [
    [1, 'established'],
    [2, 'under-way'],
    [5, 'not-started'],
  ] as const;
  for (const [criterion, status] of statuses) {
    board.create('theme-assessment', { id: assessmentId(themes, criterion), props: { widget: themes, criterion, status } }, ORIGIN);
  }
  const themeNotes = [
    [1, 'Vi mødes hver måned med FGU og jobcentret', 'Søren'],
    [1, 'Fælles aftaler på skrift', ''],
    [4, `Ungerådet bør høres ${HOSTILE}`, 'Åse <b>'],
    [7, `Tid er den største udfordring (${variant})`, 'Ærling'],
  ] as const;
  for (const [criterion, text, author] of themeNotes) board.create('theme-note', { props: { widget: themes, criterion, text, author } }, ORIGIN);

  // Matrix: notes in every field, some tagged with a criterion.
  const matrixNotes = [
    ['bor-gor', 'Fælles møder mellem KUI og FGU', 1, 'yellow'],
    ['bor-gor', 'Kontaktpersonen følger den unge over i uddannelse', 6, 'green'],
    ['bor-gor', 'Netværksmøder med forældre', 0, 'blue'],
    ['bor-ikke-gor', 'Inddrage de unge i meddesign af forløbet', 4, 'pink'],
    ['bor-ikke-gor', `${HOSTILE} – en meget lang seddel der skal ombrydes over flere linjer, så vi kan se at teksten bliver i sedlen`, 3, 'orange'],
    ['gor-ikke-bor', 'Dobbeltregistrering i to it-systemer', 7, 'grey'],
    ['hverken', 'Civilsamfundets rolle?', 0, 'yellow'],
  ] as const;
  matrixNotes.forEach(([field, text, criterion, color], i) =>
    board.create('matrix-note', { props: { widget: matrix, field, text, criterion, order: i + 1, color } }, ORIGIN),
  );

  // Competence profile: the deck, four cards moved to the local profile, two own cards.
  const deck = seedDeck(board, profile, undefined, ORIGIN);
  const local = [deck[0], deck[4], deck[7], deck[14]] as string[];
  local.forEach((id, i) => board.updateProps<'competence-card'>(id, { area: 'local', order: i + 1 }, ORIGIN));
  board.create('competence-card', { props: { widget: profile, area: 'local', column: 'kompetencer', text: `Eget kort: lede netværksmøder ${variant}`, order: 10 } }, ORIGIN);
  board.create('competence-card', { props: { widget: profile, area: 'local', column: 'faerdigheder', text: `=HYPERLINK("http://x") ${HOSTILE}`, order: 11 } }, ORIGIN);

  // Wall: the default columns, five posts, three likes.
  const columns = seedWall(board, wall, locale, ORIGIN);
  const posts = [
    [0, 'Ledelsen giver tid til netværksmøder', 'Mette'],
    [0, 'Vi mangler fælles it', ''],
    [1, `Ungerådet mødes to gange om året ${HOSTILE}`, 'Bo'],
    [2, 'Den unges egne mål står først i planen', 'Jørgen Ørsted'],
    [2, '+45 12 34 56 78 @alle -minus', ''],
  ] as const;
  const postIds = posts.map(([c, text, author], i) =>
    board.create('wall-post', { props: { column: columns[c] as string, text, author, order: i + 1 } }, ORIGIN),
  );
  for (const [p, by] of [
    [0, 'anna'],
    [0, 'bo'],
    [3, 'anna'],
  ] as const) {
    const post = postIds[p] as string;
    board.create('wall-like', { id: likeId(post, by), props: { post, by } }, ORIGIN);
  }

  // Canvas notes, one inside the frame.
  board.create('note', { props: { text: `Husk: æøå ÆØÅ og ${HOSTILE}`, color: 'pink' }, geometry: { x: 2100, y: 200, w: 220, h: 220 } }, ORIGIN);
  board.create('note', { props: { text: 'Kaffe kl. 10', color: 'green' }, geometry: { x: 2100, y: 460, w: 200, h: 200 } }, ORIGIN);
  board.create('note', { props: { text: `Parkeringsplads – ${variant}`, color: 'yellow' }, geometry: { x: 1000, y: 760, w: 200, h: 160, parent: frame } }, ORIGIN);

  return {
    doc,
    board,
    widgets: { themes, matrix, profile, wall },
    counts: {
      note: 3,
      themeNote: themeNotes.length,
      assessment: statuses.length,
      matrixNote: matrixNotes.length,
      card: deck.length + 2,
      ownCard: 2,
      localCard: local.length + 2,
      post: posts.length,
      like: 3,
    },
    texts: ['Vi mødes hver måned med FGU og jobcentret', 'Dobbeltregistrering i to it-systemer', 'Respektere målgruppen', 'Jørgen Ørsted', 'Kaffe kl. 10'],
  };
}
