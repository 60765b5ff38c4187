import { parseCell } from '../a1';
import type { SheetGrid } from '../grid';
import { heldRows, isFormula, type CellInput, type SheetPlan } from '../sheetPlan';
import { SHEET } from '../sheetNames';
import { defaultSettings } from '../settings';
import { appendix3Layout } from '../forms/appendix3Layout';
import { dataCell } from '../forms/tableLayout';
import { DETAIL_COLUMNS, DETAIL_FIRST_ROW, detailColumn } from './detailLayout';
import { expectedUnitsFromGrid, expectedUnitsFromText } from './expectedUnits';
import { mergeReports } from './merge';
import { readEarlierRegister, registerColumn } from './registerSheet';
import { received } from './testing';
import { buildConsolidatedWorkbook } from './workbook';
import { formatReceived, parseReceived } from './cells';

const settings = defaultSettings('autumn', 2023, { unit: 'Город Томск' });

/** The plan's cells as a grid, the way a reader would see the written sheet (formulas as {formula}). */
function gridOf(plan: SheetPlan): CellInput[][] {
  const g: CellInput[][] = [];
  for (const b of plan.blocks) {
    const { row, col } = parseCell(b.at);
    heldRows(b.rows).forEach((r, i) =>
      r.forEach((v, j) => {
        if (v === null) return;
        (g[row - 1 + i] ??= [])[col - 1 + j] = v;
      }),
    );
  }
  return g;
}
const at = (g: CellInput[][], a1: string) => {
  const { row, col } = parseCell(a1);
  return g[row - 1]?.[col - 1] ?? null;
};

function build() {
  const files = [
    {
      ...received('СОШ 1.xlsx', '2023-10-18T09:30', [{ unit: 'МАОУ СОШ № 1', partners: { professionalEducation: ['НИ ТГУ'] }, plan: 2 }], [
        { file: 'СОШ 1.xlsx', sheet: 'Прил. 2 План', cell: 'G9', code: 'plan-responsible-contact', severity: 'warning', message: 'у ответственного лица нет телефона или e-mail' },
      ]),
      fingerprint: '0a1b2c3d4e5f6a7b',
    },
    received('Гимназия.xlsx', '2023-10-21T15:05', [{ unit: '=HYPERLINK("http://x","Гимназия № 2")', partners: { professionalEducation: ['ни тгу', 'ТУСУР'] } }]),
  ];
  const result = mergeReports({ files, expectedUnits: [], deadline: '2023-10-19', policy: 'merge-with-errors' });
  const wb = buildConsolidatedWorkbook(result, settings);
  const sheet = (name: string) => wb.sheets.find((s) => s.name === name)!;
  return { result, wb, sheet };
}

describe('the consolidated workbook', () => {
  test('has the forms, the detail, the registers and a hidden settings sheet owning them all', () => {
    const { wb } = build();
    // The merge's sheets first; the indicators' sheets may follow; the settings sheet is last.
    expect(wb.sheets.slice(0, 5).map((s) => [s.name, s.kind])).toEqual([
      [SHEET.consolidatedReport, 'consolidated-appendix3'],
      [SHEET.detail, 'detail'],
      [SHEET.consolidatedPlan, 'consolidated-appendix2'],
      [SHEET.partners, 'partners'],
      [SHEET.register, 'register'],
    ]);
    const last = wb.sheets[wb.sheets.length - 1];
    expect([last.name, last.kind, last.hidden]).toEqual([SHEET.settings, 'settings', true]);
    const settingsGrid = gridOf(last).flat().filter((v) => typeof v === 'string');
    for (const s of wb.sheets) expect(settingsGrid).toContain(s.name);
  });

  test('the detail sheet has one row per unit; received text that looks like a formula stays text', () => {
    const { sheet } = build();
    const g = gridOf(sheet(SHEET.detail));
    expect(g[DETAIL_FIRST_ROW - 2]).toEqual(DETAIL_COLUMNS.map((c) => c.title));
    const unitCol = detailColumn('unit') - 1;
    expect(g[DETAIL_FIRST_ROW - 1][unitCol]).toBe('МАОУ СОШ № 1');
    const link = g[DETAIL_FIRST_ROW][unitCol];
    expect(link).toBe('=HYPERLINK("http://x","Гимназия № 2")');
    expect(isFormula(link)).toBe(false);
    expect(g[DETAIL_FIRST_ROW][detailColumn('onTime') - 1]).toBe('нет');
    expect(g[DETAIL_FIRST_ROW - 1][detailColumn('plannedEvents') - 1]).toBe(2);
    expect(g[DETAIL_FIRST_ROW + 1]).toBeUndefined();
  });

  test('the consolidated Appendix 3 sums the detail columns by formula and counts distinct partners', () => {
    const { sheet } = build();
    const g = gridOf(sheet(SHEET.consolidatedReport));
    const L = appendix3Layout(settings, { rows: 1 });
    expect(at(g, dataCell(L.participation, 'unit', 0))).toBe('Город Томск');
    expect(at(g, dataCell(L.participation, 'participants', 0))).toEqual({ formula: `=SUM('${SHEET.detail}'!$M$4:$M$5)`, result: 14 });
    expect(at(g, dataCell(L.participation, 'g11', 0))).toEqual({ formula: `=SUM('${SHEET.detail}'!$T$4:$T$5)`, result: 2 });
    const distinct = at(g, dataCell(L.partners, 'partnersTotal', 0));
    expect(isFormula(distinct!) && distinct.formula).toContain(`'${SHEET.partners}'!`);
    expect(at(g, dataCell(L.partners, 'professionalEducationNames', 0))).toBe('НИ ТГУ; ТУСУР');
  });

  test('the consolidated plan lists every unit’s events with the unit beside each', () => {
    const { sheet } = build();
    const g = gridOf(sheet(SHEET.consolidatedPlan));
    const rows = g.filter((r) => r?.includes('МАОУ СОШ № 1'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(expect.arrayContaining(['Мероприятие 1', '20.09.2023', 'СОШ 1.xlsx']));
    // «Проверка» says what the checker found in the received row (plan rows start at row 8 in the builder).
    expect(rows[0]).toContain('ОК');
    expect(rows[1]).toContain('Предупреждение: у ответственного лица нет телефона или e-mail');
    expect(rows.flat().some((v) => v !== null && isFormula(v))).toBe(false);
  });

  test('the register lists files by date, marks late ones, and is read back for the dates received', () => {
    const { sheet } = build();
    const plan = sheet(SHEET.register);
    const g = gridOf(plan);
    const grid: SheetGrid = { name: SHEET.register, merges: [], cells: g.map((r) => (r ?? []).map((v) => (v === undefined || isFormula(v) ? null : v))) };
    expect(readEarlierRegister({ file: 'свод.xlsx', sheets: [grid] })).toEqual([
      { file: 'СОШ 1.xlsx', received: '2023-10-18T09:30', fingerprint: '0a1b2c3d4e5f6a7b', dateSource: 'modified' },
      { file: 'Гимназия.xlsx', received: '2023-10-21T15:05', dateSource: 'modified' },
    ]);
    expect(g.find((r) => r?.[2] === 'Гимназия.xlsx')?.[registerColumn('В срок') - 1]).toBe('нет');
    expect(String(g[1][0])).toMatch(/^Срок представления: 19\sоктября\s2023\sг\. Файлов получено: 2; организаций в своде: 2; получено с опозданием: 1;/);
    expect(String(g[2][0])).toContain('строк плана (прил. 2) получено 2, принято 2, заменено 0, отклонено 0');
    expect(readEarlierRegister({ file: 'чужой.xlsx', sheets: [{ name: 'Лист1', cells: [], merges: [] }] })).toBeNull();
  });

  test('dates received read back from either the register’s form or ISO', () => {
    expect(formatReceived('2023-10-18T09:30')).toBe('18.10.2023 09:30');
    expect(parseReceived('18.10.2023 09:30')).toBe('2023-10-18T09:30');
    expect(parseReceived('8.1.2024')).toBe('2024-01-08T00:00');
    expect(parseReceived('2023-10-18 09:30')).toBe('2023-10-18T09:30');
    expect(parseReceived('вчера')).toBeNull();
  });
});

describe('the list of expected units', () => {
  test('first column, header and numbering skipped, duplicates once', () => {
    const sheet: SheetGrid = {
      name: 'Список',
      merges: [],
      cells: [['Организация'], ['МАОУ СОШ № 1'], [null], ['МАОУ СОШ № 2'], ['МАОУ СОШ № 1']],
    };
    expect(expectedUnitsFromGrid(sheet)).toEqual(['МАОУ СОШ № 1', 'МАОУ СОШ № 2']);
    expect(expectedUnitsFromGrid({ name: 'x', merges: [], cells: [['№', 'Школа'], [1, 'СОШ № 3'], [2, 'СОШ № 4']] })).toEqual(['СОШ № 3', 'СОШ № 4']);
    expect(expectedUnitsFromText('\uFEFFСОШ № 5\r\nСОШ № 6\n\n')).toEqual(['СОШ № 5', 'СОШ № 6']);
  });
});
