/**
 * A worksheet's bytes without the text of its formulas: `<f …>SUM(A1:A9)</f>` becomes `<f …></f>`. The
 * values-only reader (xlsxValues.ts) passes formulas over, yet decoded them with everything else: in a school's
 * workbook formula text is 71% of the cells' bytes («Проверка» on every row) and all their non-ASCII bytes, so
 * the pane's TextDecoder decoded three times the bytes it needed, as two-byte strings (a fifth of reading a file
 * in Chromium, CPU profile). Without it the cells are ASCII: one-byte strings, a third of the text to scan.
 * Only a formula of plain form is emptied — its start tag (quotes balanced), text with no `<`, then `</{p}f>`;
 * anything else (CDATA, markup inside, a damaged tag) is left as it is, for the reader to read or decline as before.
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

/** `data` with the text of every plain `<{prefix}f>` element dropped; `data` itself when there is none. */
export function withoutFormulaText(data: Uint8Array, prefix: string): Uint8Array {
  const open = ascii(`<${prefix}f`);
  const close = ascii(`</${prefix}f>`);
  let out: Uint8Array | undefined;
  let written = 0;
  let copied = 0;
  for (let at = data.indexOf(LT); at >= 0; ) {
    if (!holds(data, at, open) || !endsName(data[at + open.length])) {
      at = data.indexOf(LT, at + 1);
      continue;
    }
    const gt = data.indexOf(GT, at);
    if (gt < 0) break;
    const next = data.indexOf(LT, gt + 1);
    if (next < 0) break;
    if (data[gt - 1] !== SLASH && next > gt + 1 && holds(data, next, close) && quotesBalanced(data, at, gt)) {
      out ??= new Uint8Array(data.length);
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
