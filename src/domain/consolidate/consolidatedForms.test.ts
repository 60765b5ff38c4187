import { heldRows, withHeldRows } from '../sheetPlan';
import { cellRef } from '../a1';
import { appendix2Layout } from '../forms/appendix2Layout';
import { CHECK_OK, WARNING_PREFIX } from '../forms/rowChecks';
import { stampAppendix2 } from '../forms/stampAppendix2';
import { defaultSettings } from '../settings';
import { SHEET } from '../sheetNames';
import { consolidatedPlanSheet, consolidatedReportSheet, namesCell } from './consolidatedForms';
import { MAX_CELL_TEXT } from './cells';
import { parseNames } from '../values/names';
import { appendix3Layout } from '../forms/appendix3Layout';
import { mergeReports } from './merge';
import { received } from './testing';

const settings = defaultSettings('autumn', 2023, { unit: 'Город Томск' });

function result(units: number, plan: number) {
  const files = Array.from({ length: units }, (_, i) =>
    received(`СОШ ${i + 1}.xlsx`, '2023-10-18T09:30', [{ unit: `МАОУ СОШ № ${i + 1}`, plan }], [
      { file: `СОШ ${i + 1}.xlsx`, sheet: 'Прил. 2 План', cell: 'G8', code: 'plan-responsible-contact', severity: 'warning', message: 'нет телефона' },
      { file: `СОШ ${i + 1}.xlsx`, sheet: 'Прил. 2 План', cell: 'A8', code: 'plan-level-unknown', severity: 'error', message: 'нет уровня' },
    ]),
  );
  return mergeReports({ files, expectedUnits: [], deadline: '2023-10-19', policy: 'merge-with-errors' });
}

describe('the consolidated plan', () => {
  test.each([
    [1, 1],
    [3, 2],
  ])('grown from a one-row form is the stamper’s form of all rows with «Проверка» as text (%i units × %i events)', (units, events) => {
    const r = result(units, events);
    const sheet = consolidatedPlanSheet(r, settings);
    // The stamper's own form of every row, filled with what the sheet's rows hold, «Проверка» then set to the
    // sheet's texts: the sheet must be that form plus the two columns on the right.
    const t = appendix2Layout(settings, { rows: r.plan.length }).plan;
    const fill = sheet.blocks.find((b) => b.at === cellRef(t.firstDataRow, 1))!;
    const full = stampAppendix2(settings, {
      name: SHEET.consolidatedPlan,
      rows: r.plan.length,
      fill: heldRows(fill.rows).map((row) => Object.fromEntries(Object.entries(t.columns).map(([key, col]) => [key, row[col - 1]]))),
    });
    const block = full.blocks.find((b) => b.at === cellRef(t.firstDataRow, 1))!;
    heldRows(block.rows).forEach((row, i) => (row[t.checkColumn - 1] = heldRows(fill.rows)[i][t.checkColumn - 1]));
    const { blocks, styles, merges, validations, conditionalFormats, rowHeights, freeze, print, protect, name } = full;
    expect(sheet).toMatchObject({ validations, conditionalFormats, rowHeights, freeze, print, protect, name });
    expect(withHeldRows({ sheets: [sheet] }).sheets[0].blocks.slice(0, blocks.length)).toEqual(blocks);
    expect(sheet.styles.slice(0, styles.length)).toEqual(styles);
    expect(sheet.merges.slice(0, merges.length)).toEqual(merges);
    expect(sheet.columnWidths.slice(0, full.columnWidths.length)).toEqual(full.columnWidths);
    expect(heldRows(fill.rows)[0][t.checkColumn - 1]).toBe(`нет уровня; ${WARNING_PREFIX}нет телефона`);
  });

  test('«Проверка» says what was found in that very event, «ОК» in the others (of the same file and of files with nothing found)', () => {
    const files = Array.from({ length: 3 }, (_, i) =>
      received(`СОШ ${i + 1}.xlsx`, '2023-10-18T09:30', [{ unit: `МАОУ СОШ № ${i + 1}`, plan: 2 }], i === 1 ? [{ file: 'СОШ 2.xlsx', sheet: 'Прил. 2 План', cell: 'A8', code: 'plan-level-unknown', severity: 'error', message: 'нет уровня' }] : []),
    );
    const r = mergeReports({ files, expectedUnits: [], deadline: '2023-10-19', policy: 'merge-with-errors' });
    const sheet = consolidatedPlanSheet(r, settings);
    const t = appendix2Layout(settings, { rows: r.plan.length }).plan;
    const rows = heldRows(sheet.blocks.find((b) => b.at === cellRef(t.firstDataRow, 1))!.rows);
    expect(r.plan.map((p) => `${p.file}:${p.row.source.row}`)).toEqual(['СОШ 1.xlsx:8', 'СОШ 1.xlsx:9', 'СОШ 2.xlsx:8', 'СОШ 2.xlsx:9', 'СОШ 3.xlsx:8', 'СОШ 3.xlsx:9']);
    expect(rows.map((row) => row[t.checkColumn - 1])).toEqual([CHECK_OK, CHECK_OK, 'нет уровня', CHECK_OK, CHECK_OK, CHECK_OK]);
  });

  test('without events the form keeps its one empty row and its check formula', () => {
    const sheet = consolidatedPlanSheet(result(2, 0), settings);
    const t = appendix2Layout(settings, { rows: 1 }).plan;
    const block = sheet.blocks.find((b) => b.at === cellRef(t.firstDataRow, 1))!;
    expect(heldRows(block.rows)[0][t.checkColumn - 1]).toEqual({ formula: expect.stringContaining(CHECK_OK) });
  });
});

describe('the consolidated report, read by the level above', () => {
  const cellsOf = (r: ReturnType<typeof mergeReports>) => {
    const sheet = consolidatedReportSheet(r, settings);
    const L = appendix3Layout(settings, { rows: 1 });
    const at = (t: typeof L.participation, key: string) => {
      const block = sheet.blocks.find((b) => b.at === cellRef(t.firstDataRow, 1))!;
      return heldRows(block.rows)[0][t.columns[key] - 1];
    };
    return { p: (k: string) => at(L.participation, k), q: (k: string) => at(L.partners, k) };
  };

  test('a list too long for one cell ends after a whole name with «и др.», which the reader takes for «more than listed»', () => {
    const names = Array.from({ length: 2000 }, (_, i) => `Родительский комитет МАОУ СОШ № ${i + 1}, г. Томск`);
    const text = namesCell(names);
    expect(text.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(text.endsWith('; и др.')).toBe(true);
    const read = parseNames(text);
    expect(read.open).toBe(true);
    expect(names).toEqual(expect.arrayContaining(read.names));
    expect(namesCell(['ТГУ', 'Колледж индустрии питания, торговли и сферы услуг'])).toBe('ТГУ; Колледж индустрии питания, торговли и сферы услуг');
  });

  test('one name per organisation in table 3.1, though two units put it in two categories under two spellings', () => {
    const r = mergeReports({
      files: [
        received('a.xlsx', '2023-10-18T09:30', [{ unit: 'МАОУ СОШ № 1', partners: { professionalEducation: ['НИ ТГУ'] } }]),
        received('b.xlsx', '2023-10-18T09:30', [{ unit: 'МАОУ СОШ № 2', partners: { companies: ['ни тгу', 'ООО «Спар»'] } }]),
      ],
      expectedUnits: [],
      policy: 'merge-with-errors',
    });
    const { p } = cellsOf(r);
    expect(p('partnersCount')).toMatchObject({ result: 2 });
    expect(parseNames(p('partnersNames') as string).names).toHaveLength(2);
  });

  test('«Общее количество педагогов» is the sum only when every unit whose teachers took part gave it; otherwise empty', () => {
    const merge = (second: number | undefined) =>
      mergeReports({
        files: [
          received('a.xlsx', '2023-10-18T09:30', [{ unit: 'МАОУ СОШ № 1', teachers: 5, teachersTotal: 10 }]),
          received('b.xlsx', '2023-10-18T09:30', [{ unit: 'МАОУ СОШ № 2', teachers: 7, teachersTotal: second }]),
        ],
        expectedUnits: [],
        policy: 'merge-with-errors',
      });
    const whole = cellsOf(merge(20)).p('teachersTotal');
    expect(whole).toMatchObject({ result: 30, formula: expect.stringMatching(/^=IF\(SUMPRODUCT\(ISNUMBER\(/) });
    const gap = merge(undefined);
    gap.units[1].participation.teachersTotal = { value: null, cell: 'AB11' };
    expect(cellsOf(gap).p('teachersTotal')).toMatchObject({ result: '' });
  });
});
