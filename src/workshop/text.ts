/**
 * Names people type (a workshop's title, a group's or a snapshot's name) as they are kept: in
 * Unicode NFC, with control characters and line or paragraph separators made spaces, runs of
 * white space made one, and trimmed. The server cleans every such name where it comes in
 * (creating, importing, restoring, a board from Miro), so what it stores always passes the
 * import's check and a workshop's own export always imports again; the start page cleans the
 * same way before it sends.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

export function cleanText(input: string): string {
  return input.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}
