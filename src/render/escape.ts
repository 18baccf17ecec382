/**
 * Escaping text for XML (SVG) output. Every string that comes from a board or a workshop goes
 * through {@link escapeXml} before it is written into markup, in text and in attribute values.
 */

/** Characters XML 1.0 does not allow at all (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F). */
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters that cannot appear in an XML document (they would make it malformed). */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID, '');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text as XML character data or attribute value: `& < > " '` become entities (so `]]>` and
 * `<script>` stay text) and characters XML forbids are dropped.
 */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}
