/**
 * The seven quality criteria of chain responsibility (kædeansvar), in their numbered order.
 * Danish names and texts follow KL's page "Syv kvalitetskriterier for kædeansvar"
 * (Lamscheck-Nielsen og Vigh, 2020); English is our translation.
 */
import type { Locale } from '../i18n/index.js';

export interface Criterion {
  /** 1..7 */
  number: number;
  name: Record<Locale, string>;
  text: Record<Locale, string>;
  /** Piece colour, used on the puzzle and on notes tagged with the criterion (AA contrast with dark text). */
  color: string;
}

export const CRITERIA: readonly Criterion[] = [
  {
    number: 1,
    name: { da: 'Internt og eksternt samarbejde', en: 'Internal and external collaboration' },
    text: {
      da: 'Kædeansvaret består på organisatorisk niveau af et strategisk samarbejde med fælles formål om at bringe udsatte unge tættere hen imod erhvervsparathed. Det består primært af kommunale ungeaktører i KUI, udvidet med professionelle ungeaktører fra ungdomsuddannelser og andre uddannelser, og sekundært af meningsgivende aktører fra det civile liv og fritidsområdet.',
      en: 'At the organisational level, chain responsibility is a strategic collaboration with a shared aim: bringing vulnerable young people closer to being ready for work. It consists first of the municipal youth actors in KUI, widened with professionals from youth and other education, and second of meaningful actors from civil life and leisure.',
    },
    color: '#f6c945',
  },
  {
    number: 2,
    name: { da: 'Forpligtelse', en: 'Commitment' },
    text: {
      da: 'Det tilstræbes at opnå en forpligtelse imellem de primære aktører i kædeansvaret, hvor forpligtelsen er uafhængig af aktuelle ungecases.',
      en: 'The primary actors in the chain aim for a commitment to each other that does not depend on the young people whose cases are open right now.',
    },
    color: '#f29b5c',
  },
  {
    number: 3,
    name: { da: 'Formalisering af processer', en: 'Formalised processes' },
    text: {
      da: 'Operationelle formaliserede procedurer kan være en fordel, men også en ulempe. Uanset hvad bør strategiske beslutninger tages og opdateres løbende.',
      en: 'Formal operational procedures can help, and can also hinder. Either way, strategic decisions should be taken and kept up to date.',
    },
    color: '#ef8fa8',
  },
  {
    number: 4,
    name: { da: 'Ungeinddragelse', en: 'Involving the young people' },
    text: {
      da: 'I kædeansvaret indgår en tydelig politik om ungeinddragelse med indflydelse på beslutninger.',
      en: 'The chain has a clear policy of involving young people, with real influence on decisions.',
    },
    color: '#b79be8',
  },
  {
    number: 5,
    name: { da: 'Ledelsesansvar', en: 'Leadership responsibility' },
    text: {
      da: 'Der er indgået aftaler på ledelsesniveau. Det tværprofessionelle arbejde skal aktivt understøttes af ledelsen.',
      en: 'Agreements are made at leadership level. Leadership actively supports the cross-professional work.',
    },
    color: '#7fb2f0',
  },
  {
    number: 6,
    name: { da: 'Fagprofessionelle tilgange', en: 'Professional approaches' },
    text: {
      da: 'Der skal arbejdes fagprofessionelt med de unge, så de i deres proces mod at blive afklarede oplever gensidig forståelse og respekt fra de fagprofessionelle omkring dem. Overensstemmelse i tilgange eller metoder er hverken nødvendig eller ønskværdig.',
      en: 'Professionals work with the young people so that, on their way to clarity, they meet mutual understanding and respect from the professionals around them. Uniform approaches or methods are neither necessary nor desirable.',
    },
    color: '#6cc7b8',
  },
  {
    number: 7,
    name: { da: 'Rammer og ressourcer', en: 'Frameworks and resources' },
    text: {
      da: 'Betingelserne for ressourcer og rammer i et forløb er kortlagte. Konstruktive nye muligheder identificeres i kædeansvaret – her kan man tænke ud af boksen.',
      en: 'The conditions of resources and frameworks for a pathway are mapped. Constructive new possibilities are found in the chain – here one can think outside the box.',
    },
    color: '#9ccc65',
  },
];

export function criterion(n: number): Criterion | undefined {
  return CRITERIA.find((c) => c.number === n);
}
