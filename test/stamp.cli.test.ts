import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import { main } from '../src/cli/main';
import { stamp } from '../src/cli/stamp';
import { readSettingsSheet } from '../src/domain/settingsSheet';
import { SHEET } from '../src/domain/sheetNames';
import { cellRef } from '../src/domain/a1';
import { appendix2Layout } from '../src/domain/forms/appendix2Layout';
import { defaultSettings } from '../src/domain/settings';
import { APPENDIX_NUMBER, PLAN_TITLE, REPORT_TITLE } from '../src/domain/forms/officialText';
// Slow on purpose (CLI): each test runs whole commands (stamp, merge of many school files, file writing) end to end.
jest.setTimeout(120_000);

function buffers() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: { write: (s: string) => (out.stdout += s) },
      stderr: { write: (s: string) => (out.stderr += s) },
    },
  };
}

function sheets(bytes: Buffer) {
  const wb = XLSX.read(bytes, { type: 'buffer' });
  const grid = (name: string) => XLSX.utils.sheet_to_json<(string | number | null)[]>(wb.Sheets[name], { header: 1, defval: null });
  return { wb, grid };
}

describe('profkampaniya stamp', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pk-stamp-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('writes the report form with the hidden settings sheet that records the campaign', async () => {
    const out = join(dir, 'отчёт.xlsx');
    const { io, out: text } = buffers();
    const code = await main(['stamp', 'report', '--out', out, '--unit', 'Александровский район', '--season', 'spring', '--year', '2027'], io);
    expect(text.stderr).toBe('');
    expect(code).toBe(0);
    expect(text.stdout).toContain('Приложение 3');
    expect(text.stdout).toContain(out);
    const { wb, grid } = sheets(await readFile(out));
    expect(wb.SheetNames).toEqual([SHEET.report, SHEET.settings]);
    expect(wb.Workbook?.Sheets?.[1]?.Hidden).toBe(1);
    const form = grid(SHEET.report);
    expect(form[0][0]).toBe(APPENDIX_NUMBER.report);
    expect(form[3][0]).toBe(REPORT_TITLE);
    expect(form[4][0]).toBe('Александровский район');
    const back = readSettingsSheet(grid(SHEET.settings))!;
    expect(back.settings).toMatchObject({ season: 'spring', year: 2027, level: 'municipality', unit: 'Александровский район', windowFrom: '2027-03-15' });
    expect(back.owned).toEqual([
      { name: SHEET.report, kind: 'appendix3' },
      { name: SHEET.settings, kind: 'settings' },
    ]);
  });

  test('writes the plan form with the requested number of rows, protected on request', async () => {
    const out = join(dir, 'план.xlsx');
    const { io } = buffers();
    expect(await main(['stamp', 'plan', '--out', out, '--level', 'school', '--rows', '5', '--year', '2026', '--season', 'autumn', '--protect'], io)).toBe(0);
    const { grid } = sheets(await readFile(out));
    const form = grid(SHEET.plan);
    expect(form[3][0]).toBe(PLAN_TITLE);
    const t = appendix2Layout(defaultSettings('autumn', 2026), { rows: 5 }).plan;
    const ws = XLSX.read(await readFile(out), { type: 'buffer', cellFormula: true, sheetStubs: true }).Sheets[SHEET.plan];
    expect(ws[cellRef(t.firstDataRow + 4, t.checkColumn)]?.f).toContain('IF(');
    expect(ws[cellRef(t.firstDataRow + 5, t.checkColumn)]?.f).toBeUndefined();
    const xml = await (await JSZip.loadAsync(await readFile(out))).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('<sheetProtection sheet="1"');
    expect(readSettingsSheet(grid(SHEET.settings))!.settings.level).toBe('school');
  });

  test('season and year default to the campaign of today', async () => {
    const out = join(dir, 'сегодня.xlsx');
    const { io } = buffers();
    expect(await stamp(['report', '--out', out], io, new Date(2028, 2, 1))).toBe(0);
    const { grid } = sheets(await readFile(out));
    expect(readSettingsSheet(grid(SHEET.settings))!.settings).toMatchObject({ season: 'spring', year: 2028 });
  });

  test('never overwrites an existing file unless --force', async () => {
    const out = join(dir, 'чужой.xlsx');
    await writeFile(out, 'данные пользователя');
    const first = buffers();
    expect(await main(['stamp', 'report', '--out', out], first.io)).toBe(2);
    expect(first.out.stderr).toContain(`Файл «${out}» уже существует`);
    expect(first.out.stderr).toContain('--force');
    expect(await readFile(out, 'utf8')).toBe('данные пользователя');
    const forced = buffers();
    expect(await main(['stamp', 'report', '--out', out, '--force'], forced.io)).toBe(0);
    expect((await readFile(out)).subarray(0, 2).toString()).toBe('PK');
  });

  test('a missing folder is explained, not a stack trace', async () => {
    const { io, out } = buffers();
    expect(await main(['stamp', 'plan', '--out', join(dir, 'нет', 'такой', 'план.xlsx')], io)).toBe(2);
    expect(out.stderr).toContain('папки не существует');
    expect(out.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  test.each([
    [['stamp', 'report', '--out', 'x.xlsx', '--levle', 'school'], 'Неизвестный параметр: --levle.'],
    [['stamp', 'report', '--out', 'x.xlsx', '--level', 'city'], 'Неизвестный уровень: «city»'],
    [['stamp', 'report', '--out', 'x.xlsx', '--season', 'winter'], 'Неизвестная кампания: «winter»'],
    [['stamp', 'report', '--out', 'x.xlsx', '--year', '26'], 'Год указан неверно: «26»'],
    [['stamp', 'report', '--out', 'x.xlsx', '--rows', '0'], 'Число строк указано неверно'],
    [['stamp', 'report', '--out', 'x.xls'], 'должен иметь расширение .xlsx'],
    [['stamp', 'report'], 'Укажите файл для записи: --out'],
    [['stamp', '--out', 'x.xlsx'], 'Укажите, какую форму записать'],
    [['stamp', 'отчёт', '--out', 'x.xlsx'], 'Неизвестная форма: «отчёт»'],
  ])('%j is refused with exit code 2 and a Russian message', async (argv, message) => {
    const { io, out } = buffers();
    expect(await main(argv, io)).toBe(2);
    expect(out.stderr).toContain(message);
    expect(out.stderr).toContain('profkampaniya stamp --help');
  });

  test('--help prints the usage', async () => {
    const { io, out } = buffers();
    expect(await main(['stamp', '--help'], io)).toBe(0);
    expect(out.stdout).toContain('profkampaniya stamp plan|report --out');
  });
});
