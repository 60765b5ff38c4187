/** The office.js adapter against a strict Excel double: round trips, request sizes, text safety, all-or-nothing. */
import { applySheetPlans, detectSupport, readWorkbookGrids, markProblems, clearMarks, selectCell, type Conflict } from '../src/excel';
import { emptySheetPlan, type SheetPlan } from '../src/domain/sheetPlan';
import { rangeRef } from '../src/domain/a1';
import { FakeExcel, REQUEST_LIMIT_BYTES } from './support/fakeExcel';

/** A form-like plan: title, merged header, N input rows with validation, a total formula, a name, print setup. */
function formPlan(rows: number, name = 'Прил. 3 Отчёт'): SheetPlan {
  const p = emptySheetPlan(name, 'appendix3');
  p.blocks.push({ at: 'A1', rows: [['Сводный отчет об итогах Кампании'], [null], ['Муниципальное образование', 'Всего ОО', 'Приняли участие']] });
  p.blocks.push({ at: 'A4', rows: Array.from({ length: rows }, () => [null, null, null]) });
  p.blocks.push({ at: `A${4 + rows}`, rows: [['Итого', { formula: `=SUM(B4:B${3 + rows})` }, { formula: `=SUM(C4:C${3 + rows})` }]] });
  p.merges.push('A1:C1');
  p.styles.push({ range: 'A1:C3', style: { bold: true, wrap: true, border: true } });
  p.styles.push({ range: rangeRef(4, 1, 3 + rows, 3), style: { locked: false, border: true } });
  p.styles.push({ range: rangeRef(4, 2, 3 + rows, 3), style: { numberFormat: '0' } });
  p.columnWidths = [40, 12, 12];
  p.freeze = { rows: 3, columns: 1 };
  p.validations.push({ range: rangeRef(4, 2, 3 + rows, 3), rule: { kind: 'wholeNumber', min: 0 }, severity: 'stop', title: 'Целое число', message: 'Введите целое число не меньше 0.' });
  p.conditionalFormats.push({ range: rangeRef(4, 3, 3 + rows, 3), formula: '=C4>B4', style: { fill: 'FFC7CE' } });
  p.namedRanges.push({ name: 'ПК_Участники', range: `'${name}'!$C$4:$C$${3 + rows}` });
  p.print = { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: '3:3' };
  p.protect = true;
  return p;
}

const support = (fx: FakeExcel) => detectSupport((n, v) => fx.isSetSupported(n, v));

describe('applying sheet plans to the open workbook', () => {
  test('stamping a form takes the same small number of syncs for 1 row and for 1,000 rows', async () => {
    const counts: number[] = [];
    for (const rows of [1, 1000]) {
      const fx = new FakeExcel();
      fx.addSheet('Лист1');
      await applySheetPlans([formPlan(rows)], { run: fx.run, support: support(fx), owned: [] });
      counts.push(fx.syncs);
      const sheet = fx.sheet('Прил. 3 Отчёт')!;
      expect(fx.cell('Прил. 3 Отчёт', `B${4 + rows}`)?.formula).toBe(`=SUM(B4:B${3 + rows})`);
      expect(sheet.merges).toEqual(['A1:C1']);
      expect(sheet.validations).toHaveLength(1);
      expect(sheet.protected).toBe(true);
      expect(fx.names.get('ПК_Участники')).toBe(`='Прил. 3 Отчёт'!$C$4:$C$${3 + rows}`);
      expect(fx.calcSuspensions).toBeGreaterThan(0);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(2);
  });

  test('a 5,000-row block is split so that no request to Excel exceeds 5 MB, and every row arrives', async () => {
    const fx = new FakeExcel();
    const p = emptySheetPlan('Свод по ОО', 'detail');
    const long = 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа»';
    p.blocks.push({ at: 'A1', rows: Array.from({ length: 5000 }, (_, i) => Array.from({ length: 12 }, (_, j) => `${long} ${i + 1}/${j + 1}`)) });
    await applySheetPlans([p], { run: fx.run, support: support(fx), owned: [] });
    const total = fx.requestSizes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(REQUEST_LIMIT_BYTES); // the test would mean nothing otherwise
    expect(Math.max(...fx.requestSizes)).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(fx.cell('Свод по ОО', 'L5000')?.value).toBe(`${long} 5000/12`);
    expect(fx.cell('Свод по ОО', 'A1')?.value).toBe(`${long} 1/1`);
  });

  test('a received text that looks like a formula or a number is written as text, a formula as a formula', async () => {
    const fx = new FakeExcel();
    const p = emptySheetPlan('Свод по ОО', 'detail');
    p.blocks.push({ at: 'A1', rows: [['=HYPERLINK("http://x.ru","школа")', '007', '12.03.2021', '1 234', 'обычный текст', 42]] });
    p.blocks.push({ at: 'A2', rows: [[{ formula: '=SUM(F1:F1)' }]] });
    await applySheetPlans([p], { run: fx.run, support: support(fx), owned: [] });
    const c = (a: string) => fx.cell('Свод по ОО', a)!;
    expect(c('A1').formula).toBeUndefined();
    expect(c('A1').value).toBe('=HYPERLINK("http://x.ru","школа")');
    expect(c('B1').value).toBe('007');
    expect(c('C1').value).toBe('12.03.2021');
    expect(c('D1').value).toBe('1 234');
    expect(c('E1').value).toBe('обычный текст');
    expect(c('F1').value).toBe(42);
    expect(c('A2').formula).toBe('=SUM(F1:F1)');
  });

  test('a failure while writing leaves the existing sheet exactly as it was and no half-built sheet behind', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Лист1', { A1: 'моё' });
    await applySheetPlans([formPlan(3)], { run: fx.run, support: support(fx), owned: [] });
    const before = JSON.stringify([...fx.sheet('Прил. 3 Отчёт')!.cells]);
    const order = fx.sheets.map((s) => s.name);
    fx.failOn = /names\.add/; // fails after the swap, while names are being written
    await expect(applySheetPlans([formPlan(3)], { run: fx.run, support: support(fx), owned: [{ name: 'Прил. 3 Отчёт', kind: 'appendix3' }] })).rejects.toThrow(
      /Не удалось выполнить запись листа «Прил\. 3 Отчёт».*Книга оставлена как была/,
    );
    expect(fx.sheets.map((s) => s.name)).toEqual(order);
    expect(JSON.stringify([...fx.sheet('Прил. 3 Отчёт')!.cells])).toBe(before);
    fx.failOn = /set values/; // fails while building under the temporary name
    await expect(applySheetPlans([formPlan(3)], { run: fx.run, support: support(fx), owned: [{ name: 'Прил. 3 Отчёт', kind: 'appendix3' }] })).rejects.toThrow();
    expect(fx.sheets.map((s) => s.name)).toEqual(order);
    expect(JSON.stringify([...fx.sheet('Прил. 3 Отчёт')!.cells])).toBe(before);
  });

  test('a sheet of the same name the add-in does not own is never replaced without asking', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Прил. 3 Отчёт', { A1: 'отчёт, набранный вручную' });
    const r = await applySheetPlans([formPlan(3)], { run: fx.run, support: support(fx), owned: [] });
    expect(r.skipped).toEqual(['Прил. 3 Отчёт']);
    expect(fx.cell('Прил. 3 Отчёт', 'A1')?.value).toBe('отчёт, набранный вручную');

    let asked: Conflict[] = [];
    const r2 = await applySheetPlans([formPlan(3)], {
      run: fx.run,
      support: support(fx),
      owned: [],
      resolve: async (cs) => {
        asked = cs;
        return { 'Прил. 3 Отчёт': 'copy' };
      },
    });
    expect(asked).toEqual([expect.objectContaining({ sheet: 'Прил. 3 Отчёт', reason: 'foreign', copyName: 'Прил. 3 Отчёт (2)' })]);
    expect(r2.written.map((w) => w.sheet)).toEqual(['Прил. 3 Отчёт (2)']);
    expect(r2.owned).toContainEqual({ name: 'Прил. 3 Отчёт (2)', kind: 'appendix3' });
    expect(fx.cell('Прил. 3 Отчёт', 'A1')?.value).toBe('отчёт, набранный вручную');
    expect(fx.cell('Прил. 3 Отчёт (2)', 'A1')?.value).toBe('Сводный отчет об итогах Кампании');
  });

  test('an owned form that already holds typed data asks first; an untouched owned form is simply regenerated', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Лист1');
    await applySheetPlans([formPlan(3)], { run: fx.run, support: support(fx), owned: [] });
    const asked: Conflict[][] = [];
    const resolve = async (cs: Conflict[]) => {
      asked.push(cs);
      return {};
    };
    await applySheetPlans([formPlan(3)], { run: fx.run, support: support(fx), owned: [{ name: 'Прил. 3 Отчёт', kind: 'appendix3' }], resolve });
    expect(asked).toHaveLength(0);
    fx.sheet('Прил. 3 Отчёт')!.cells.set('5,2', { value: 17, format: {} }); // the user typed 17 into B5
    const r = await applySheetPlans([formPlan(3)], { run: fx.run, support: support(fx), owned: [{ name: 'Прил. 3 Отчёт', kind: 'appendix3' }], resolve });
    expect(asked[0]).toEqual([expect.objectContaining({ reason: 'user-data', cells: ['B5'] })]);
    expect(r.skipped).toEqual(['Прил. 3 Отчёт']);
    expect(fx.cell('Прил. 3 Отчёт', 'B5')?.value).toBe(17);
  });

  test('in Excel 2019 (ExcelApi 1.7) the form is still written, without validation, and the user is told why', async () => {
    const fx = new FakeExcel({ apiMinor: 7 });
    fx.addSheet('Лист1');
    const r = await applySheetPlans([formPlan(5)], { run: fx.run, support: support(fx), owned: [] });
    expect(fx.sheet('Прил. 3 Отчёт')!.validations).toHaveLength(0);
    expect(r.notes.join(' ')).toMatch(/проверка ввода не добавлена/);
    expect(fx.cell('Прил. 3 Отчёт', 'A3')?.value).toBe('Муниципальное образование');
  });

  test('the settings sheet records every sheet written, including a copy', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Лист1');
    const settingsPlan = (owned: { name: string }[]) => {
      const p = emptySheetPlan('ПК_Настройки', 'settings');
      p.blocks.push({ at: 'A1', rows: owned.map((o) => [o.name]) });
      p.hidden = true;
      return p;
    };
    await applySheetPlans([formPlan(2)], { run: fx.run, support: support(fx), owned: [], settingsPlan });
    expect(fx.sheet('ПК_Настройки')!.visibility).toBe('Hidden');
    expect(fx.cell('ПК_Настройки', 'A1')?.value).toBe('Прил. 3 Отчёт');
    expect(fx.cell('ПК_Настройки', 'A2')?.value).toBe('ПК_Настройки');
  });
});

describe('reading the open workbook and marking problems', () => {
  test('sheets are read as grids from A1 with formulas and merges, in three syncs', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Отчёт', { C3: 'Итого', D3: 5, D4: '=D3*2' });
    fx.sheet('Отчёт')!.merges.push('C3:C4');
    fx.addSheet('Пустой');
    const g = await readWorkbookGrids({ run: fx.run, support: support(fx), file: 'книга.xlsx' });
    expect(fx.syncs).toBe(3);
    const s = g.sheets[0];
    expect(s.cells[2]).toEqual([null, null, 'Итого', 5]);
    expect(s.formulas![3][3]).toBe('D3*2');
    expect(s.merges).toEqual([{ top: 3, left: 3, bottom: 4, right: 3 }]);
    expect(g.sheets[1].cells).toEqual([]);
  });

  test('a workbook bigger than Excel’s 5 MB response limit is read in blocks: every response under 5 MB, every cell arrives', async () => {
    const fx = new FakeExcel();
    const long = 'Профориентационная экскурсия на предприятие с мастер-классом для обучающихся 8–9 классов';
    const cells: Record<string, string | number> = {};
    for (let r = 1; r <= 6000; r++) for (let c = 1; c <= 10; c++) cells[rangeRef(r, c, r, c).split(':')[0]] = c === 10 ? r : `${long} ${r}/${c}`;
    fx.addSheet('Прил. 2 Свод', cells);
    fx.addSheet('Свод по ОО', { A1: 'ОО', B2: 7 });
    const g = await readWorkbookGrids({ run: fx.run, support: support(fx), file: 'свод.xlsx' });
    const total = fx.responseSizes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(REQUEST_LIMIT_BYTES); // the test would mean nothing otherwise
    expect(Math.max(...fx.responseSizes)).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(g.sheets[0].cells).toHaveLength(6000);
    expect(g.sheets[0].cells[5999][9]).toBe(6000);
    expect(g.sheets[0].cells[0][0]).toBe(`${long} 1/1`);
    expect(g.sheets[1].cells[1]).toEqual([null, 7]);
  });

  test('marks can be cleared again and never remove the user’s own conditional formats', async () => {
    const fx = new FakeExcel();
    const s = fx.addSheet('Прил. 3 Отчёт', { B5: 7 });
    s.conditionalFormats.push({ id: 1, range: 'B5', type: 'Custom', formula: '=B5>100', format: {} });
    s.conditionalFormats.push({ id: 2, range: 'A1', type: 'DataBar', format: {} });
    const n = await markProblems(
      [
        { file: 'к.xlsx', sheet: 'Прил. 3 Отчёт', cell: 'B5', code: 'x', severity: 'error', message: '…' },
        { file: 'к.xlsx', sheet: 'Прил. 3 Отчёт', cell: 'B5', code: 'y', severity: 'warning', message: '…' },
        { file: 'к.xlsx', sheet: 'Нет такого', cell: 'A1', code: 'z', severity: 'error', message: '…' },
      ],
      fx.run,
    );
    expect(n).toBe(1);
    expect(s.conditionalFormats).toHaveLength(3);
    expect(s.conditionalFormats[2].format['cf.fill.color']).toBe('#FFC7CE');
    expect(await clearMarks(fx.run)).toBe(1);
    expect(s.conditionalFormats.map((c) => c.id)).toEqual([1, 2]);
    await selectCell('Прил. 3 Отчёт', 'B5', fx.run);
    expect(s.selected).toBe('B5:B5');
  });
});
