/**
 * Boundary rows of every rule of the monitoring form (A = B, one over, zero, one of A and B empty or «—», bases
 * one apart, levels one over): what the rules report for each. The same rows meet the form's «Проверка» formula in
 * test/rules.parity.libreoffice.test.ts.
 */
import { CASES_MONITORING, rulesOnMonitoring, sortedUnique } from '../../../test/support/ruleBoundaries';

const of = rulesOnMonitoring(CASES_MONITORING.map((c, i) => ({ unit: `МАОУ СОШ № ${i + 1}`, ...c.fill })));

describe('monitoring rows at the boundaries of their rules', () => {
  test.each(CASES_MONITORING.map((c, i) => [`${c.rule}: ${c.name}`, i, c.expect] as const))('%s', (_, i, expected) => {
    expect(of(i)).toEqual(sortedUnique(expected));
  });
});
