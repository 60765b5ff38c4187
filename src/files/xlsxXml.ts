/** Text as the one writer's XML parts carry it (xlsxWriter.ts): escaped, and without characters XML cannot hold. */

// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[<>&"\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
// eslint-disable-next-line no-control-regex
const WORK = /[<>&"\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;
const ENTITY: Record<string, string> = { '"': '&quot;', '&': '&amp;', '<': '&lt;', '>': '&gt;', _: '_x005F_' };

/**
 * Cell text and attribute values: the XML entities, control characters XML 1.0 cannot carry dropped (as the
 * earlier writer dropped them), and a literal `_x0041_` kept literal by escaping its underscore — Excel and
 * SheetJS read `_xHHHH_` in a cell's text as the character HHHH (ECMA-376 Part 1, 22.9.2.19 ST_Xstring).
 */
export function xmlText(text: string): string {
  return NEEDS_WORK.test(text) ? text.replace(WORK, (ch) => ENTITY[ch] ?? '') : text;
}

/** Formulas, names and other text that is not a cell's value: entities only (no `_xHHHH_` in formulas). */
// eslint-disable-next-line no-control-regex
const ATTR = /[<>&"\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g;
export function xmlAttr(text: string): string {
  return text.replace(ATTR, (ch) => ENTITY[ch] ?? '');
}
