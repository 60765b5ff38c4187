/**
 * Whether a cell's number format shows a date or time — how a serial number in a received .xlsx becomes a date.
 * Decided exactly as SheetJS decides (its fmt_is_date and its table of built-in formats), so the fast reader and
 * the SheetJS fallback read every file alike; numberFormats.test.ts holds the two to each other. Kept here rather
 * than asked of SheetJS so that reading a school's .xlsx never loads SheetJS (sheetjs.ts).
 */

/**
 * Built-in formats (ECMA-376 Part 1, 18.8.30) that show a date or time, as SheetJS's table has them: 14–22 (dates
 * and times), 45–47 (minutes and seconds, elapsed hours) and 56 (a Chinese AM/PM time). Other built-in ids, and ids
 * the file does not define, are numbers.
 */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, 56]);

export const isBuiltInDateFormat = (id: number): boolean => BUILT_IN_DATES.has(id);

/** `[h]`, `[mm]`, `[ss]` (and their Thai letters): elapsed time. Other brackets are colours, conditions, locales. */
const ELAPSED = /^\[[HhMmSs\u0E0A\u0E19\u0E17]*\]/;

/** `General` (any case) at `i`. */
const isGeneralAt = (code: string, i: number) => code.length >= i + 7 && code.slice(i, i + 7).toLowerCase() === 'general';

/**
 * Whether a format code shows a date or time: a date or time letter (y m d h s, era e g b1 b2, AM/PM, A/P)
 * or an elapsed-time bracket, outside quoted text, escaped and padding characters and the digit placeholders
 * (so the E of `0.00E+00` is an exponent, not an era).
 */
export function isDateFormat(code: string): boolean {
  let i = 0;
  while (i < code.length) {
    const c = code[i];
    switch (c) {
      case 'G':
        i += isGeneralAt(code, i) ? 7 : 1;
        break;
      case '"': // quoted text, up to the closing quote
        i = code.indexOf('"', i + 1);
        i = i < 0 ? code.length : i + 1;
        break;
      case '\\': // an escaped character
      case '_': // the width of a character
        i += 2;
        break;
      case '*': // a fill character (`* ` and `**` take one more)
        i += code[i + 1] === ' ' || code[i + 1] === '*' ? 2 : 1;
        break;
      case 'B':
      case 'b':
      case 'M':
      case 'D':
      case 'Y':
      case 'H':
      case 'S':
      case 'E':
      case 'm':
      case 'd':
      case 'y':
      case 'h':
      case 's':
      case 'e':
      case 'g':
        return true;
      case 'A':
      case 'a':
      case '上': {
        const three = code.slice(i, i + 3).toUpperCase();
        const five = code.slice(i, i + 5).toUpperCase();
        if (three === 'A/P' || five === 'AM/PM' || five === '上午/下午') return true;
        i++;
        break;
      }
      case '[': {
        const close = code.indexOf(']', i);
        const bracket = code.slice(i, close < 0 ? code.length : close + 1);
        if (ELAPSED.test(bracket)) return true;
        i += bracket.length;
        break;
      }
      case '.':
      case '0':
      case '#':
        // Digit placeholders run on through separators and an exponent (`0.00E+00`, `#,##0`).
        i++;
        while (i < code.length && ('0#?.,E+-%'.includes(code[i]) || (code[i] === '\\' && code[i + 1] === '-' && '0#'.includes(code[i + 2] ?? '')))) i++;
        break;
      case '?':
        while (code[++i] === '?');
        break;
      default:
        if (c >= '1' && c <= '9') while (i < code.length && code[++i] >= '0' && code[i] <= '9');
        else i++;
    }
  }
  return false;
}

/**
 * Excel's serial date as SheetJS turns it into a date (1900 system with its phantom 29 February 1900; the
 * milliseconds truncated as Date does), written as isoDate.
 */
export function serialToIso(serial: number, date1904: boolean): string | number {
  const v = date1904 ? serial + 1462 : serial;
  if (v >= 60 && v < 61) return v; // 29.02.1900 does not exist: SheetJS leaves the number
  return isoDate(new Date((v > 60 ? v : v + 1) * 864e5 + Date.UTC(1899, 11, 30)));
}

/**
 * A date cell as received grids hold it (both readers): ISO date, with the time when it is not midnight. Rounded to
 * the second first: a serial date is a binary fraction, and 14:05 typed in Excel arrives as 14:04:59.999.
 */
export function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const s = new Date(Math.round(d.getTime() / 1000) * 1000).toISOString();
  return s.endsWith('T00:00:00.000Z') ? s.slice(0, 10) : s.slice(0, 16).replace('T', ' ');
}
