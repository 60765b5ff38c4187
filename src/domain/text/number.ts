/**
 * Numbers as seed 000 prints them: thousands apart with a non-breaking space («34 290», «3 448»), a decimal
 * comma, and a non-breaking space before the per-cent sign («96 %»), so a figure never breaks across lines.
 */
import { plural, type PluralForms } from './plural';

export const NBSP = '\u00a0';

// Grouping 'always': ICU's Russian default leaves four-digit numbers ungrouped («3448»), the reports group them.
// (ES2023 Intl option; the project's lib typings stop at ES2022.)
const ALWAYS = 'always' as unknown as boolean;
// Made when first needed (list.ts says why).
let integer: Intl.NumberFormat | undefined;
const decimals = (digits: number) =>
  new Intl.NumberFormat('ru-RU', { useGrouping: ALWAYS, minimumFractionDigits: 0, maximumFractionDigits: digits });

const nbsp = (s: string): string => s.replace(/[\u202f\u2009 ]/g, NBSP);

/** «34 290»; with `digits`, up to that many decimals: «2,5». */
export function formatNumber(n: number, digits = 0): string {
  return nbsp((digits === 0 ? (integer ??= new Intl.NumberFormat('ru-RU', { useGrouping: ALWAYS, maximumFractionDigits: 0 })) : decimals(digits)).format(n));
}

/** «96 %» — the value is already a percentage (X = A × 100 / B). */
export function formatPercent(x: number, digits = 0): string {
  return `${formatNumber(x, digits)}${NBSP}%`;
}

/** «2 702 педагога»: the number with the noun that agrees with it. */
export function countOf(n: number, forms: PluralForms): string {
  return `${formatNumber(n)}${NBSP}${plural(n, forms)}`;
}

/** X = A × 100 / B rounded to a whole per cent as the reports round (34 290 / 35 719 → 96); null when B is 0. */
export function share(a: number, b: number): number | null {
  if (!b) return null;
  return Math.round((a * 100) / b);
}
