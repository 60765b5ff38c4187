/**
 * A partner cell as the order asks for it: «указать число, перечислить наименования» —
 * `3 - ТУСУР, ТГАСУ и т.д.`, `1 - ЗАО «Томский подшипник»`, `2 (ТГУ, ТПУ)`, just `НИ ТГУ`, or just `3`.
 */
import type { CellValue } from '../grid';
import { NUMBER_SOURCE, numberFromText, parseCount } from './count';
import { splitNames } from './partnerList';

export { splitNames };

export interface CountWithNames {
  /** The number written before the names; null when only names (or nothing) were written. */
  count: number | null;
  names: string[];
  /** The list ends with «и т.д.», «и др.»: the writer says there are more names than listed. */
  open: boolean;
  /** The cell's text when it was split (count and names taken from one text). */
  interpreted?: string;
  /** Text that is neither a count nor names (e.g. `12,5 - ТГУ` is read, but `много` is not a list). */
  unreadable?: string;
}

const ETC = /[\s,;]*(?:и\s+т\.?\s*д\.?|и\s+т\.?\s*п\.?|и\s+др(?:угие)?\.?|и\s+пр\.?|etc\.?|\.\.\.|…)\s*$/i;
/** `3 - …`, `3: …`, `3 (…)`, `3 организации: …` */
const COUNT_FIRST = new RegExp(
  `^(${NUMBER_SOURCE})\\s*(?:(?:чел\\.?|шт\\.?|ед\\.?|организаци[йия]|партн[её]р[а-яёa-z]*|орг\\.)\\s*)?(?:[-–—:]\\s*|\\(\\s*)(.*)$`,
  's',
);

export function parseCountWithNames(v: CellValue): CountWithNames {
  const c = parseCount(v);
  if (c.kind === 'none') return { count: null, names: [], open: false };
  if (c.kind === 'number') return { count: c.value, names: [], open: false, interpreted: c.interpreted };
  const text = String(v).trim();
  const m = COUNT_FIRST.exec(text);
  let count: number | null = null;
  let rest = text;
  if (m) {
    count = numberFromText(m[1]);
    rest = m[2].replace(/\)\s*$/, '');
  }
  const open = ETC.test(rest);
  rest = rest.replace(ETC, '');
  const names = splitNames(rest);
  if (count === null && names.length === 0) return { count: null, names: [], open, unreadable: text };
  return { count, names, open, interpreted: text };
}

/** Names only (the «Наименования» sub-column): a list, with «и т.д.» noted. */
export function parseNames(v: CellValue): { names: string[]; open: boolean } {
  if (v === null || v === undefined) return { names: [], open: false };
  const text = String(v).trim();
  if (text === '' || /^(?:[-–—]+|нет|отсутству[а-яёa-z]*)$/i.test(text)) return { names: [], open: false };
  const open = ETC.test(text);
  return { names: splitNames(text.replace(ETC, '')), open };
}
