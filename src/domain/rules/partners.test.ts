/**
 * Boundary rows of the rules of table 3.2 and of its agreement with 3.1's partner count: what the rules report for
 * each. The same rows meet the form's «Проверка» formula in test/rules.parity.libreoffice.test.ts.
 */
import { AGREEMENT_CASES, CASES_32, rulesOnReport, sortedUnique } from '../../../test/support/ruleBoundaries';

const rows32 = [...CASES_32.map((c, i) => ({ unit: `Партнёрский район ${i + 1}`, ...c.fill })), ...AGREEMENT_CASES.map((a) => a.row32)];
const { of31, of32 } = rulesOnReport(AGREEMENT_CASES.map((a) => a.row31), rows32);

describe('table 3.2 at the boundaries of its rules', () => {
  test.each(CASES_32.map((c, i) => [`${c.rule}: ${c.name}`, i, c.expect] as const))('%s', (_, i, expected) => {
    expect(of32(i)).toEqual(sortedUnique(expected));
  });
});

describe('3.1’s partner count against 3.2’s total: said once, at 3.1', () => {
  test.each(AGREEMENT_CASES.map((a, i) => [a.name, i, a] as const))('%s', (_, i, a) => {
    expect(of31(i)).toEqual(sortedUnique(a.expect31));
    expect(of32(CASES_32.length + i)).toEqual(sortedUnique(a.expect32));
  });
});
