/**
 * Text helpers of the exports, shared by the kinds' export facets (src/kinds/<type>/export.ts)
 * and the server's formats: Markdown escaping and lists, and the ordinal that tells apart
 * several widgets of one kind on a board. Pure: no DOM, no Node APIs.
 */
import { stripInvalidXmlChars } from './escape.js';

/**
 * User text as inline Markdown: characters with a meaning anywhere are backslash-escaped,
 * and so are those that start a block at the start of a line (headings, lists, quotes).
 * Line breaks become hard breaks inside the current block, indented by `indent`.
 */
export function escapeMarkdown(text: string, indent = ''): string {
  return stripInvalidXmlChars(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .trim()
        .replace(/[\\`*_{}[\]<>#|~&]/g, '\\$&')
        .replace(/^([-+=])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .filter((line) => line !== '')
    .join(`\\\n${indent}`);
}

/** User text as the text of a Markdown list item (continuation lines indented under the item). */
export function markdownItem(text: string): string {
  return escapeMarkdown(text, '  ');
}

/** Markdown lines of a bullet list of `items` (already Markdown), or `empty` in italics; then a blank line. */
export function markdownList(items: readonly string[], empty: string): string[] {
  return items.length === 0 ? [`_${empty}_`, ''] : [...items.map((i) => `- ${i}`), ''];
}

/** " (2)" for the second widget of a type on a board ('' for the first): labels when a board has several. */
export function ordinal(index: number): string {
  return index === 0 ? '' : ` (${index + 1})`;
}
