/**
 * Test support: the text of a PDF written by pdfkit, page by page, read back from the file's
 * bytes. pdfkit embeds fonts as subsets and shows text as glyph codes (`<0012003a> Tj` or in a
 * `TJ` array); each font carries a ToUnicode CMap from code to text, which is what a PDF viewer
 * uses to copy text. This reader inflates the streams, reads those maps, follows each page's
 * content stream and font resources, and puts the shown strings together: a line break where
 * the text moves down, a space between two strings on one line. Enough for pdfkit's output,
 * not a general PDF parser.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const out = new Map<number, PdfObject>();
  const text = pdf.toString('latin1');
  const re = /(\d+) 0 obj\s*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const id = Number(m[1]);
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const s = body.indexOf('stream');
    if (s < 0) {
      out.set(id, { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, s);
    let dataStart = start + s + 'stream'.length;
    if (text[dataStart] === '\r') dataStart++;
    if (text[dataStart] === '\n') dataStart++;
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    let data = pdf.subarray(dataStart, dataStart + length);
    if (/\/FlateDecode/.test(dict)) data = inflateSync(data);
    out.set(id, { dict, stream: Buffer.from(data) });
    re.lastIndex = end;
  }
  return out;
}

/** Code -> text of a ToUnicode CMap (bfchar and bfrange entries). */
function cmap(data: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (raw: string): string => {
    const h = raw.replace(/\s+/g, '');
    let s = '';
    for (let i = 0; i + 3 < h.length; i += 4) s += String.fromCharCode(parseInt(h.slice(i, i + 4), 16));
    return s;
  };
  for (const block of data.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] as string).matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(parseInt(m[1] as string, 16), hex(m[2] as string));
  }
  for (const block of data.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] as string).matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const lo = parseInt(m[1] as string, 16);
      const hi = parseInt(m[2] as string, 16);
      const dst = m[3] as string;
      if (dst.startsWith('[')) {
        [...dst.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((d, i) => map.set(lo + i, hex(d[1] as string)));
      } else {
        const base = hex(dst.slice(1, -1));
        for (let c = lo; c <= hi; c++) map.set(c, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (c - lo)));
      }
    }
  }
  return map;
}

/** A literal string's bytes as latin-1 text (pdfkit's standard fonts use WinAnsi, close enough here). */
function literal(body: string): string {
  return body.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_m, e: string) => {
    const esc: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    return esc[e] ?? String.fromCharCode(parseInt(e, 8));
  });
}

/** The text of each page, in page order. */
export function pdfPagesText(bytes: Uint8Array): string[] {
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const objs = objects(pdf);
  const ref = (s: string | undefined): PdfObject | undefined => (s ? objs.get(Number(s)) : undefined);
  const maps = new Map<number, Map<number, string> | null>();
  const fontMap = (id: number): Map<number, string> | null => {
    if (!maps.has(id)) {
      const font = objs.get(id);
      const to = ref(/\/ToUnicode (\d+) 0 R/.exec(font?.dict ?? '')?.[1]);
      maps.set(id, to?.stream ? cmap(to.stream.toString('latin1')) : null);
    }
    return maps.get(id) ?? null;
  };
  // Pages in order: follow the page tree from the catalog.
  const catalog = [...objs.values()].find((o) => /\/Type \/Catalog/.test(o.dict));
  const pages: PdfObject[] = [];
  const walk = (o: PdfObject | undefined): void => {
    if (!o) return;
    if (/\/Type \/Pages/.test(o.dict)) {
      const kids = /\/Kids \[([^\]]*)\]/.exec(o.dict)?.[1] ?? '';
      for (const k of kids.matchAll(/(\d+) 0 R/g)) walk(objs.get(Number(k[1])));
    } else if (/\/Type \/Page\b/.test(o.dict)) pages.push(o);
  };
  walk(ref(/\/Pages (\d+) 0 R/.exec(catalog?.dict ?? '')?.[1]));
  return pages.map((page) => {
    // The page's fonts: /Resources (inline or a reference) /Font << /F1 12 0 R … >>.
    let resources = /\/Resources\s*(<<[\s\S]*>>)/.exec(page.dict)?.[1] ?? '';
    const resRef = /\/Resources (\d+) 0 R/.exec(page.dict)?.[1];
    if (resRef) resources = objs.get(Number(resRef))?.dict ?? '';
    const fontsDict = /\/Font\s*<<([^>]*)>>/.exec(resources)?.[1] ?? '';
    const fonts = new Map<string, number>([...fontsDict.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)].map((m) => [m[1] as string, Number(m[2])]));
    const contents = /\/Contents\s*(?:\[([^\]]*)\]|(\d+) 0 R)/.exec(page.dict);
    const streams = contents ? (contents[1] ? [...contents[1].matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1])) : [Number(contents[2])]) : [];
    const ops = streams.map((id) => objs.get(id)?.stream?.toString('latin1') ?? '').join('\n');
    let map: Map<number, string> | null = null;
    let out = '';
    let lastY: number | null = null;
    const show = (s: string): void => {
      out += s;
    };
    const decodeHex = (h: string): string => {
      if (!map) return '';
      let s = '';
      for (let i = 0; i + 3 < h.length; i += 4) s += map.get(parseInt(h.slice(i, i + 4), 16)) ?? '';
      return s;
    };
    const token = /\/([\w.+-]+)\s+[\d.]+\s+Tf|([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+Tm|([-\d.]+)\s+([-\d.]+)\s+Td|\[((?:<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\)|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g;
    for (const m of ops.matchAll(token)) {
      if (m[1] !== undefined) {
        map = fontMap(fonts.get(m[1]) ?? -1);
        continue;
      }
      const y: number | null = m[7] !== undefined ? Number(m[7]) : m[9] !== undefined ? (lastY ?? 0) + Number(m[9]) : null;
      if (y !== null) {
        if (lastY !== null && Math.abs(y - lastY) > 1) out += '\n';
        else if (lastY !== null && out !== '' && !out.endsWith(' ') && !out.endsWith('\n')) out += ' ';
        lastY = y;
        continue;
      }
      if (m[10] !== undefined) {
        for (const part of m[10].matchAll(/<([0-9a-fA-F]*)>|\(((?:\\.|[^\\)])*)\)|(-?[\d.]+)/g)) {
          if (part[1] !== undefined) show(map ? decodeHex(part[1]) : '');
          else if (part[2] !== undefined) show(literal(part[2]));
          else if (Number(part[3]) < -200) show(' ');
        }
      } else if (m[11] !== undefined) show(decodeHex(m[11]));
      else if (m[12] !== undefined) show(literal(m[12]));
    }
    return out;
  });
}

/** The whole text of a PDF (pages joined by form feeds). */
export function pdfText(bytes: Uint8Array): string {
  return pdfPagesText(bytes).join('\f');
}
