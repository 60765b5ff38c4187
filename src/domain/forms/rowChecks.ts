/**
 * The «Проверка» column: one formula per data row that says in Russian what is wrong with the row, «ОК» when
 * nothing is, and stays blank while the row is empty. It must compute the same in Excel 2016+ and LibreOffice, so
 * it is built from IF(…,"; …","")&… only (no TEXTJOIN/IFS/LET/dynamic arrays).
 */

/** One rule: `when` is an Excel boolean expression that is TRUE when the row breaks it; `text` an Excel text expression. */
export interface RowRule {
  when: string;
  text: string;
  warning?: boolean;
}

export const CHECK_OK = 'ОК';
export const WARNING_PREFIX = 'Предупреждение: ';
const SEP = '; ';

/** An Excel string literal. */
export const str = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * The check formula. Errors come first, then warnings, each warning marked «Предупреждение:», so a check that
 * starts with «Предупреждение» holds warnings only (the conditional format relies on it).
 */
export function checkFormula(rules: RowRule[], rowNonEmpty: string): string {
  const ordered = [...rules.filter((r) => !r.warning), ...rules.filter((r) => r.warning)];
  const parts = ordered.map(
    (r) => `IF(${r.when},${str(SEP + (r.warning ? WARNING_PREFIX : ''))}&${r.text},"")`,
  );
  // «ОК» in front, then the first «ОК; » taken away: the texts appear once in the formula, not twice (as
  // IF(all="","ОК",MID(all,…)) had them), which keeps the longest check (monitoring) under Excel's 8,192
  // characters a formula. SUBSTITUTE's 4th argument (the 1st occurrence only) is in Excel and LibreOffice alike.
  const all = parts.join('&');
  return `=IF(${rowNonEmpty},SUBSTITUTE(${str(CHECK_OK)}&${all},${str(CHECK_OK + SEP)},"",1),"")`;
}

/** TRUE when the row holds anything (a formula giving "" counts as empty). */
export const rowHasInput = (range: string): string => `SUMPRODUCT(LEN(${range}))>0`;

/** TRUE when every cell is a number. */
export const allNumbers = (...cells: string[]): string => `COUNT(${cells.join(',')})=${cells.length}`;

/** Marks that say «none» in a count cell, as the reader takes them (values/count.ts): not «text instead of a number». */
const NONE_MARKS = ['-', '–', '—', 'нет'];
const NONE_LIST = `{${NONE_MARKS.map(str).join(',')}}`;

/**
 * How many cells of `range` are filled with something other than a «none» mark (array maths inside SUMPRODUCT,
 * which Excel 2016 and LibreOffice evaluate without Ctrl+Shift+Enter; "=" on text ignores case in both).
 */
export const filledCells = (range: string): string =>
  `SUMPRODUCT((LEN(TRIM(${range}))>0)*ISNA(MATCH(TRIM(${range}),${NONE_LIST},0)))`;

/** TRUE when the cell is empty or holds a «none» mark. */
export const emptyOrNone = (cell: string): string => `OR(TRIM(${cell})="",ISNUMBER(MATCH(TRIM(${cell}),${NONE_LIST},0)))`;

/** TRUE when a list of names ends in «и т.д.», «и др.», «…»: knowingly shorter than the count (values/names.ts). */
export const namesOpen = (cell: string): string =>
  `OR(${['и т.д', 'и т. д', 'и др', 'и пр', '...', '…'].map((m) => `ISNUMBER(SEARCH(${str(m)},${cell}))`).join(',')})`;

/**
 * A count against the names listed beside it: they differ, unless the list is open and shorter (the rules'
 * partners-names-count).
 */
export const namesDiffer = (names: string, count: string): string => {
  const listed = namesListed(names);
  // A count that is not a whole number ≥ 0 is reported as such; its names are not compared with it.
  // (N(): AND evaluates every argument, and INT of a «—» would be #VALUE!.)
  const n = `N(${count})`;
  return `AND(ISNUMBER(${count}),${n}>=0,${n}=INT(${n}),${listed}<>${n},NOT(AND(${namesOpen(names)},${listed}<${n})))`;
};

/**
 * How many names a cell lists: names are separated by commas, semicolons or line breaks; an empty cell lists none.
 */
export const namesListed = (cell: string): string =>
  // A list with «;» or line breaks is split by those alone (a name may hold a comma: «Колледж …, торговли и сферы
  // услуг»), as the rules' splitter does; only a list without them is split by commas.
  `IF(TRIM(${cell})="",0,1+IF(LEN(${cell})>LEN(SUBSTITUTE(SUBSTITUTE(${cell},";",""),CHAR(10),"")),` +
  `LEN(${cell})-LEN(SUBSTITUTE(SUBSTITUTE(${cell},";",""),CHAR(10),"")),LEN(${cell})-LEN(SUBSTITUTE(${cell},",",""))))`;

/** Conditional-format formulas over a row whose check cell is `check` (an address with a $ column). */
export const rowHasErrors = (check: string): string =>
  `AND(${check}<>"",${check}<>${str(CHECK_OK)},LEFT(${check},${WARNING_PREFIX.trim().length})<>${str(WARNING_PREFIX.trim())})`;
export const rowHasWarningsOnly = (check: string): string =>
  `LEFT(${check},${WARNING_PREFIX.trim().length})=${str(WARNING_PREFIX.trim())}`;

/** Tints of rows whose check is not «ОК». */
export const ERROR_FILL = 'FFC7CE';
export const WARNING_FILL = 'FFEB9C';
