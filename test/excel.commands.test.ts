/** The ribbon's one-click commands and the pane's Excel host, against the strict Excel double. */
import { stampForm } from '../src/commands/commands';
import { excelHost } from '../src/taskpane/services/excelHost';
import { detectSupport } from '../src/excel/support';
import { defaultSettings } from '../src/domain/settings';
import { SHEET } from '../src/domain/sheetNames';
import { FakeExcel } from './support/fakeExcel';

const today = new Date(2024, 8, 1); // 1 September 2024: the autumn campaign

describe('ribbon: «Шаблон: отчёт (прил. 3)» and «Шаблон: план (прил. 2)»', () => {
  test('one click adds the report form and a hidden settings sheet that owns it, in a fixed number of syncs', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Лист1');
    const msg = await stampForm('report', fx.run, (n, v) => fx.isSetSupported(n, v), today);
    expect(msg).toMatch(/^Бланк «Прил\. 3 Отчёт» добавлен в книгу\. Сроки взяты по распоряжению/);
    expect(fx.sheet(SHEET.report)).toBeDefined();
    expect(fx.sheet(SHEET.settings)?.visibility).toBe('Hidden');
    expect(fx.syncs).toBeLessThanOrEqual(5);
    // The second click on the untouched form regenerates it; after the user types into it, the form is left alone.
    const again = await stampForm('report', fx.run, (n, v) => fx.isSetSupported(n, v), today);
    expect(again).toMatch(/добавлен в книгу\.$/);
    const sheet = fx.sheet(SHEET.report)!;
    const input = [...sheet.cells.entries()].find(([, c]) => c.format['format.protection.locked'] === false);
    expect(input).toBeDefined();
    input![1].value = 438;
    const third = await stampForm('report', fx.run, (n, v) => fx.isSetSupported(n, v), today);
    expect(third).toMatch(/уже есть в книге и содержит данные.*не изменён.*Откройте панель/);
    expect(fx.sheet(SHEET.report)!.cells.get(input![0])!.value).toBe(438);
  });

  // office-js #1167 / #1985: Worksheet.getRanges parses «A1:B2,D4» with the user's list separator on Windows, so a
  // comma-joined address fails where it is «;» — every Russian coordinator's Excel. The double is that Excel by default.
  test.each([
    [';', 'Russian-locale Excel on Windows (list separator «;»)'],
    [',', 'English-locale Excel or Excel on the web (list separator «,»)'],
  ] as const)('both forms are stamped with all their formats in %s: %s', async (listSeparator, _where) => {
    for (const form of ['report', 'plan'] as const) {
      const fx = new FakeExcel({ listSeparator });
      fx.addSheet('Лист1');
      const msg = await stampForm(form, fx.run, (n, v) => fx.isSetSupported(n, v), today);
      expect(msg).toMatch(/добавлен в книгу/);
      const sheet = fx.sheet(form === 'report' ? SHEET.report : SHEET.plan)!;
      // Borders and bold headers arrived: the formats pass of the write ran through.
      expect([...sheet.cells.values()].some((c) => c.format['format.borders.borders[EdgeTop].style'] === 'Continuous')).toBe(true);
      expect([...sheet.cells.values()].some((c) => c.format['format.font.bold'] === true)).toBe(true);
    }
  });

  test('the double refuses what Russian-locale Excel refuses: getRanges with comma-joined areas fails at sync', async () => {
    const ru = new FakeExcel();
    ru.addSheet('Лист1');
    const fill = (fx: FakeExcel, address: string) =>
      fx.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Лист1').getRanges(address).format.fill.color = '#FFC7CE';
        await ctx.sync();
      });
    await expect(fill(ru, 'A1:B2,D4')).rejects.toThrow(/InvalidArgument.*«;»/);
    await fill(ru, 'A1:B2;D4');
    expect(ru.cell('Лист1', 'D4')?.format['format.fill.color']).toBe('#FFC7CE');
    const en = new FakeExcel({ listSeparator: ',' });
    en.addSheet('Лист1');
    await expect(fill(en, 'A1:B2;D4')).rejects.toThrow(/InvalidArgument.*«,»/);
  });

  test('in Excel 2019 (ExcelApi 1.7) the plan form is added and the message says what is missing', async () => {
    const fx = new FakeExcel({ apiMinor: 7 });
    fx.addSheet('Лист1');
    const msg = await stampForm('plan', fx.run, (n, v) => fx.isSetSupported(n, v), today);
    expect(msg).toMatch(/Бланк «Прил\. 2 План» добавлен/);
    expect(msg).toMatch(/проверка ввода не добавлена/);
  });
});

describe('pane in Excel: settings live in the workbook', () => {
  test('saved settings are read back from the hidden settings sheet and used by the next stamp', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Лист1');
    const host = excelHost({ run: fx.run, support: detectSupport((n, v) => fx.isSetSupported(n, v)), workbookName: 'Кампания.xlsx' });
    expect(await host.loadSettings()).toBeUndefined();
    const s = defaultSettings('spring', 2025, { unit: 'Александровский район', windowFrom: '2025-03-17' });
    const saved = await host.saveSettings(s);
    expect(saved.message).toMatch(/сохранены в книге/);
    const back = await host.loadSettings();
    expect(back).toMatchObject({ season: 'spring', year: 2025, unit: 'Александровский район', windowFrom: '2025-03-17' });
    const msg = await stampForm('report', fx.run, (n, v) => fx.isSetSupported(n, v), today);
    expect(msg).toMatch(/^Бланк «Прил\. 3 Отчёт» добавлен в книгу\.$/);
    expect(JSON.stringify([...fx.sheet(SHEET.report)!.cells.values()].map((c) => c.value))).toContain('Александровский район');
    expect((await host.state()).sheets).toEqual([{ name: SHEET.report, kind: 'appendix3' }]);
  });
});
