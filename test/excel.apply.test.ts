/** The office.js adapter against a strict Excel double: round trips, request sizes, text safety, all-or-nothing. */
import { applySheetPlans, detectSupport, readWorkbookGrids, markProblems, clearMarks, selectCell, type Conflict } from '../src/excel';
import { heldRows, emptySheetPlan, type SheetPlan } from '../src/domain/sheetPlan';
import { cellRef, parseRange, rangeRef } from '../src/domain/a1';
import type { Problem } from '../src/domain/problems';
import { coerce, FakeExcel, REQUEST_LIMIT_BYTES, type FakeSheet } from './support/fakeExcel';
// Slow on purpose (whole workbooks): tests build, write or apply full consolidated workbooks (thousands of cells) in process.
jest.setTimeout(60_000);

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
  p.print = { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: '3:3' };
  p.protect = true;
  return p;
}

/**
 * Which cells a sheet's custom conditional formats colour, each rule's formula evaluated as Excel evaluates it for
 * every cell of the rule's range (ROW() is that cell's row). Only what the marks use is understood: AND, OR, LEN of
 * a string, ROW() compared with numbers; anything else fails the test. Later rules do not override earlier ones'
 * fill here: a cell coloured twice fails the test too.
 */
function markedByRules(s: FakeSheet): Map<string, string> {
  const out = new Map<string, string>();
  for (const cf of s.conditionalFormats) {
    const js = cf
      .formula!.slice(1)
      .replace(/LEN\("[^"]*"\)>0/g, 'true')
      .replace(/ROW\(\)/g, 'r')
      .replace(/(?<![<>])=/g, '===')
      .replace(/\bAND\(/g, 'all(')
      .replace(/\bOR\(/g, 'any(');
    if (!/^[\w(),<>=]*$/.test(js.replace(/true|all|any|r/g, ''))) throw new Error(`unexpected formula ${cf.formula}`);
    const test = new Function('r', 'all', 'any', `return ${js};`) as (r: number, all: unknown, any: unknown) => boolean;
    const all = (...x: boolean[]) => x.every(Boolean);
    const any = (...x: boolean[]) => x.some(Boolean);
    const b = parseRange(cf.range);
    for (let r = b.top; r <= b.bottom; r++)
      if (test(r, all, any))
        for (let c = b.left; c <= b.right; c++) {
          const cell = cellRef(r, c);
          if (out.has(cell)) throw new Error(`${cell} coloured by two rules`);
          out.set(cell, cf.format['cf.fill.color'] as string);
        }
  }
  return out;
}

const support = (fx: FakeExcel) => detectSupport((n, v) => fx.isSetSupported(n, v));

/** What below ExcelApi 1.9 is kept and put back: sheets, names, each cell's value, formula and number format, protection. */
function contentState(fx: FakeExcel) {
  return {
    order: fx.sheets.map((s) => [s.name, s.visibility]),
    names: [...fx.names].sort(),
    sheets: fx.sheets.map((s) => ({
      cells: [...s.cells]
        .map(([k, c]) => [k, c.value, c.formula ?? null, c.numberFormat === 'General' ? null : (c.numberFormat ?? null)] as const)
        .filter(([, v, f, nf]) => v !== null || f !== null || nf !== null)
        .map((x) => JSON.stringify(x))
        .sort(),
      protected: s.protected,
    })),
  };
}

/** Everything a coordinator could see of the workbook, in a stable order. */
function workbookState(fx: FakeExcel) {
  const sorted = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
  return {
    order: fx.sheets.map((s) => [s.name, s.visibility]),
    names: [...fx.names].sort(),
    sheets: fx.sheets.map((s) => ({
      cells: sorted([...s.cells].filter(([, c]) => c.value !== null || c.formula || c.numberFormat || Object.keys(c.format).length)),
      merges: [...s.merges].sort(),
      validations: sorted(s.validations),
      conditionalFormats: sorted(s.conditionalFormats.map(({ id: _id, ...c }) => c)),
      protected: s.protected,
      protection: s.protection,
      charts: sorted(s.charts),
    })),
  };
}

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
      expect(fx.calcSuspensions).toBeGreaterThan(0);
    }
    expect(counts[0]).toBe(counts[1]);
    // One to read, one to write, one to recalculate and apply the cosmetics (frozen panes, tab colour, print).
    expect(counts[0]).toBe(3);
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

  test('the double takes typed text as Russian Excel does, so the apostrophes below are needed', () => {
    expect(coerce('12.03.2021')).toEqual({ value: 44267, numberFormat: 'dd.mm.yyyy' });
    expect(coerce('1 234')).toEqual({ value: 1234 });
    expect(coerce('1 234,5')).toEqual({ value: 1234.5 });
    expect(coerce('007')).toEqual({ value: 7 });
    expect(coerce('15 %')).toEqual({ value: 0.15, numberFormat: '0%' });
    expect(coerce('7/6').numberFormat).toBe('dd.mm.yyyy');
    expect(coerce('ИСТИНА')).toEqual({ value: true });
    expect(coerce('+7 913 000-00-00')).toEqual({ value: null, formula: '=+7 913 000-00-00' });
    expect(coerce("'12.03.2021")).toEqual({ value: '12.03.2021', textPrefix: true });
    expect(coerce('438 чел.')).toEqual({ value: '438 чел.' });
    expect(coerce('31.02.2021')).toEqual({ value: '31.02.2021' });
  });

  test('a received text that looks like a formula or a number is written as text, a formula as a formula', async () => {
    const fx = new FakeExcel();
    const p = emptySheetPlan('Свод по ОО', 'detail');
    p.blocks.push({ at: 'A1', rows: [['=HYPERLINK("http://x.ru","школа")', '007', '12.03.2021', '1 234', 'обычный текст', 42, '15%', '+7 913']] });
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
    expect(c('G1').value).toBe('15%');
    expect(c('H1').value).toBe('+7 913');
    for (const a of ['B1', 'C1', 'D1', 'G1', 'H1']) expect([a, c(a).textPrefix]).toEqual([a, true]);
    expect(c('A2').formula).toBe('=SUM(F1:F1)');
  });

  test.each([
    [14, 'exactly as it was (ExcelApi 1.9+: a backup copy)'],
    [8, 'with every value, formula and number format as it was (below ExcelApi 1.9)'],
  ])('a failure at any operation of a regeneration (ExcelApi 1.%i) leaves the workbook %s, or finishes the write', async (apiMinor) => {
    // Every operation of the apply fails in turn: before the data is complete the workbook must come back as it was
    // (cells, formats, merges, validation, conditional formats, protection, names, charts, sheet order); after it,
    // the write stands.
    const owned = [{ name: 'Прил. 3 Отчёт', kind: 'appendix3' as const }];
    let undone = 0;
    let finished = 0;
    const state = (fx: FakeExcel) => (apiMinor >= 9 ? workbookState(fx) : contentState(fx));
    for (let n = 1; ; n++) {
      const fx = new FakeExcel({ apiMinor });
      fx.addSheet('Лист1', { A1: "='Прил. 3 Отчёт'!B7" });
      const old = formPlan(3);
      old.blocks.push({ at: 'E1', rows: [['прежний текст']] });
      await applySheetPlans([old], { run: fx.run, support: support(fx), owned: [] });
      fx.names.set('Моё', "='Прил. 3 Отчёт'!$A$1");
      const before = state(fx);
      fx.failAtOp = n;
      const outcome = await applySheetPlans([formPlan(3)], { run: fx.run, support: support(fx), owned }).then(
        () => 'written',
        (e: Error) => e.message,
      );
      const injected = fx.failAtOp === undefined;
      fx.failAtOp = undefined;
      if (outcome === 'written') {
        expect(fx.cell('Прил. 3 Отчёт', 'E1')).toBeUndefined();
        expect(fx.cell('Лист1', 'A1')?.formula).toBe("='Прил. 3 Отчёт'!B7");
        if (!injected) break; // the failure point lies past the last operation: every point was tried
        finished++;
      } else {
        expect(outcome).toMatch(/^Не удалось выполнить (запись листа «Прил\. 3 Отчёт».*Книга оставлена как была|чтение книги .*Ничего не изменено)\.$/);
        expect(state(fx)).toEqual(before);
        undone++;
      }
    }
    expect(undone).toBeGreaterThan(20);
    expect(finished).toBeGreaterThan(0);
  });

  test('regenerating a sheet keeps the coordinator’s formulas, names and charts that refer to it working (no #REF!)', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Лист1');
    const owned = [{ name: 'Прил. 3 Отчёт', kind: 'appendix3' as const }];
    await applySheetPlans([formPlan(3)], { run: fx.run, support: support(fx), owned: [] });
    // The coordinator's own sheet: a formula, a name and a chart on the generated form.
    const mine = fx.addSheet('Мой анализ', { A1: "='Прил. 3 Отчёт'!B7*2" });
    fx.names.set('МойИтог', "='Прил. 3 Отчёт'!$B$7");
    mine.charts.push({ type: 'Line', series: [{ values: "'Прил. 3 Отчёт'!$B$4:$B$6" }] });
    await applySheetPlans([formPlan(3)], { run: fx.run, support: support(fx), owned });
    expect(fx.cell('Мой анализ', 'A1')?.formula).toBe("='Прил. 3 Отчёт'!B7*2");
    expect(fx.names.get('МойИтог')).toBe("='Прил. 3 Отчёт'!$B$7");
    expect(mine.charts[0].series[0].values).toBe("'Прил. 3 Отчёт'!$B$4:$B$6");
    expect(fx.sheets.map((s) => s.name)).toEqual(['Лист1', 'Прил. 3 Отчёт', 'Мой анализ']);
    expect(fx.cell('Прил. 3 Отчёт', 'B7')?.formula).toBe('=SUM(B4:B6)');
  });

  test('formulas written with calculation suspended are calculated before the apply ends', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Лист1');
    await applySheetPlans([formPlan(3)], { run: fx.run, support: support(fx), owned: [] });
    expect(fx.calcSuspensions).toBeGreaterThan(0); // the write did suspend calculation…
    expect(fx.calcStale).toBe(false); // …and the workbook was recalculated afterwards
    expect(fx.calculations).toEqual(['Recalculate']);
  });

  test('a build that refuses frozen panes or print setup still gets the data, and the pane is told what is missing', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Лист1');
    fx.refuse = /freezeAt/; // OfficeDev/office-js #2014, #2196: freezing panes throws GeneralException in some builds
    const r = await applySheetPlans([formPlan(3)], { run: fx.run, support: support(fx), owned: [] });
    expect(fx.cell('Прил. 3 Отчёт', 'B7')?.formula).toBe('=SUM(B4:B6)');
    expect(fx.sheet('Прил. 3 Отчёт')!.validations).toHaveLength(1);
    expect(fx.sheet('Прил. 3 Отчёт')!.pageLayout.orientation).toBe('Landscape');
    expect(fx.sheet('Прил. 3 Отчёт')!.freeze).toBeUndefined();
    expect(r.notApplied).toEqual(['Лист «Прил. 3 Отчёт»: не удалось закрепить строки заголовка — данные записаны, это можно сделать вручную.']);
    expect(r.notes).toContain(r.notApplied[0]);
    expect(fx.calcStale).toBe(false);
  });

  test('a protected generated form is regenerated in place and protected again', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Лист1');
    const owned = [{ name: 'Прил. 3 Отчёт', kind: 'appendix3' as const }];
    await applySheetPlans([formPlan(3)], { run: fx.run, support: support(fx), owned: [] });
    const id = fx.sheet('Прил. 3 Отчёт')!.id;
    expect(fx.sheet('Прил. 3 Отчёт')!.protected).toBe(true);
    const again = formPlan(3);
    heldRows(again.blocks[0].rows)[0] = ['Сводный отчет об итогах Кампании (исправлено)'];
    again.merges = ['A1:B1'];
    const r = await applySheetPlans([again], { run: fx.run, support: support(fx), owned });
    expect(r.written).toEqual([{ planned: 'Прил. 3 Отчёт', sheet: 'Прил. 3 Отчёт', replaced: true }]);
    expect(fx.sheet('Прил. 3 Отчёт')!.id).toBe(id); // the same sheet, not a new one under the old name
    expect(fx.sheet('Прил. 3 Отчёт')!.protected).toBe(true);
    expect(fx.cell('Прил. 3 Отчёт', 'A1')?.value).toBe('Сводный отчет об итогах Кампании (исправлено)');
    expect(fx.cell('Прил. 3 Отчёт', 'B7')?.formula).toBe('=SUM(B4:B6)');
    expect(fx.sheet('Прил. 3 Отчёт')!.merges).toEqual(['A1:B1']);
    expect(fx.sheet('Прил. 3 Отчёт')!.validations.map((v) => v.range)).toEqual(['B4:C6']);
    expect(fx.sheet('Прил. 3 Отчёт')!.conditionalFormats).toHaveLength(1);
    expect(fx.sheets.map((s) => s.name)).toEqual(['Лист1', 'Прил. 3 Отчёт']);
  });

  test('regenerating a sheet with charts replaces the add-in’s charts, keeps the coordinator’s own', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Лист1');
    const plan = () => {
      const p = emptySheetPlan('Показатели', 'indicators');
      p.blocks.push({ at: 'A1', rows: [['Доля', 10], ['Участники', 20]] });
      p.charts.push({ kind: 'column', title: 'Доля участников', series: [{ name: 'Доля', categories: "'Показатели'!$A$1:$A$2", values: "'Показатели'!$B$1:$B$2" }], from: 'D2', to: 'J12' });
      return p;
    };
    const owned = [{ name: 'Показатели', kind: 'indicators' as const }];
    await applySheetPlans([plan()], { run: fx.run, support: support(fx), owned: [] });
    const sheet = fx.sheet('Показатели')!;
    sheet.charts.push({ type: 'Pie', name: 'Диаграмма координатора', title: 'Моя', series: [] });
    sheet.charts.push({ type: 'ColumnClustered', name: 'Диаграмма 1', title: 'Доля участников', series: [] }); // an earlier version's, unnamed
    await applySheetPlans([plan()], { run: fx.run, support: support(fx), owned });
    await applySheetPlans([plan()], { run: fx.run, support: support(fx), owned });
    expect(sheet.charts.map((c) => c.title).sort()).toEqual(['Доля участников', 'Моя']);
    expect(sheet.charts.find((c) => c.title === 'Доля участников')!.series[0]).toMatchObject({ name: 'Доля', categories: "'Показатели'!A1:A2" });
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

  test('a received sheet with more merged areas than Excel reports at once (512) is read with all of them, the others too', async () => {
    const fx = new FakeExcel();
    const cells: Record<string, string> = {};
    const merged = fx.addSheet('Бланк школы', cells);
    for (let r = 1; r <= 1400; r += 2) {
      cells[`A${r}`] = `строка ${r}`;
      merged.merges.push(`A${r}:A${r + 1}`);
    }
    for (const [a, v] of Object.entries(cells)) merged.cells.set(`${Number(a.slice(1))},1`, { value: v, format: {} });
    fx.addSheet('Отчёт', { C3: 'Итого', D3: 5 });
    fx.sheet('Отчёт')!.merges.push('C3:C4');
    const g = await readWorkbookGrids({ run: fx.run, support: support(fx), file: 'школа.xlsx' });
    expect(g.sheets[0].merges).toHaveLength(700);
    expect(g.sheets[0].merges[699]).toEqual({ top: 1399, left: 1, bottom: 1400, right: 1 });
    expect(g.sheets[1].merges).toEqual([{ top: 3, left: 3, bottom: 4, right: 3 }]);
    expect(g.sheets[0].cells[1398][0]).toBe('строка 1399');
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

  test('a filled blank, protected as sent, is marked and cleared, and stays protected with its own options', async () => {
    const fx = new FakeExcel();
    const s = fx.addSheet('Прил. 3 Отчёт', { A1: 'Отчёт', B5: 7 });
    s.protected = true;
    s.protection = { allowFormatColumns: true, allowFormatRows: true };
    const locked = fx.addSheet('Мониторинг', { B12: 3 });
    locked.protected = true;
    locked.password = 'секрет';
    const notes: string[] = [];
    const problems = [
      { file: 'к.xlsx', sheet: 'Прил. 3 Отчёт', cell: 'B5', code: 'grades-sum' as const, severity: 'error' as const, message: '…' },
      { file: 'к.xlsx', sheet: 'Мониторинг', cell: 'B12', code: 'value-unreadable' as const, severity: 'error' as const, message: '…' },
    ];
    expect(await markProblems(problems, fx.run, notes)).toBe(1);
    expect(s.conditionalFormats.map((c) => c.range)).toEqual(['B5:B5']);
    expect([s.protected, s.protection]).toEqual([true, { allowFormatColumns: true, allowFormatRows: true }]);
    expect(locked.protected).toBe(true);
    expect(notes).toEqual(['Лист «Мониторинг» защищён паролем: ячейки с ошибками на нём не отмечены. Снимите защиту листа и проверьте снова.']);
    expect(await clearMarks(fx.run)).toBe(1);
    expect(s.conditionalFormats).toEqual([]);
    expect([s.protected, s.protection]).toEqual([true, { allowFormatColumns: true, allowFormatRows: true }]);
  });

  test('a check of thousands of faulty rows adds a handful of rules, and exactly the faulty cells show their severity', async () => {
    const fx = new FakeExcel();
    const cells: Record<string, number> = {};
    const problems: Problem[] = [];
    const add = (cell: string, severity: Problem['severity']) =>
      problems.push({ file: 'к.xlsx', sheet: 'Свод по ОО', cell, code: 'value-missing', severity, message: '…' });
    for (let r = 1; r <= 6000; r++) {
      for (const c of ['B', 'C', 'D']) cells[`${c}${r}`] = r;
      // Every third row wrong in B and C, a long run of warnings in D, scattered notes in D that an error outranks.
      if (r % 3 === 0) ['B', 'C'].forEach((c) => add(`${c}${r}`, 'error'));
      if (r > 100 && r <= 2100) add(`D${r}`, 'warning');
      if (r % 7 === 0) add(`D${r}`, r > 100 && r <= 2100 ? 'info' : 'error');
    }
    const s = fx.addSheet('Свод по ОО', cells);
    const want = new Map<string, string>();
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const worst = new Map<string, Problem['severity']>();
    for (const p of problems) if (!worst.has(p.cell) || rank[p.severity] < rank[worst.get(p.cell)!]) worst.set(p.cell, p.severity);
    for (const [cell, sev] of worst) want.set(cell, ({ error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' } as const)[sev]);

    expect(await markProblems(problems, fx.run)).toBe(want.size);
    // One rule per faulty cell was ~6,900 rules; grouped: 8 for B:C, 3 for D's errors, 1 for D's warnings.
    expect(s.conditionalFormats.length).toBeLessThanOrEqual(15);
    expect(markedByRules(s)).toEqual(want);
    expect(Math.max(...fx.requestSizes)).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(await clearMarks(fx.run)).toBe(want.size);
    expect(s.conditionalFormats).toEqual([]);
  });

  test('per-cell marks left by an earlier version are cleared too, and counted as cells', async () => {
    const fx = new FakeExcel();
    const s = fx.addSheet('Свод по ОО', { A1: 1 });
    for (let r = 1; r <= 3000; r++) s.conditionalFormats.push({ id: r, range: `B${r}`, type: 'Custom', formula: '=LEN("ПК: проверка warning")>0', format: {} });
    expect(await clearMarks(fx.run)).toBe(3000);
    expect(s.conditionalFormats).toEqual([]);
  });

  test('marks can be cleared again and never remove the user’s own conditional formats', async () => {
    const fx = new FakeExcel();
    const s = fx.addSheet('Прил. 3 Отчёт', { B5: 7 });
    s.conditionalFormats.push({ id: 1, range: 'B5', type: 'Custom', formula: '=B5>100', format: {} });
    s.conditionalFormats.push({ id: 2, range: 'A1', type: 'DataBar', format: {} });
    const n = await markProblems(
      [
        { file: 'к.xlsx', sheet: 'Прил. 3 Отчёт', cell: 'B5', code: 'grades-sum', severity: 'error', message: '…' },
        { file: 'к.xlsx', sheet: 'Прил. 3 Отчёт', cell: 'B5', code: 'value-missing', severity: 'warning', message: '…' },
        { file: 'к.xlsx', sheet: 'Нет такого', cell: 'A1', code: 'column-missing', severity: 'error', message: '…' },
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
