/**
 * A worksheet's bytes without the text of its formulas: `<f …>SUM(A1:A9)</f>` becomes `<f …></f>`. The
 * values-only reader (xlsxValues.ts) passes formulas over, yet decoded them with everything else: in a school's
 * workbook formula text is 71% of the cells' bytes («Проверка» on every row) and all their non-ASCII bytes, so
 * the pane's TextDecoder decoded three times the bytes it needed, as two-byte strings (a fifth of reading a file
 * in Chromium, CPU profile). Without it the cells are ASCII: one-byte strings, a third of the text to scan.
 * Only a formula of plain form is emptied — its start tag (quotes balanced), text with no `<`, then `</{p}f>`;
 * anything else (CDATA, markup inside, a damaged tag) is left as it is, for the reader to read or decline as before.
 * Conditional formats and data validations are dropped whole (DROPPED below).
 */

const LT = 60;
const GT = 62;
const SLASH = 47;

/** Whether `b` holds `pattern` at `at`. */
function holds(b: Uint8Array, at: number, pattern: Uint8Array): boolean {
  for (let i = 0; i < pattern.length; i++) if (b[at + i] !== pattern[i]) return false;
  return true;
}

/** A tag's name ends here: white space, `>` or `/` (so `<f` is not `<fx` nor `<f:x`). */
const endsName = (c: number) => c === 0x20 || c === GT || c === SLASH || c === 0x09 || c === 0x0a || c === 0x0d;

/** Quotes balanced in `b[from, to)`: a `>` inside an attribute's value would end the tag too early. */
function quotesBalanced(b: Uint8Array, from: number, to: number): boolean {
  let double = 0;
  let single = 0;
  for (let i = from; i < to; i++) {
    if (b[i] === 34) double++;
    else if (b[i] === 39) single++;
  }
  return double % 2 === 0 && single % 2 === 0;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/**
 * Whole elements the reader never looks into: conditional formats and data validations, which follow the cells
 * and hold the rest of a school sheet's non-ASCII (their formulas, prompts and messages; no merged area lies
 * inside them). Without them the whole sheet is ASCII, one-byte strings even in the cells' last piece.
 */
const DROPPED = ['conditionalFormatting', 'dataValidations'];

/** Where the element starting at `at` ends (after its end tag), or -1 when it does not end plainly. */
function elementEnd(data: Uint8Array, at: number, close: Uint8Array): number {
  for (let lt = data.indexOf(LT, at + 1); lt >= 0; lt = data.indexOf(LT, lt + 1)) if (holds(data, lt, close)) return lt + close.length;
  return -1;
}

/**
 * `data` with the text of every plain `<{prefix}f>` element and every conditional format and data validation
 * dropped; `data` itself when there is none. Written into `into(length)` when given (a reused buffer, see
 * reusedBytes.ts), else into a new one.
 */
export function withoutFormulaText(data: Uint8Array, prefix: string, into: (length: number) => Uint8Array = (n) => new Uint8Array(n)): Uint8Array {
  const { open, close, dropped } = needlesFor(prefix);
  let out: Uint8Array | undefined;
  let written = 0;
  let copied = 0;
  for (let at = data.indexOf(LT); at >= 0; ) {
    if (!holds(data, at, open) || !endsName(data[at + open.length])) {
      const element = data[at + 1] === 99 || data[at + 1] === 100 || prefix ? droppedAt(data, at, dropped) : undefined;
      const end = element ? elementEnd(data, at, element.close) : -1;
      if (end >= 0) {
        out ??= into(data.length);
        out.set(data.subarray(copied, at), written);
        written += at - copied;
        copied = end;
        at = data.indexOf(LT, end);
      } else at = data.indexOf(LT, at + 1);
      continue;
    }
    const gt = data.indexOf(GT, at);
    if (gt < 0) break;
    const next = data.indexOf(LT, gt + 1);
    if (next < 0) break;
    if (data[gt - 1] !== SLASH && next > gt + 1 && holds(data, next, close) && quotesBalanced(data, at, gt)) {
      out ??= into(data.length);
      out.set(data.subarray(copied, gt + 1), written);
      written += gt + 1 - copied;
      copied = next;
    }
    at = next;
  }
  if (!out) return data;
  out.set(data.subarray(copied), written);
  written += data.length - copied;
  return out.subarray(0, written);
}

interface Needles {
  open: Uint8Array;
  close: Uint8Array;
  dropped: { open: Uint8Array; close: Uint8Array }[];
}

/**
 * The tags looked for, made once for each namespace prefix: made afresh for every sheet, with a closure for every
 * `<c` tag (each cell) to look among them, they were 100 MB of garbage for 1,000 schools' sheets (allocation profile).
 */
const NEEDLES = new Map<string, Needles>();
function needlesFor(prefix: string): Needles {
  let n = NEEDLES.get(prefix);
  if (!n) {
    n = {
      open: ascii(`<${prefix}f`),
      close: ascii(`</${prefix}f>`),
      dropped: DROPPED.map((name) => ({ open: ascii(`<${prefix}${name}`), close: ascii(`</${prefix}${name}>`) })),
    };
    // Prefixes come from the files: a hostile one per sheet must not grow this without end.
    if (NEEDLES.size > 16) NEEDLES.clear();
    NEEDLES.set(prefix, n);
  }
  return n;
}

/** The dropped element whose start tag is at `at`, if any. */
function droppedAt(data: Uint8Array, at: number, dropped: Needles['dropped']): Needles['dropped'][number] | undefined {
  for (const d of dropped) if (holds(data, at, d.open) && endsName(data[at + d.open.length])) return d;
  return undefined;
}
