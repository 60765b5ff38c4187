/**
 * Boundary rows of every rule of table 3.1 (equal, one over, one under, empty, «—», text with a unit, zero): what
 * the rules report for each. The same rows are checked against the form's «Проверка» formula in
 * test/rules.parity.libreoffice.test.ts.
 */
import { CASES_31, rulesOnReport, sortedUnique, unit31 } from '../../../test/support/ruleBoundaries';

const { of31 } = rulesOnReport(CASES_31.map((c, i) => ({ unit: unit31(i), ...c.fill })), []);

describe('table 3.1 at the boundaries of its rules', () => {
  test.each(CASES_31.map((c, i) => [`${c.rule}: ${c.name}`, i, c.expect] as const))('%s', (_, i, expected) => {
    expect(of31(i)).toEqual(sortedUnique(expected));
  });
});
