/** Test support for the export tests (not part of the exports): a sample workshop and file readers. */
import { inflateRawSync } from 'node:zlib';
import * as Y from 'yjs';
import { sampleBoard } from '../../src/render/fixture.js';
import type { Locale } from '../../src/i18n/index.js';
import type { WorkshopInput } from './input.js';

/** A workshop of `groups` groups, each with a filled sample board (group 1's name is hostile). */
export function sampleWorkshop(groups = 3, locale: Locale = 'da'): WorkshopInput {
  return {
    id: 'w1',
    title: 'Kædeansvar i Ærø & Åbenrå <2026>',
    parts: ['kaedeansvar', 'kontaktperson'],
    locale,
    createdAt: Date.UTC(2026, 4, 12, 9, 0),
    groups: Array.from({ length: groups }, (_, i) => {
      const { doc } = sampleBoard(locale, i + 1);
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      return { number: i + 1, name: i === 0 ? 'Gruppe 1 "Øst" <b>' : `Gruppe ${i + 1} – Søndervang`, state };
    }),
  };
}

/** The entries of a zip file (stored or deflated), by name; no dependencies. */
export function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataAt, dataAt + size);
    out.set(name, method === 0 ? data : inflateRawSync(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Decodes a PDF literal string body (between the parentheses), UTF-16BE when it has a BOM. */
function pdfString(body: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\') {
      bytes.push(c.charCodeAt(0) & 0xff);
      continue;
    }
    const n = body[++i] as string;
    const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
    if (n in esc) bytes.push(esc[n] as number);
    else if (/[0-7]/.test(n)) {
      let oct = n;
      while (oct.length < 3 && /[0-7]/.test(body[i + 1] ?? '')) oct += body[++i];
      bytes.push(parseInt(oct, 8) & 0xff);
    }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let s = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) s += String.fromCharCode(((bytes[i] as number) << 8) | (bytes[i + 1] as number));
    return s;
  }
  return String.fromCharCode(...bytes);
}

/** The bookmark (outline) titles of a PDF written by pdfkit. */
export function pdfOutlineTitles(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString('latin1');
  const titles: string[] = [];
  for (const m of text.matchAll(/\/Title \(((?:\\[\s\S]|[^\\)])*)\)/g)) titles.push(pdfString(m[1] as string));
  return titles;
}

/** The number of page objects in a PDF. */
export function pdfPageCount(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type \/Page(?![a-zA-Z])/g) ?? []).length;
}

/** Width and height from a PNG's IHDR chunk (after checking the signature). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!sig.every((b, i) => png[i] === b)) throw new Error('not a PNG: bad signature');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (String.fromCharCode(...png.subarray(12, 16)) !== 'IHDR') throw new Error('not a PNG: no IHDR first');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
