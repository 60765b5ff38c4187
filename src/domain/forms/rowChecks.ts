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

/**
 * How many names a cell lists: names are separated by commas, semicolons or line breaks; an empty cell lists none.
 */
export const namesListed = (cell: string): string =>
  `IF(TRIM(${cell})="",0,1+LEN(${cell})-LEN(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${cell},";",","),CHAR(10),","),",","")))`;

/** Conditional-format formulas over a row whose check cell is `check` (an address with a $ column). */
export const rowHasErrors = (check: string): string =>
  `AND(${check}<>"",${check}<>${str(CHECK_OK)},LEFT(${check},${WARNING_PREFIX.trim().length})<>${str(WARNING_PREFIX.trim())})`;
export const rowHasWarningsOnly = (check: string): string =>
  `LEFT(${check},${WARNING_PREFIX.trim().length})=${str(WARNING_PREFIX.trim())}`;

/** Tints of rows whose check is not «ОК». */
export const ERROR_FILL = 'FFC7CE';
export const WARNING_FILL = 'FFEB9C';
