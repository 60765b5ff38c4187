/**
 * «Сроки проведения» as people write them in a plan: a date cell, `20.03.2024`, `20.03.2024 - 25.03.2024`,
 * `20-25.03.2024`, `20.03-05.04.2024`, `20 марта 2024`, `20-25 марта`, `март 2024`, `с 15.03 по 16.04`.
 * A missing year is the campaign's year. Returns ISO dates, or undefined when the text says no date.
 */
import type { CellValue } from '../grid';
import type { DateRange } from '../report';
import { remembered } from '../text/remembered';

const MONTHS: [RegExp, number][] = [
  [/^январ/, 1], [/^феврал/, 2], [/^март/, 3], [/^апрел/, 4], [/^ма[йя]/, 5], [/^июн/, 6],
  [/^июл/, 7], [/^август/, 8], [/^сентябр/, 9], [/^октябр/, 10], [/^ноябр/, 11], [/^декабр/, 12],
];

const monthOf = (word: string): number | undefined => MONTHS.find(([re]) => re.test(word.toLowerCase()))?.[1];

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function valid(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

const fullYear = (y: string | undefined, fallback: number): number =>
  y === undefined ? fallback : y.length === 2 ? 2000 + Number(y) : Number(y);

/** An Excel serial day number (1900 system) as an ISO date. */
export function excelSerialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

interface Point {
  d?: number;
  m?: number;
  y?: number;
}

/** Dates in the text, in order: `20.03.2024`, `20.03`, `20 марта 2024`, `20`, `2024-03-20`. */
function points(text: string): Point[] | undefined {
  const out: Point[] = [];
  const re =
    /(\d{4})-(\d{2})-(\d{2})|(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2}))?(?!\d)|(\d{1,2})\s+([а-яё]+)(?:\s+(\d{4}))?|([а-яё]+)\s+(\d{4})|(\d{1,2})(?=\s*[-–—]|\s+по\s|\s+до\s)/gi;
  let m: RegExpExecArray | null;
  let consumed = '';
  let last = 0;
  while ((m = re.exec(text))) {
    consumed += text.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[1]) out.push({ y: +m[1], m: +m[2], d: +m[3] });
    else if (m[4]) out.push({ d: +m[4], m: +m[5], y: m[6] ? fullYear(m[6], 0) : undefined });
    else if (m[7]) {
      const month = monthOf(m[8]);
      if (!month) return undefined;
      out.push({ d: +m[7], m: month, y: m[9] ? +m[9] : undefined });
    } else if (m[10]) {
      const month = monthOf(m[10]);
      if (!month) continue;
      out.push({ m: month, y: +m[11] });
    } else if (m[12]) out.push({ d: +m[12] });
  }
  consumed += text.slice(last);
  // Anything else must be connecting words: «с», «по», «до», dashes, «г.», «года».
  const rest = ` ${consumed} `.replace(/(?<=[\s\-–—.,])(?:с|со|по|до|г|гг|года?)\.?(?=[\s\-–—,])/gi, ' ');
  if (!/^[\s\-–—,.]*$/.test(rest)) return undefined;
  return out;
}

/** Parses a plan's dates cell; `year` fills in a missing year. */
export function parseDateRange(v: CellValue, year: number): DateRange | undefined {
  if (v === null || v === undefined || typeof v === 'boolean') return undefined;
  if (typeof v === 'number') {
    // A date cell that reached us as a serial number (e.g. from a CSV export).
    if (v > 20000 && v < 80000 && Number.isInteger(v)) {
      const d = excelSerialToIso(v);
      return { from: d, to: d };
    }
    return undefined;
  }
  return rangeOfText(year)(v);
}

/**
 * A plan's dates as text, remembered per campaign year: a region's plans repeat the same few hundred dates
 * («12.10.2023 - 13.10.2023») across thousands of rows, and parsing each again was a tenth of reading a plan.
 * The ranges are never changed by their readers, so one object may stand in every row that typed the same text.
 */
const byYear = new Map<number, (text: string) => DateRange | undefined>();
function rangeOfText(year: number): (text: string) => DateRange | undefined {
  let parse = byYear.get(year);
  if (!parse) {
    parse = remembered((v: string) => textRange(v, year));
    byYear.set(year, parse);
  }
  return parse;
}

function textRange(v: string, year: number): DateRange | undefined {
  const text = v.replace(/\s+/g, ' ').trim();
  const iso1 = /^(\d{4}-\d{2}-\d{2})(?: \d{2}:\d{2})?$/.exec(text);
  if (iso1) return { from: iso1[1], to: iso1[1] };
  const ps = points(text.toLowerCase());
  if (!ps || ps.length === 0 || ps.length > 2) return undefined;
  // Fill gaps from the right: «20-25.03.2024» → 20.03.2024–25.03.2024.
  const [a, b] = ps.length === 2 ? ps : [ps[0], ps[0]];
  const to: Point = { ...b, y: b.y ?? a.y ?? year };
  const from: Point = { d: a.d, m: a.m ?? to.m, y: a.y ?? to.y };
  if (from.m === undefined || to.m === undefined) return undefined;
  // «март 2024» alone: the whole month.
  const fromDay = from.d ?? 1;
  const toDay = ps.length === 1 && b.d === undefined ? lastDay(to.y!, to.m) : (to.d ?? lastDay(to.y!, to.m));
  if (!valid(from.y!, from.m, fromDay) || !valid(to.y!, to.m, toDay)) return undefined;
  const range = { from: iso(from.y!, from.m, fromDay), to: iso(to.y!, to.m, toDay) };
  return range.from <= range.to ? range : undefined;
}
