/** Default columns of the reflection wall (the module's Padlet). Editable on the board. */
import type { Locale } from '../i18n/index.js';

export interface ReflectionColumn {
  key: string;
  title: Record<Locale, string>;
  questions: Record<Locale, string>[];
}

export const DEFAULT_REFLECTIONS: readonly ReflectionColumn[] = [
  {
    key: 'ledelsesansvar',
    title: { da: 'Ledelsesansvar', en: 'Leadership responsibility' },
    questions: [
      { da: 'Hvordan tager ledelsen ansvar for samarbejdet?', en: 'How does leadership take responsibility for the collaboration?' },
      { da: 'Er der forpligtelse i alle partneres ledelse?', en: 'Is there commitment in every partner’s leadership?' },
      { da: 'Giver ledelsen kontaktpersonen tid, administrativ støtte og fælles it?', en: 'Does leadership give the contact person time, administrative support and shared IT?' },
      { da: 'Hvordan gøres kontaktpersonens rolle og opgaver kendt hos partnerne?', en: 'How are the contact person’s role and tasks made known to the partners?' },
    ],
  },
  {
    key: 'ungeinddragelse',
    title: { da: 'Ungeinddragelse', en: 'Involving the young people' },
    questions: [
      { da: 'Er der et ungeråd i KUI eller i kæden?', en: 'Is there a youth council in KUI or in the chain?' },
      { da: 'Er meddesign af den unges forløb et udtalt princip?', en: 'Is co-design of the young person’s pathway a stated principle?' },
      { da: 'Bruger vi et sprog, de unge forstår?', en: 'Do we use a language young people understand?' },
    ],
  },
  {
    key: 'meddesign',
    title: { da: 'Den unges meddesign', en: 'The young person’s co-design' },
    questions: [
      { da: 'Hvordan hjælper de professionelle den unge med at sige, hvad han eller hun vil – i starten og undervejs?', en: 'How do professionals help the young person say what they want, at the start and along the way?' },
      { da: 'Hvordan gøres den unges ressourcer synlige?', en: 'How are the young person’s resources made visible?' },
      { da: 'Hvordan føres behov og mål med videre i kæden?', en: 'How are needs and goals carried along the chain?' },
    ],
  },
];
