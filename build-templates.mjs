// An esbuild plugin for the browser bundles: the static text of Lit's css, html and svg
// templates loses the whitespace that indents it. esbuild minifies the code around them but
// keeps a template literal's text as written, and Lit's templates are a good third of the
// participant page. HTML and SVG: a run of whitespace becomes one space (what the browser
// makes of it anyway); a template with a <pre> or <textarea> holding text is kept as it is.
// CSS: comments go, a run of whitespace becomes one space, none is left around { } ; , > or
// after a colon. Expressions are left alone. The file is read with a small lexer (strings,
// comments, regular expressions, nested templates); a file it cannot read passes unchanged.
import { readFile } from 'node:fs/promises';

const TAGGED = new Set(['css', 'html', 'svg', 'staticHtml']);

/** Scans JavaScript from `i` until `stop` (a `}` closing an expression) or the end; collects tagged templates' static parts. */
function scanCode(src, i, out, stop) {
  let depth = 0;
  let prev = ''; // the last significant character, to tell a regular expression from a division
  while (i < src.length) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '/') {
      const n = src.indexOf('\n', i);
      i = n < 0 ? src.length : n;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const n = src.indexOf('*/', i + 2);
      if (n < 0) throw new Error('unterminated comment');
      i = n + 2;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      i = skipString(src, i);
      prev = 'a';
      continue;
    }
    if (c === '/' && (prev === '' || '(,=:[!&|?{};+-*%<>~^'.includes(prev) || /\b(return|typeof|case|in|of|void|yield|await|else|do)$/.test(src.slice(Math.max(0, i - 8), i).trimEnd()))) {
      i = skipRegex(src, i);
      prev = 'a';
      continue;
    }
    if (c === '`') {
      const tag = /([A-Za-z_$][\w$]*)\s*$/.exec(src.slice(Math.max(0, i - 20), i))?.[1];
      i = scanTemplate(src, i + 1, out, tag !== undefined && TAGGED.has(tag) ? tag : null);
      prev = 'a';
      continue;
    }
    if (c === '{') depth++;
    if (c === '}') {
      if (depth === 0 && stop) return i;
      depth--;
    }
    prev = c;
    i++;
  }
  if (stop) throw new Error('unterminated expression');
  return i;
}

function skipString(src, i) {
  const q = src[i];
  for (i++; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === q) return i + 1;
    else if (src[i] === '\n') break;
  }
  throw new Error('unterminated string');
}

function skipRegex(src, i) {
  let inClass = false;
  for (i++; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) {
      i++;
      while (/[a-z]/.test(src[i] ?? '')) i++;
      return i;
    } else if (c === '\n') break;
  }
  throw new Error('unterminated regular expression');
}

/** From just after an opening backtick to just after the closing one. */
function scanTemplate(src, i, out, tag) {
  let start = i;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '`' || (c === '$' && src[i + 1] === '{')) {
      if (tag) out.push({ tag, a: start, b: i });
      if (c === '`') return i + 1;
      i = scanCode(src, i + 2, out, true) + 1;
      start = i;
      continue;
    }
    i++;
  }
  throw new Error('unterminated template');
}

export function minifyHtml(text) {
  return text.replace(/\s+/g, ' ');
}

export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');
}

/** `src` with its templates' static text minified; unchanged if it cannot be read. */
export function minifyTemplates(src) {
  const parts = [];
  try {
    scanCode(src, 0, parts, false);
  } catch {
    return src;
  }
  // A template that keeps text in <pre> or <textarea> keeps its whitespace.
  const keep = (p) => p.tag !== 'css' && /<(pre|textarea)\b[^>]*>[^<]*\S/.test(src.slice(p.a, p.b));
  let out = '';
  let at = 0;
  for (const p of parts.sort((x, y) => x.a - y.a)) {
    if (keep(p)) continue;
    const text = src.slice(p.a, p.b);
    out += src.slice(at, p.a) + (p.tag === 'css' ? minifyCss(text) : minifyHtml(text));
    at = p.b;
  }
  return out + src.slice(at);
}

/** The esbuild plugin (the project's .ts files under src/ and widgets/). */
export function minifyTemplatesPlugin() {
  return {
    name: 'minify-lit-templates',
    setup(build) {
      build.onLoad({ filter: /[\\/](src|widgets)[\\/].*\.ts$/ }, async (args) => ({ contents: minifyTemplates(await readFile(args.path, 'utf8')), loader: 'ts' }));
    },
  };
}
