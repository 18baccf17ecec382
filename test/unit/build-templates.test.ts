/**
 * The build's template minifier (build-templates.mjs): Lit's css, html and svg templates lose
 * their indentation and nothing else; code, strings, regular expressions and expressions stay
 * as written; a file it cannot read passes unchanged; every project file still parses after it.
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the build script is plain JavaScript without declarations.
import { minifyTemplates } from '../../build-templates.mjs';

const min = minifyTemplates as (src: string) => string;

describe('the template minifier', () => {
  it('takes the indentation out of html, svg and css templates, and leaves the rest', () => {
    const src = [
      "const re = /`html`/g; // html`not a template`",
      "const s = 'css`{ a: b }`';",
      'const t = html`<div class="a">',
      '    ${cond ? html`<span>  x  </span>` : nothing}',
      '    <p>${"  kept  "}</p>',
      '  </div>`;',
      'const c = css`',
      '  /* a comment */',
      '  .a > .b ,',
      '  .c {',
      '    width: calc(100% - 2px);',
      '    color : red;',
      '  }',
      '`;',
      'const u = `  untagged  ${html`  <b> </b>  `}`;',
    ].join('\n');
    const out = min(src);
    expect(out).toContain("const re = /`html`/g; // html`not a template`");
    expect(out).toContain("const s = 'css`{ a: b }`';");
    expect(out).toContain('html`<div class="a"> ${cond ? html`<span> x </span>` : nothing} <p>${"  kept  "}</p> </div>`');
    expect(out).toContain('css` .a>.b,.c{width:calc(100% - 2px);color :red}`');
    expect(out).toContain('`  untagged  ${html` <b> </b> `}`');
  });

  it('keeps a template with text in a <textarea> or <pre> as it is', () => {
    const src = 'html`<textarea>\n  a\n</textarea>`';
    expect(min(src)).toBe(src);
  });

  it('passes a file it cannot read through unchanged', () => {
    const src = 'const a = html`<p>\n  ${unclosed(`</p>`;';
    expect(min(src)).toBe(src);
  });

  it('leaves every file of src/ and widgets/ parseable', async () => {
    const files = execSync("git ls-files -co --exclude-standard 'src/**/*.ts' 'widgets/**/*.ts'", { encoding: 'utf8' }).trim().split('\n');
    let changed = 0;
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      const out = min(src);
      if (out === src) continue;
      changed++;
      await esbuild.transform(out, { loader: 'ts' });
    }
    expect(changed).toBeGreaterThan(40);
  });
});
