/**
 * What one Excel cell holds: at most 32 767 characters. Longer text (a CSV may bring a megabyte) makes Excel call a
 * file damaged and makes office.js refuse the whole request, so both writers cut it with fitCellText.
 */
export const CELL_MAX_CHARS = 32_767;

/** Text cut to what a cell holds; the cut is marked so nobody takes it for the whole text. */
export function fitCellText(s: string): string {
  if (s.length <= CELL_MAX_CHARS) return s;
  let end = CELL_MAX_CHARS - 1;
  if (/[\uD800-\uDBFF]/.test(s[end - 1])) end--; // never split an emoji's surrogate pair
  return `${s.slice(0, end)}…`;
}
