/**
 * How a sheet plan's cells become what Range.values / Range.formulas take. Excel treats a string set through the
 * API like typed input: "=…" becomes a formula, "1 234" or "12.03.2021" may become a number or a date. A received
 * text must stay text, so such strings get a leading apostrophe — Excel's own "this is text" mark, which is not
 * part of the stored value and survives saving to .xlsx (the cell is stored as a string).
 */
import { isFormula, type CellInput } from '../domain/sheetPlan';
import { fitCellText } from '../domain/cellLimit';

/** Strings Excel would not keep as the same text if typed into a General cell. */
const COERCED = [
  /^[=+\-@']/, // formulas, signs, the apostrophe itself
  /^\s*[\d\s.,]+%?\s*$/, // numbers (with spaces or commas), percentages
  /^\s*\d{1,4}[./-]\d{1,2}([./-]\d{1,4})?\s*$/, // dates and day-month pairs
  /^\s*\d{1,2}:\d{2}(:\d{2})?\s*$/, // times
  /^(true|false|истина|ложь)$/i, // booleans in English and Russian Excel
  /^#[A-ZА-Я/0!?]+[!?]?$/i, // error literals (#Н/Д, #REF!)
];

export function needsTextMark(s: string): boolean {
  return s.length > 0 && COERCED.some((re) => re.test(s));
}

/**
 * One cell for Range.values / Range.formulas. Null becomes '' (an empty cell). A cell the plan formats as text
 * ("@", written before the values) keeps any string as typed, so it gets no apostrophe.
 */
export function toExcelInput(c: CellInput, textCell = false): string | number | boolean {
  if (c === null || c === undefined) return '';
  if (isFormula(c)) return c.formula.startsWith('=') ? c.formula : `=${c.formula}`;
  if (typeof c === 'string') {
    // Excel refuses a value longer than 32 767 characters, and the whole request with it.
    const text = fitCellText(c);
    return needsTextMark(text) && !textCell ? `'${text}` : text;
  }
  if (typeof c === 'number' && !Number.isFinite(c)) return '';
  return c;
}

/**
 * A value's size in an Office.js request, counted the way that can cost most: JSON in which every non-ASCII
 * character may travel as a \uXXXX escape, six bytes (Cyrillic text weighs three times its UTF-8 size). Excel on
 * the web refuses a request or response over 5 MB ("Resource limits and performance optimization for Office
 * Add-ins", learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 */
export function payloadBytes(x: unknown): number {
  const s = JSON.stringify(x) ?? '';
  let n = 0;
  for (let i = 0; i < s.length; i++) n += s.charCodeAt(i) < 0x80 ? 1 : 6;
  return n;
}

/**
 * What each queued operation costs beyond its data: the action and the object path it acts on (ids, names, types)
 * travel with it, about a hundred bytes each in the request's JSON; counted generously.
 */
export const OPERATION_BYTES = 160;
