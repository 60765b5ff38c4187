/**
 * Matching names as people retype them. A school writes «МАОУ СОШ №4» one year and «маоу сош № 4» the next;
 * a partner is «ЗАО "Томский подшипник"» in one report and «Томский подшипник» in another. The keys below
 * make those the same, while the display keeps what people wrote.
 */

import { remembered } from '../text/remembered';

const QUOTES = /[«»"“”„‟'‘’`]/g;

/** Collapse case, ё/е, quotes, dashes, spaces and the spacing around «№». Asked of every row's unit many times. */
const baseKey = remembered((s: string): string =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(QUOTES, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s*№\s*/g, ' № ')
    .replace(/\s*-\s*/g, '-')
    .replace(/[.,;:]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim(),
);

/** Key for a unit (school, municipality, ОГОО): two spellings of one unit give the same key. */
export const unitKey = (name: string): string => baseKey(name);

/**
 * Legal forms in front of (or after) a partner's name. They do not tell two partners apart, so the key drops them;
 * the display name keeps them.
 */
const LEGAL_FORMS = [
  'ооо', 'зао', 'оао', 'пао', 'нао', 'ао', 'ип', 'и п', 'фгуп', 'муп', 'гуп', 'ано', 'нко', 'огбу', 'огбпоу', 'огапоу',
  'фгбоу во', 'фгаоу во', 'фгбоу', 'фгаоу', 'маоу', 'мбоу', 'мбу', 'мау', 'оаоу', 'ку', 'гк',
  'индивидуальный предприниматель', 'общество с ограниченной ответственностью', 'акционерное общество',
  'публичное акционерное общество', 'закрытое акционерное общество',
];
const LEGAL_FORM_RE = new RegExp(
  `^(?:(?:${LEGAL_FORMS.map((f) => f.replace(/ /g, '\\s*')).join('|')})\\s+)+|\\s+(?:${LEGAL_FORMS.map((f) => f.replace(/ /g, '\\s*')).join('|')})$`,
  'g',
);

/** Key for a partner organisation: case, quotes, spaces and legal forms (ООО, ЗАО, И.П. …) do not matter. */
export const partnerKey = remembered((name: string): string => {
  // Punctuation inside a name does not tell partners apart: «…питания, торговли…» is «…питания торговли…».
  const k = baseKey(name.replace(/[.,;:]/g, ' ')).replace(LEGAL_FORM_RE, '').trim();
  return k || baseKey(name);
});

/** Words people add to a list that are not partners: «и т.д.», «и др.», «нет». */
const NOT_A_NAME = /^(?:и\s*т\.?\s*д\.?|и\s*др\.?|и\s*пр\.?|нет|отсутствуют?|—|-)$/i;

/**
 * A partner name worth counting, trimmed; null for filler like «и т.д.». Remembered: the same partners come in
 * school after school (one string for each, which the register's look-ups then hash once).
 */
export const cleanPartnerName = remembered((raw: string): string | null => {
  const s = raw.replace(/\s+/g, ' ').replace(/\s+(?:и\s*т\.?\s*д\.?|и\s*др\.?)$/i, '').trim();
  if (!s || NOT_A_NAME.test(s)) return null;
  return s;
});
