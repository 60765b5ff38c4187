/**
 * Boundary rows of every rule of Appendix 2 (the window's first and last day and the days around them, a period
 * running out of the window, empty and «—» counts, six-digit phones): what the rules report for each. The same rows
 * meet the form's «Проверка» formula in test/rules.parity.libreoffice.test.ts.
 */
import { CASES_PLAN, rulesOnPlan, sortedUnique } from '../../../test/support/ruleBoundaries';

const of = rulesOnPlan(CASES_PLAN.map((c) => c.fill));

describe('plan rows at the boundaries of their rules', () => {
  test.each(CASES_PLAN.map((c, i) => [`${c.rule}: ${c.name}`, i, c.expect] as const))('%s', (_, i, expected) => {
    expect(of(i)).toEqual(sortedUnique(expected));
  });
});
