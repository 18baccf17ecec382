/**
 * Design tokens of src/app/public/theme.css as constants (an SVG file cannot read CSS custom
 * properties), plus the fonts the renderer asks for. Keep in step with theme.css.
 */
import type { NoteColor } from '../model/note.js';
import type { Assessment } from '../model/theme-assessment.js';

export const COLORS = {
  text: '#1c1f23',
  textMuted: '#4b5563',
  bg: '#f4f5f7',
  canvas: '#f7f7f4',
  surface: '#ffffff',
  border: '#d5d8dc',
  borderStrong: '#6b7280',
  accent: '#1f5fa8',
  accentText: '#ffffff',
  accentSoft: '#dbe7f7',
  danger: '#b3261e',
  success: '#2e7d32',
  warning: '#8d4f00',
  /** The competence profile's local area (competence-profile.styles.ts). */
  localArea: '#eef4fb',
} as const;

export const NOTE_FILL: Record<NoteColor, string> = {
  yellow: '#fff3a6',
  green: '#c9f0c1',
  blue: '#cfe3ff',
  pink: '#ffd3e2',
  orange: '#ffdcb8',
  grey: '#e3e5e8',
};

export const STATUS_FILL: Record<Assessment, string> = {
  'not-started': '#eceff1',
  'under-way': '#ffe08a',
  established: '#a5d6a7',
};

/** Corner radii (--kb-radius, --kb-radius-small). */
export const RADIUS = 10;
export const RADIUS_SMALL = 6;

/**
 * Font stack: DejaVu Sans first because the PNG and PDF exports embed it (it is on Debian and
 * its widths are what {@link ../render/text.ts} estimates), then common sans-serif fallbacks.
 */
export const FONT_FAMILY = "'DejaVu Sans', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
