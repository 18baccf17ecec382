/**
 * The font the PNG and PDF exports embed: DejaVu Sans (Debian's fonts-dejavu-core, which has
 * æøå and the punctuation the content uses). Looked up once; when it is missing, PNG falls
 * back to the system's fonts and PDF to its built-in Helvetica (which covers Danish too).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface FontFiles {
  regular: string;
  bold: string;
  /** Oblique, or the regular face when there is none. */
  italic: string;
}

/** Where Debian, Fedora, Arch and Alpine put DejaVu; KB_FONT_DIR first when set. */
const DIRS = [
  '/usr/share/fonts/truetype/dejavu',
  '/usr/share/fonts/dejavu-sans-fonts',
  '/usr/share/fonts/TTF',
  '/usr/share/fonts/dejavu',
  '/usr/share/fonts/ttf-dejavu',
];

let cached: FontFiles | null | undefined;

/** The DejaVu Sans files, or null when they are not installed. */
export function dejaVuSans(): FontFiles | null {
  if (cached !== undefined) return cached;
  const dirs = process.env.KB_FONT_DIR ? [process.env.KB_FONT_DIR, ...DIRS] : DIRS;
  for (const dir of dirs) {
    const regular = join(dir, 'DejaVuSans.ttf');
    const bold = join(dir, 'DejaVuSans-Bold.ttf');
    if (existsSync(regular) && existsSync(bold)) {
      const oblique = join(dir, 'DejaVuSans-Oblique.ttf');
      return (cached = { regular, bold, italic: existsSync(oblique) ? oblique : regular });
    }
  }
  return (cached = null);
}

/** For tests: forget the cached lookup. */
export function resetFontCache(): void {
  cached = undefined;
}
