import { writeFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { Board } from '../../src/model/index.js';
import { profileDocx } from './docx.js';
import { sampleWorkshop, unzip } from './test-support.js';

const xmlText = (bytes: Uint8Array | undefined): string => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');

describe('competence profile as Word', () => {
  it('is a zip with word/document.xml holding the profile', async () => {
    const input = sampleWorkshop(2);
    const docx = await profileDocx(input, 1);
    const files = unzip(docx);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    const xml = xmlText(files.get('word/document.xml'));
    const errors: string[] = [];
    new DOMParser({ onError: (level: string, m: string) => void errors.push(`${level}: ${m}`) }).parseFromString(xml, 'text/xml');
    expect(errors).toEqual([]);
    for (const s of ['Kompetenceprofil for Kontaktperson+', 'Gruppe 1 &quot;Øst&quot; &lt;b&gt;', 'Lokal profil', 'Viden', 'Kompetencer', 'Færdigheder', 'Respektere målgruppen', 'Eget kort: lede netværksmøder 1', 'eget kort', 'Gruppens egne kort', 'Generiske kort, der ikke er valgt', 'Håndtere data']) {
      expect(xml.includes(s) || xml.includes(s.replace(/"/g, '&quot;'))).toBe(true);
    }
    // Hostile card text is escaped XML.
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;');
    // A local card is not listed among the generic cards not chosen.
    const notChosen = xml.slice(xml.indexOf('Generiske kort, der ikke er valgt'));
    expect(notChosen).not.toContain('Respektere målgruppen');
    expect(notChosen).toContain('Kende metoder for tværprofessionelt samarbejde');
    if (process.env.KB_WRITE_SAMPLES) writeFileSync('/tmp/kb-sample.docx', docx);
  });

  it('uses English column names and card texts for an English workshop, and says when there is no profile', async () => {
    const en = await profileDocx(sampleWorkshop(1, 'en'), 1);
    const xml = xmlText(unzip(en).get('word/document.xml'));
    for (const s of ['Competence profile of Kontaktperson+', 'Knowledge', 'Skills', 'Attitudes', 'Respect the target group', 'own card']) expect(xml).toContain(s);

    const empty = new Board(new Y.Doc());
    empty.setTitle('x', 'test');
    const input = { ...sampleWorkshop(1), groups: [{ number: 4, name: 'Tom', state: Y.encodeStateAsUpdate(empty.doc) }] };
    const none = xmlText(unzip(await profileDocx(input, 4)).get('word/document.xml'));
    expect(none).toContain('Gruppens tavle har ingen kompetenceprofil.');
    await expect(profileDocx(input, 5)).rejects.toThrow(/no group 5/);
  });
});
