/**
 * The generic competence profile of Kontaktperson+ (the default deck), in three columns.
 * The deck is data: a facilitator can replace it with a JSON file of the same shape
 * (validated by `parseDeck`).
 */
import type { Locale } from '../i18n/index.js';

export type CompetenceColumn = 'viden' | 'kompetencer' | 'faerdigheder';
export const COMPETENCE_COLUMNS: readonly CompetenceColumn[] = ['viden', 'kompetencer', 'faerdigheder'];

export const COLUMN_TITLES: Record<CompetenceColumn, Record<Locale, string>> = {
  viden: { da: 'Viden', en: 'Knowledge' },
  kompetencer: { da: 'Kompetencer', en: 'Skills' },
  faerdigheder: { da: 'Færdigheder', en: 'Attitudes' },
};

export interface DeckCard {
  /** Stable key within the deck, e.g. 'viden-1'. */
  key: string;
  column: CompetenceColumn;
  text: Record<Locale, string>;
}

const card = (column: CompetenceColumn, n: number, da: string, en: string): DeckCard => ({ key: `${column}-${n}`, column, text: { da, en } });

export const DEFAULT_DECK: readonly DeckCard[] = [
  card('viden', 1, 'Respektere målgruppen', 'Respect the target group'),
  card('viden', 2, 'Kende målgrupperelevante metoder inden for bl.a. vejledning, pædagogik, socialfaglighed', 'Know methods relevant to the target group, in guidance, pedagogy and social work among others'),
  card('viden', 3, 'Kende metoder for tværprofessionelt samarbejde', 'Know methods for cross-professional collaboration'),
  card('viden', 4, 'Kende systemet, målgruppen og deres behov', 'Know the system, the target group and their needs'),
  card('viden', 5, 'Reflektere over egen rolle', 'Reflect on one’s own role'),
  card('viden', 6, 'Relatere til lovgivning, data, økonomi m.fl.', 'Relate to legislation, data, finances and more'),
  card('kompetencer', 1, 'Opsøge unge, målgruppevurdere, afklare ungeprofiler', 'Reach out to young people, assess the target group, clarify youth profiles'),
  card('kompetencer', 2, 'Vejlede målgrupperelevant med individuelt fokus, fremme og sikre ungeprogression', 'Guide with an individual focus relevant to the target group, promote and secure the young person’s progression'),
  card('kompetencer', 3, 'Co-designe og koordinere individuelle forløb i kædeansvaret, inddrage de unge i meddesign, organisere didaktisk', 'Co-design and coordinate individual pathways in the chain, involve the young people in co-design, organise didactically'),
  card('kompetencer', 4, 'Afklare og afbalancere de professionelles tilgange til de unge', 'Clarify and balance the professionals’ approaches to the young people'),
  card('kompetencer', 5, 'Danne relationer', 'Build relationships'),
  card('kompetencer', 6, 'Samarbejde på tværs af afdelinger og med forældre', 'Collaborate across departments and with parents'),
  card('kompetencer', 7, 'Omsætte bekendtgørelser', 'Put regulations into practice'),
  card('kompetencer', 8, 'Håndtere data', 'Handle data'),
  card('faerdigheder', 1, 'Professionsuddannet, målgrupperelevant efteruddannet', 'Professionally trained, with further training relevant to the target group'),
  card('faerdigheder', 2, 'Følge de professionsetiske standarder', 'Follow the professional ethical standards'),
  card('faerdigheder', 3, 'Forstå egen rolle i forhold til andres roller', 'Understand one’s own role in relation to the roles of others'),
  card('faerdigheder', 4, 'Beherske metoder til evalueringer og kvalitetssikring', 'Master methods of evaluation and quality assurance'),
  card('faerdigheder', 5, 'Forstå målgruppen, udvise empati', 'Understand the target group, show empathy'),
  card('faerdigheder', 6, 'Beherske metoder til dokumentation, formidling og it', 'Master methods of documentation, communication and IT'),
];

export class DeckError extends Error {}

/**
 * Validates a deck from a facilitator's JSON file: `[{ column, text: { da, en? } | string, key? }]`.
 * Throws DeckError naming the first bad entry.
 */
export function parseDeck(json: unknown): DeckCard[] {
  if (!Array.isArray(json)) throw new DeckError('a deck is a JSON array of cards');
  if (json.length === 0 || json.length > 200) throw new DeckError('a deck holds 1 to 200 cards');
  const seen = new Set<string>();
  const counts: Record<CompetenceColumn, number> = { viden: 0, kompetencer: 0, faerdigheder: 0 };
  return json.map((raw: unknown, i) => {
    const at = `card ${i + 1}`;
    if (typeof raw !== 'object' || raw === null) throw new DeckError(`${at}: expected an object`);
    const r = raw as Record<string, unknown>;
    if (typeof r.column !== 'string' || !(COMPETENCE_COLUMNS as readonly string[]).includes(r.column)) {
      throw new DeckError(`${at}: column must be one of ${COMPETENCE_COLUMNS.join(', ')}`);
    }
    const column = r.column as CompetenceColumn;
    let da: unknown;
    let en: unknown;
    if (typeof r.text === 'string') da = en = r.text;
    else if (typeof r.text === 'object' && r.text !== null) ({ da, en = da } = r.text as Record<string, unknown>);
    if (typeof da !== 'string' || typeof en !== 'string' || !da.trim() || da.length > 300 || en.length > 300) {
      throw new DeckError(`${at}: text must be a string of 1 to 300 characters (or { "da": …, "en": … })`);
    }
    counts[column]++;
    const key = typeof r.key === 'string' && /^[\w-]{1,64}$/.test(r.key) ? r.key : `${column}-${counts[column]}`;
    if (seen.has(key)) throw new DeckError(`${at}: duplicate key ${key}`);
    seen.add(key);
    return { key, column, text: { da: da.trim(), en: en.trim() } };
  });
}
