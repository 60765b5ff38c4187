import { parseCell } from '../a1';
import { DETAIL_FIRST_ROW, detailLetter } from '../consolidate/detailLayout';
import { heldRows, isFormula, type CellInput, type SheetPlan } from '../sheetPlan';
import { INDICATORS } from './definitions';
import { figuresFromDetail } from './figures';
import { indicatorsLayout, indicatorsSheet, lagFirstOrder, TOTAL_COLUMNS } from './summarySheet';

/** The cell at a 1-based row and column, from the plan's blocks. */
function cellAt(plan: SheetPlan, row: number, col: number): CellInput | undefined {
  for (const b of plan.blocks) {
    const o = parseCell(b.at);
    const v = heldRows(b.rows)[row - o.row]?.[col - o.col];
    if (v !== undefined) return v;
  }
  return undefined;
}
const formulaAt = (plan: SheetPlan, row: number, col: number): string => {
  const c = cellAt(plan, row, col);
  if (c === undefined || !isFormula(c)) throw new Error(`нет формулы в строке ${row}, столбце ${col}: ${JSON.stringify(c)}`);
  return c.formula;
};

describe('the «Показатели» sheet plan', () => {
  const values = [
    { unit: 'МАОУ СОШ № 4', participants: 90, students: 100 },
    { unit: 'МАОУ СОШ № 5', participants: 50, students: 100 },
    { unit: 'гимназия № 29', participants: null, students: null },
    { unit: 'лицей № 1', participants: 70, students: 100 },
  ];
  const plan = indicatorsSheet(4, { label: 'осенняя кампания 2023 г.', values, partnerEntries: 10, register: true });
  const L = indicatorsLayout(4, { label: '', values });

  it('computes every total by formula, never a pasted number', () => {
    for (const d of INDICATORS) {
      const r = L.totalsRow[d.key];
      expect(formulaAt(plan, r, TOTAL_COLUMNS.a)).toMatch(/^=/);
      expect(formulaAt(plan, r, TOTAL_COLUMNS.x)).toMatch(/^=/);
      if (d.b) expect(formulaAt(plan, r, TOTAL_COLUMNS.b)).toMatch(/^=/);
    }
    expect(formulaAt(plan, L.totalsRow.participation, TOTAL_COLUMNS.a)).toBe(`=SUM('Свод по ОО'!$M$4:$M$7)`);
    expect(formulaAt(plan, L.totalsRow.participation, TOTAL_COLUMNS.x)).toBe(
      `=IF(N(D${L.totalsRow.participation})=0,"",ROUND(C${L.totalsRow.participation}*100/D${L.totalsRow.participation},0))`,
    );
  });

  it('puts the lagging units first — a unit without figures, then 50 %, 70 %, 90 % — each row over its own detail row', () => {
    expect(lagFirstOrder(4, values)).toEqual([2, 1, 3, 0]);
    const rows = [0, 1, 2, 3].map((i) => formulaAt(plan, L.unitsFirstRow + i, 2));
    const col = detailLetter('unit');
    expect(rows).toEqual([2, 1, 3, 0].map((i) => `='Свод по ОО'!${col}${DETAIL_FIRST_ROW + i}&""`));
  });

  it('builds a sheet with no unit rows and no per-unit chart when nothing was merged', () => {
    const empty = indicatorsSheet(0, { label: 'осенняя кампания 2023 г.' });
    const L0 = indicatorsLayout(0, { label: '' });
    expect(L0.unitDetailRows).toEqual([]);
    expect(empty.charts.every((c) => !c.title.includes('по организациям'))).toBe(true);
    expect(formulaAt(empty, L0.totalsRow.reportsOnTime, TOTAL_COLUMNS.b)).toMatch(/^=0\+/);
  });

  it('shows an earlier campaign’s values beside each figure with the change as a formula', () => {
    const spring = figuresFromDetail(
      [{ unit: 'МАОУ СОШ № 4', participants: 80, students: 100, events: 40, schools: 1, schoolsActive: 1 }],
      'весенняя кампания 2023 г.',
    );
    const withPrev = indicatorsSheet(4, { label: 'осенняя кампания 2023 г.', values, previous: [spring] });
    const Lp = indicatorsLayout(4, { label: '', values, previous: [spring] });
    const r = Lp.totalsRow.participation;
    expect(cellAt(withPrev, Lp.totalsHeaderRow, Lp.previousFirstColumn)).toBe('весенняя кампания 2023 г.');
    expect(cellAt(withPrev, r, Lp.previousFirstColumn)).toBe(80);
    expect(formulaAt(withPrev, r, Lp.changeColumn!)).toMatch(/E\d+-H\d+/);
    expect(cellAt(withPrev, Lp.totalsRow.events, Lp.previousFirstColumn)).toBe(40);
    expect(withPrev.charts.map((c) => c.kind)).toContain('line');
  });

  it('shows three campaigns side by side, the change against the latest earlier one (seed 004: «в разрезе 3-х лет»)', () => {
    const mk = (label: string, participants: number) =>
      figuresFromDetail([{ unit: 'А', participants, students: 100, events: 10, schools: 1, schoolsActive: 1 }], label);
    const previous = [mk('осенняя кампания 2022 г.', 70), mk('весенняя кампания 2023 г.', 80)];
    const p = indicatorsSheet(4, { label: 'осенняя кампания 2023 г.', values, previous });
    const Lp = indicatorsLayout(4, { label: '', values, previous });
    const r = Lp.totalsRow.participation;
    expect([0, 1].map((i) => cellAt(p, r, Lp.previousFirstColumn + i))).toEqual([70, 80]);
    expect(Lp.changeColumn).toBe(Lp.previousFirstColumn + 2);
    expect(formulaAt(p, r, Lp.changeColumn!)).toContain(`E${r}-I${r}`);
    // The dynamics table: earlier campaigns oldest first, then this one by formula.
    const d0 = Lp.dynamicsFirstRow!;
    expect([0, 1, 2].map((i) => cellAt(p, d0 + i, 2))).toEqual(['осенняя кампания 2022 г.', 'весенняя кампания 2023 г.', 'осенняя кампания 2023 г.']);
    expect(formulaAt(p, d0 + 2, 3)).toBe(`=E${r}`);
    const line = p.charts.find((c) => c.kind === 'line')!;
    expect(line.series[0].categories).toBe(`'Показатели'!$B$${d0}:$B$${d0 + 2}`);
  });
});
