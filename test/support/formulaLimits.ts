/**
 * Excel's documented limits on a formula, measured independently of the code that builds formulas:
 *  - at most 8,192 characters (MS-OI29500 2.1.1085, "Part 1 Section 18.18.35, ST_Formula": "Excel restricts the
 *    contents of this simple type to be at most 8192 characters");
 *  - at most 64 nested levels of functions ("Excel specifications and limits", support.microsoft.com,
 *    Calculation specifications: "Nested levels of functions 64"); counted here as parenthesis depth, which is
 *    never less than the function depth, so the check is stricter than Excel;
 *  - string constants of at most 255 characters (same page: "Text values in formulas are limited to 255
 *    characters"; Excel refuses to enter such a formula).
 */
export const MAX_FORMULA_CHARS = 8192;
export const MAX_NESTING = 64;
export const MAX_STRING_CONSTANT = 255;

export interface FormulaFacts {
  /** Characters after the leading "=" (the stored ST_Formula text has none). */
  length: number;
  nesting: number;
  longestString: number;
}

export function formulaFacts(formula: string): FormulaFacts {
  const f = formula.startsWith('=') ? formula.slice(1) : formula;
  let depth = 0;
  let nesting = 0;
  let longestString = 0;
  for (let i = 0; i < f.length; i++) {
    const ch = f[i];
    if (ch === '"') {
      // A string literal: "" inside is one quote character.
      let n = 0;
      i++;
      while (i < f.length) {
        if (f[i] === '"') {
          if (f[i + 1] === '"') {
            n++;
            i += 2;
            continue;
          }
          break;
        }
        n++;
        i++;
      }
      longestString = Math.max(longestString, n);
    } else if (ch === "'") {
      // A quoted sheet name: parentheses inside are not nesting.
      i++;
      while (i < f.length && !(f[i] === "'" && f[i + 1] !== "'")) i += f[i] === "'" ? 2 : 1;
    } else if (ch === '(') nesting = Math.max(nesting, ++depth);
    else if (ch === ')') depth--;
  }
  return { length: f.length, nesting, longestString };
}

/** What is wrong with a formula by Excel's limits, in words; empty when nothing is. */
export function formulaBreaches(formula: string): string[] {
  const x = formulaFacts(formula);
  const out: string[] = [];
  if (x.length > MAX_FORMULA_CHARS) out.push(`${x.length} characters (Excel allows ${MAX_FORMULA_CHARS})`);
  if (x.nesting > MAX_NESTING) out.push(`${x.nesting} nested levels (Excel allows ${MAX_NESTING})`);
  if (x.longestString > MAX_STRING_CONSTANT) out.push(`a string constant of ${x.longestString} characters (Excel allows ${MAX_STRING_CONSTANT})`);
  return out;
}
