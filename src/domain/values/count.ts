/**
 * Counts as people type them in a report cell: `438`, `438 чел.`, `1 234` (space, NBSP or thin space between
 * thousands), `12,0`, numbers stored as text, and «nothing» written as `—`, `-`, `нет`.
 * A number that is not a whole count (12,5; -3) is returned as read, flagged, never rounded: the rules say so.
 */
import type { CellValue } from '../grid';

export type CountReading =
  /** Empty cell, or a word/dash meaning «none». */
  | { kind: 'none'; interpreted?: string }
  /** A number; `interpreted` is the original text when the cell was not a plain number. */
  | { kind: 'number'; value: number; interpreted?: string }
  | { kind: 'unreadable'; text: string };

/** Spaces people put between thousands: space, NBSP, narrow NBSP, thin space, figure space. */
const THOUSANDS = '[ \\u00a0\\u202f\\u2009\\u2007]';
/** A number as typed: optional sign, digits (maybe grouped by thousands), optional decimal part. */
export const NUMBER_SOURCE = `[-+−–]?\\s*(?:\\d{1,3}(?:${THOUSANDS}\\d{3})+|\\d+)(?:[.,]\\d+)?`;
const NUMBER = new RegExp(`^${NUMBER_SOURCE}$`);
/** A number followed by words: `438 чел.` (the words are checked against UNIT_WORDS). */
const NUMBER_AND_WORDS = new RegExp(`^(${NUMBER_SOURCE})\\s*(.+)$`);
/** Two counts, each maybe with words, around `/`, `\\` or `|`. */
const PAIR = new RegExp(`^\\s*(${NUMBER_SOURCE}[^/\\\\|]*?)\\s*[/\\\\|]\\s*(${NUMBER_SOURCE}[^/\\\\|]*?)\\s*$`);

/** Units and words that may follow a count: «чел.», «человек», «шт.», «ед.», «мероприятий», «ОО»… */
const UNIT_WORDS =
  /^(?:чел(?:овек|овека)?|ч|шт|ед|единиц[аы]?|мероприяти[йяе]|меропр|ОО|организаци[йия]|школ[аы]?|педагог(?:ов|а)?|обучающ[а-яёa-z]*|учени[а-яёa-z]*|уч-ся|партн[её]р[а-яёa-z]*)\.?$/i;

/** Words that mean «none» in a count cell. */
const NONE_WORDS = /^(?:нет|не было|отсутству[а-яёa-z]*|не провод[а-яёa-z]*|не участвова[а-яёa-z]*|н\/д|х|x)$/i;
const DASHES = /^[-–—―−_]+$/;

/** Turns number text into a JS number: `1 234,5` → 1234.5, `−3` → -3. */
export function numberFromText(text: string): number {
  const t = text
    .replace(/[−–]/g, '-')
    .replace(/[\s\u00a0\u202f\u2009\u2007]/g, '')
    .replace(',', '.');
  return Number(t);
}

/** White space other than single plain spaces: only then is a text's spacing rewritten (a new string each time). */
const UNTIDY_SPACE = /[^\S ]| {2}/;
/** What a count's text may start with (NUMBER_SOURCE): a sign or a digit. */
const mayStartNumber = (c: number): boolean => (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 0x2212 || c === 0x2013;

export function parseCount(v: CellValue): CountReading {
  if (v === null || v === undefined) return { kind: 'none' };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'unreadable', text: String(v) };
  if (typeof v === 'boolean') return { kind: 'unreadable', text: v ? 'ИСТИНА' : 'ЛОЖЬ' };
  // Every text cell of every received sheet passes here while the forms are found, most of them words: the cheap
  // tests first, and no new string unless the text changes.
  const text = (UNTIDY_SPACE.test(v) ? v.replace(/\s+/g, ' ') : v).trim();
  if (text === '') return { kind: 'none' };
  if (DASHES.test(text) || NONE_WORDS.test(text)) return { kind: 'none', interpreted: text };
  if (!mayStartNumber(text.charCodeAt(0))) return { kind: 'unreadable', text };
  if (NUMBER.test(text)) return { kind: 'number', value: numberFromText(text), interpreted: text };
  const withUnit = NUMBER_AND_WORDS.exec(text);
  if (withUnit && UNIT_WORDS.test(withUnit[2].trim())) return { kind: 'number', value: numberFromText(withUnit[1]), interpreted: text };
  return { kind: 'unreadable', text };
}

/** `7/6`, `7 / 6`, `7\6`: two counts in one cell (the order's «всего/из них» columns). */
export function parsePair(v: CellValue): { first: CountReading; second: CountReading } | undefined {
  if (typeof v !== 'string') return undefined;
  const m = PAIR.exec(v);
  if (!m) return undefined;
  return { first: withText(parseCount(m[1]), v), second: withText(parseCount(m[2]), v) };
}

/** Marks a reading as interpreted from the whole cell text. */
function withText(r: CountReading, text: string): CountReading {
  return r.kind === 'number' ? { ...r, interpreted: text.trim() } : r;
}

