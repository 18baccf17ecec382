/**
 * The strings of the participant's vote list (`<kb-vote-list>`), Danish first. Loaded with the
 * list, which the group page loads only when a vote opens, so a participant's first page does
 * not carry them.
 */
import { defineMessages } from '../i18n/index.js';

export const vm = defineMessages({
  da: {
    title: 'Afstemning',
    left: '{left} af {dots} prikker tilbage',
    allUsed: 'Du har brugt alle dine prikker. Tag en prik fra et punkt for at flytte den.',
    add: 'Sæt en prik på "{item}"',
    remove: 'Tag en prik fra "{item}"',
    yours: 'Dine prikker: {count}',
    total: '{count} prikker i alt',
    rank: 'Nr. {rank}',
    ends: 'Lukker kl. {time}',
    closed: 'Afstemningen er lukket.',
    closedThanks: 'Afstemningen er lukket. Tak for dine prikker.',
    hidden: 'Resultatet vises, når facilitatoren afslører det.',
    hide: 'Skjul',
    show: 'Afstemning – {left} prikker tilbage',
    showClosed: 'Afstemning – lukket',
    dismiss: 'Skjul afstemningen',
    saving: 'Gemmer …',
    saved: 'Gemt: {count} af dine prikker på "{item}"',
    failed: 'Din prik blev ikke gemt: {reason}',
    loading: 'Henter afstemningen …',
    groups: 'Fra {groups}',
  },
  en: {
    title: 'Vote',
    left: '{left} of {dots} dots left',
    allUsed: 'You have used all your dots. Take a dot off an item to move it.',
    add: 'Put a dot on "{item}"',
    remove: 'Take a dot off "{item}"',
    yours: 'Your dots: {count}',
    total: '{count} dots in all',
    rank: 'No. {rank}',
    ends: 'Closes at {time}',
    closed: 'The vote is closed.',
    closedThanks: 'The vote is closed. Thank you for your dots.',
    hidden: 'The result shows when the facilitator reveals it.',
    hide: 'Hide',
    show: 'Vote – {left} dots left',
    showClosed: 'Vote – closed',
    dismiss: 'Hide the vote',
    saving: 'Saving …',
    saved: 'Saved: {count} of your dots on "{item}"',
    failed: 'Your dot was not saved: {reason}',
    loading: 'Fetching the vote …',
    groups: 'From {groups}',
  },
});
