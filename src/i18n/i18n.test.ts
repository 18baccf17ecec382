import { describe, expect, it } from 'vitest';
import { da } from './da.js';
import { en } from './en.js';
import { getLocale, onLocaleChange, setLocale, t } from './index.js';

describe('localisation', () => {
  it('has the same keys in Danish and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
    for (const [k, v] of [...Object.entries(da), ...Object.entries(en)]) expect(v.trim(), k).not.toBe('');
  });

  it('is Danish by default, switches to English and tells listeners', () => {
    expect(getLocale()).toBe('da');
    expect(t('board.undo')).toBe('Fortryd');
    const seen: string[] = [];
    const off = onLocaleChange((l) => seen.push(l));
    setLocale('en');
    expect(t('board.undo')).toBe('Undo');
    expect(seen).toEqual(['en']);
    off();
    setLocale('da');
    expect(seen).toEqual(['en']);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('board.zoomLevel', { percent: 150 })).toBe('Zoom 150 %');
    expect(t('board.follow', {})).toBe('Følg {name}');
    expect(t('board.follow', { name: 'Ida' }, 'en')).toBe('Follow Ida');
  });
});

describe('defineMessages', () => {
  it('gives a module its own catalogue in the current language', async () => {
    const { defineMessages, setLocale } = await import('./index.js');
    const m = defineMessages({ da: { hi: 'Hej {name}' }, en: { hi: 'Hello {name}' } });
    expect(m('hi', { name: 'Bo' })).toBe('Hej Bo');
    setLocale('en');
    expect(m('hi', { name: 'Bo' })).toBe('Hello Bo');
    setLocale('da');
  });
});
