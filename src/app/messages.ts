/**
 * The strings of the pages every participant loads (join, group board, the shared gates), Danish
 * first. The facilitator's pages (start, console, plenum) add theirs in facilitator-messages.ts,
 * which loads with those pages. Plain words: the facilitator is seldom technical.
 */
import { defineMessages } from '../i18n/index.js';

/** The catalogue, for the facilitator's catalogue to extend. */
export const APP_MESSAGES = {
  da: {
    'common.back': 'Tilbage',
    'common.close': 'Luk',
    'common.copy': 'Kopiér',
    'common.copied': 'Kopieret',
    'common.copyFailed': 'Kunne ikke kopiere – markér linket og kopiér det selv',
    'common.loading': 'Henter …',
    'common.error': 'Noget gik galt: {message}',
    'common.networkError': 'Serveren svarer ikke. Tjek forbindelsen og prøv igen.',
    'common.group': 'Gruppe {n}',
    'common.of': '{pos} af {total}',
    'common.frontPage': 'Til forsiden',

    'join.codeTitle': 'Skriv din gruppekode',
    'join.codeLabel': 'Gruppekode',
    'join.codeHint': '6 tegn, som facilitatoren har givet dig. Store eller små bogstaver er lige meget.',
    'join.codeMissing': 'Skriv koden.',
    'join.go': 'Gå til gruppens tavle',
    'join.checking': 'Tjekker koden …',
    'join.unknown': 'Koden findes ikke. Tjek den og prøv igen.',
    'join.tooMany': 'For mange forsøg. Vent et minut, og prøv igen.',

    'group.missingToken': 'Linket er ikke helt. Brug hele linket fra facilitatoren, eller skriv gruppekoden.',
    'group.writeCode': 'Skriv gruppekoden',
    'group.joinIntro': 'Du er på vej ind i {group} i workshoppen "{title}".',
    'group.timer': 'Tid tilbage',
    'group.timerPaused': 'Pause',
    'group.timer5': 'Der er 5 minutter tilbage.',
    'group.timer1': 'Der er 1 minut tilbage.',
    'group.timer0': 'Tiden er gået.',
    'group.message': 'Besked fra facilitatoren',
    'group.dismiss': 'Skjul beskeden',
    'group.locked': 'Facilitator har låst tavlerne. Du kan se, men ikke ændre.',
    'group.moving': 'Facilitatoren flytter dig til {group} …',
    'group.deleted': 'Workshoppen er slettet. Tak for i dag.',
    'group.refused4401': 'Adgang nægtet: linket eller koden er ikke gyldig (længere). Bed facilitatoren om et nyt link.',
    'group.refused4403': 'Adgang nægtet: dit link giver ikke adgang til denne tavle.',
    'group.refused4404': 'Workshoppen findes ikke. Måske er den slettet.',
    'group.refused': 'Serveren afviste forbindelsen ({reason}).',
    'group.otherBoards': 'Andre gruppers tavler',
    'group.you': '{name} (dig)',

    'common.workshopDeleted': 'Workshoppen er slettet.',

    'route.notFound': 'Siden findes ikke.',
  },
  en: {
    'common.back': 'Back',
    'common.close': 'Close',
    'common.copy': 'Copy',
    'common.copied': 'Copied',
    'common.copyFailed': 'Could not copy – select the link and copy it yourself',
    'common.loading': 'Loading …',
    'common.error': 'Something went wrong: {message}',
    'common.networkError': 'The server does not answer. Check the connection and try again.',
    'common.group': 'Group {n}',
    'common.of': '{pos} of {total}',
    'common.frontPage': 'To the front page',

    'join.codeTitle': 'Type your group code',
    'join.codeLabel': 'Group code',
    'join.codeHint': 'The 6 characters the facilitator gave you. Upper or lower case does not matter.',
    'join.codeMissing': 'Type the code.',
    'join.go': "Go to the group's board",
    'join.checking': 'Checking the code …',
    'join.unknown': 'There is no group with this code. Check it and try again.',
    'join.tooMany': 'Too many attempts. Wait a minute and try again.',

    'group.missingToken': 'The link is not complete. Use the whole link from the facilitator, or type the group code.',
    'group.writeCode': 'Type the group code',
    'group.joinIntro': 'You are joining {group} in the workshop "{title}".',
    'group.timer': 'Time left',
    'group.timerPaused': 'Paused',
    'group.timer5': '5 minutes left.',
    'group.timer1': '1 minute left.',
    'group.timer0': 'Time is up.',
    'group.message': 'Message from the facilitator',
    'group.dismiss': 'Hide the message',
    'group.locked': 'The facilitator has locked the boards. You can look but not change.',
    'group.moving': 'The facilitator is moving you to {group} …',
    'group.deleted': 'The workshop has been deleted. Thank you for today.',
    'group.refused4401': 'Access refused: the link or code is not valid (any more). Ask the facilitator for a new link.',
    'group.refused4403': 'Access refused: your link does not open this board.',
    'group.refused4404': 'The workshop does not exist. It may have been deleted.',
    'group.refused': 'The server refused the connection ({reason}).',
    'group.otherBoards': "Other groups' boards",
    'group.you': '{name} (you)',

    'common.workshopDeleted': 'The workshop has been deleted.',

    'route.notFound': 'The page does not exist.',
  },
};

export const m = defineMessages(APP_MESSAGES);
