import { cellRef } from '../a1';
import { appendix2Layout } from '../forms/appendix2Layout';
import { CHECK_OK, WARNING_PREFIX } from '../forms/rowChecks';
import { stampAppendix2 } from '../forms/stampAppendix2';
import { defaultSettings } from '../settings';
import { SHEET } from '../sheetNames';
import { consolidatedPlanSheet } from './consolidatedForms';
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
      fill: fill.rows.map((row) => Object.fromEntries(Object.entries(t.columns).map(([key, col]) => [key, row[col - 1]]))),
    });
    const block = full.blocks.find((b) => b.at === cellRef(t.firstDataRow, 1))!;
    block.rows.forEach((row, i) => (row[t.checkColumn - 1] = fill.rows[i][t.checkColumn - 1]));
    const { blocks, styles, merges, validations, conditionalFormats, rowHeights, freeze, print, protect, name } = full;
    expect(sheet).toMatchObject({ validations, conditionalFormats, rowHeights, freeze, print, protect, name });
    expect(sheet.blocks.slice(0, blocks.length)).toEqual(blocks);
    expect(sheet.styles.slice(0, styles.length)).toEqual(styles);
    expect(sheet.merges.slice(0, merges.length)).toEqual(merges);
    expect(sheet.columnWidths.slice(0, full.columnWidths.length)).toEqual(full.columnWidths);
    expect(fill.rows[0][t.checkColumn - 1]).toBe(`нет уровня; ${WARNING_PREFIX}нет телефона`);
  });

  test('without events the form keeps its one empty row and its check formula', () => {
    const sheet = consolidatedPlanSheet(result(2, 0), settings);
    const t = appendix2Layout(settings, { rows: 1 }).plan;
    const block = sheet.blocks.find((b) => b.at === cellRef(t.firstDataRow, 1))!;
    expect(block.rows[0][t.checkColumn - 1]).toEqual({ formula: expect.stringContaining(CHECK_OK) });
  });
});
