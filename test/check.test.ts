/**
 * `profkampaniya check` on real files: the add-in's stamped form filled and written to .xlsx (and saved again by
 * LibreOffice as .ods and .xls, as schools send them), the order's Word-like layout in every format SheetJS writes,
 * CSV in UTF-8 and Windows-1251, broken files and wrong arguments.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, type CheckRecord } from '../src/cli/check';
import { stampAppendix3 } from '../src/domain/forms/stampAppendix3';
import { stampAppendix2 } from '../src/domain/forms/stampAppendix2';
import { appendix3Layout } from '../src/domain/forms/appendix3Layout';
import { appendix2Layout } from '../src/domain/forms/appendix2Layout';
import { settingsSheet } from '../src/domain/settingsSheet';
import { defaultSettings } from '../src/domain/settings';
import { cellRef } from '../src/domain/a1';
import type { CellInput, SheetPlan } from '../src/domain/sheetPlan';
import { writeXlsx } from '../src/files/xlsxWriter';
import { cp1251, csvOf, planToGrid, wordLayoutSheet, writeGrids } from './support/formGrids';
import { saveAs } from './support/libreoffice';
// Slow on purpose (LibreOffice): each test starts soffice to convert or recalculate a workbook, which takes seconds to tens of seconds.
jest.setTimeout(120_000);

const settings = defaultSettings('spring', 2024, { unit: 'МАОУ СОШ № 1', level: 'school' });

const CLEAN31: Record<string, CellInput> = {
  unit: 'МАОУ СОШ № 1', schools: 1, schoolsActive: 1, events: 42, students: 599, participants: 438,
  g5: 59, g6: 79, g7: 76, g8: 56, g9: 60, g10: 55, g11: 53, teachers: 33, teachersTotal: 40,
  ovzStudents: 109, ovzParticipants: 83, ovzG5: 11, ovzG6: 20, ovzG7: 17, ovzG8: 11, ovzG9: 22, ovzG10: 1, ovzG11: 1,
  partnersCount: 2, partnersNames: 'НИ ТГУ, ТУСУР',
};
const CLEAN32: Record<string, CellInput> = { unit: 'МАОУ СОШ № 1', partnersTotal: 2, professionalEducationCount: 2, professionalEducationNames: 'НИ ТГУ, ТУСУР' };
const L = appendix3Layout(settings, { fill: { participation: [CLEAN31], partners: [CLEAN32] } });
const at31 = (key: string) => cellRef(L.participation.firstDataRow, L.participation.columns[key]);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pk-check-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await check(args, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

async function runJson(...args: string[]): Promise<{ code: number; records: CheckRecord[]; err: string }> {
  const r = await run(...args, '--json');
  return { code: r.code, records: JSON.parse(r.out) as CheckRecord[], err: r.err };
}

const brief = (rs: CheckRecord[]) => rs.map((r) => [r.sheet, r.cell, r.code, r.severity]);

async function stampedReport(over31: Record<string, CellInput> = {}, extra: SheetPlan[] = []): Promise<Uint8Array> {
  const report = stampAppendix3(settings, { fill: { participation: [{ ...CLEAN31, ...over31 }], partners: [CLEAN32] } });
  return writeXlsx({ sheets: [report, ...extra] });
}

describe('the add-in\'s form: stamp → fill → write → read → check', () => {
  it('a consistent report passes with exit code 0 and says there is nothing to fix', async () => {
    const path = await file('школа1.xlsx', await stampedReport());
    const r = await run(path);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`Файл «${path}»: замечаний нет.\n`);
  });

  it('a wrong grade sum fails with exit code 1, reported once at the participants cell', async () => {
    const path = await file('школа2.xlsx', await stampedReport({ g5: 60 }));
    const r = await runJson(path);
    expect(r.code).toBe(1);
    expect(brief(r.records)).toEqual([['Прил. 3 Отчёт', at31('participants'), 'grades-sum', 'error']]);
    expect(r.records[0].file).toBe(path);
  });

  it.each(['ods', 'xls'] as const)('reads the same report saved by LibreOffice as .%s', async (format) => {
    const bytes = await saveAs(await stampedReport({ g5: 60 }), format);
    const path = await file(`школа2.${format}`, bytes);
    const r = await runJson(path);
    expect(r.code).toBe(1);
    expect(brief(r.records)).toEqual([['Прил. 3 Отчёт', at31('participants'), 'grades-sum', 'error']]);
  });

  it('prints problems grouped by sheet and row, in Russian', async () => {
    const path = await file('школа3.xlsx', await stampedReport({ g5: 60, schoolsActive: 2 }));
    const r = await run(path);
    expect(r.code).toBe(1);
    const row = L.participation.firstDataRow;
    expect(r.out).toMatch(new RegExp(`Файл «${path}»: 2\\sошибки\\.`));
    expect(r.out).toContain('  Лист «Прил. 3 Отчёт»');
    expect(r.out).toContain(`    Строка ${row} (МАОУ СОШ № 1):`);
    expect(r.out).toContain(`      ${at31('schoolsActive')}: ошибка [schools-active-over-total] Организовавших мероприятия ОО (2) больше, чем всего ОО (1)`);
    expect(r.out).toContain(`      ${at31('participants')}: ошибка [grades-sum]`);
  });

  it('checks plan dates against the campaign in the workbook\'s settings sheet, unless told otherwise', async () => {
    const autumn = defaultSettings('autumn', 2024, { unit: 'МАОУ СОШ № 1', level: 'school' });
    const fill = [{ level: 'Школьный', name: 'Классный час «Профессии»', dates: '10.10.2024', targetGroup: '5 классы', expectedParticipants: 50, expectedResults: '', responsible: 'Петров П.П., 8 (3822) 11-22-33' }];
    const bytes = await writeXlsx({ sheets: [stampAppendix2(autumn, { fill }), settingsSheet(autumn, [])] });
    const path = await file('план.xlsx', bytes);
    expect((await runJson(path)).records).toEqual([]);
    const spring = await runJson(path, '--season', 'spring', '--year', '2024');
    const P = appendix2Layout(autumn);
    expect(brief(spring.records)).toEqual([['Прил. 2 План', cellRef(P.plan.firstDataRow, P.plan.columns.dates), 'plan-dates-outside-window', 'warning']]);
    expect(spring.code).toBe(0);
  });

  it('without settings, checks a plan against the campaign its own dates fall in, and says so', async () => {
    const autumn2023 = defaultSettings('autumn', 2023, { unit: 'МАОУ СОШ № 1', level: 'school' });
    const event = { level: 'Школьный', targetGroup: '5 классы', expectedParticipants: 50, expectedResults: '', responsible: 'Петров П.П., 8 (3822) 11-22-33' };
    const fill = [
      { ...event, name: 'Классный час', dates: '20.09.2023' },
      { ...event, name: 'Экскурсия', dates: '01.12.2023' },
    ];
    const path = await file('план-2023.xlsx', await writeXlsx({ sheets: [stampAppendix2(autumn2023, { fill })] }));
    const r = await runJson(path);
    const P = appendix2Layout(autumn2023);
    expect(brief(r.records)).toEqual([['Прил. 2 План', cellRef(P.plan.firstDataRow + 1, P.plan.columns.dates), 'plan-dates-outside-window', 'warning']]);
    expect(r.err).toMatch(/кампания не указана, сроки плана проверены по осенней кампании 2023 г\./);
  });
});

describe('the order\'s Word-like layout in every format', () => {
  const sheet = wordLayoutSheet('Отчёт', { withExample: true, offset: 1 });
  const expected = (name: string) => [
    [name, 'G12', 'partners-total-mismatch', 'warning'],
    [name, 'B18', 'partners-categories-sum', 'warning'],
  ];

  it.each(['xlsx', 'xlsm', 'ods'] as const)('.%s: the official example reads, drawing only the two partner warnings', async (format) => {
    const path = await file(`александровский.${format}`, writeGrids([sheet], format));
    const r = await runJson(path);
    expect(r.code).toBe(0);
    expect(brief(r.records).sort()).toEqual(expected('Отчёт').sort());
  });

  // SheetJS writes .xls strings cut at 255 characters; Excel and LibreOffice keep the whole paragraph.
  it('.xls (saved by LibreOffice): the official example reads, drawing only the two partner warnings', async () => {
    const path = await file('александровский.xls', await saveAs(writeGrids([sheet], 'xlsx'), 'xls'));
    const r = await runJson(path);
    expect(r.code).toBe(0);
    expect(brief(r.records).sort()).toEqual(expected('Отчёт').sort());
  });

  it.each([
    ['UTF-8 with BOM, «;»', () => `\ufeff${csvOf(sheet, ';')}`],
    ['UTF-8, «,»', () => csvOf(sheet, ',')],
    ['Windows-1251, «;»', () => cp1251(csvOf(sheet, ';'))],
    ['Windows-1251, «,»', () => cp1251(csvOf(sheet, ','))],
  ])('CSV in %s reads the same', async (_, bytes) => {
    const path = await file('александровский.csv', bytes());
    const r = await runJson(path);
    expect(r.code).toBe(0);
    expect(brief(r.records).sort()).toEqual(expected('александровский').sort());
  });
});

describe('each kind of defect and of messiness, in every format', () => {
  type Format = 'xlsx' | 'xls' | 'ods' | 'csv;' | 'csv,' | 'csv1251';
  const FORMATS: Format[] = ['xlsx', 'xls', 'ods', 'csv;', 'csv,', 'csv1251'];
  const CASES: [string, Record<string, CellInput>, [string, string, 'error' | 'warning'] | null][] = [
    ['clean, with «438 чел.», «1 234»-style text and «—»', { participants: '438 чел.', students: '599', teachersTotal: '—' }, null],
    ['grades that do not add up', { g7: 77 }, ['grades-sum', 'participants', 'error']],
    ['more ОВЗ pupils than pupils', { ovzStudents: 600 }, ['ovz-over-students', 'ovzStudents', 'error']],
    ['no events', { events: '-' }, ['events-missing', 'events', 'error']],
    ['a count that is not whole', { teachers: '33,5' }, ['not-whole-number', 'teachers', 'error']],
    ['a count that cannot be read', { schools: 'одна' }, ['value-unreadable', 'schools', 'error']],
    ['a partner count unlike the names', { partnersNames: 'НИ ТГУ' }, ['partners-names-count', 'partnersCount', 'warning']],
  ];

  function bytesOf(format: Format, over: Record<string, CellInput>): Uint8Array | string {
    const grid = planToGrid(stampAppendix3(settings, { fill: { participation: [{ ...CLEAN31, ...over }], partners: [CLEAN32] } }));
    if (format === 'csv;') return csvOf(grid, ';');
    if (format === 'csv,') return csvOf(grid, ',');
    if (format === 'csv1251') return cp1251(csvOf(grid, ';'));
    return writeGrids([grid], format);
  }

  for (const format of FORMATS)
    it.each(CASES)(`${format}: %s`, async (_, over, want) => {
      const ext = format.startsWith('csv') ? 'csv' : format;
      const path = await file(`школа.${ext}`, bytesOf(format, over));
      const r = await runJson(path);
      const sheet = ext === 'csv' ? 'школа' : 'Прил. 3 Отчёт';
      expect(brief(r.records)).toEqual(want ? [[sheet, at31(want[1]), want[0], want[2]]] : []);
      expect(r.code).toBe(want?.[2] === 'error' ? 1 : 0);
    });
});

describe('files that cannot be read and wrong arguments', () => {
  it('exit code 2 when a file cannot be read, the other files still checked; --json stays pure JSON', async () => {
    const good = await file('хороший.xlsx', await stampedReport({ g5: 60 }));
    const empty = await file('пустой.xlsx', new Uint8Array(0));
    const missing = join(dir, 'нет-такого.xlsx');
    const r = await run(empty, good, missing, '--json');
    expect(r.code).toBe(2);
    const records = JSON.parse(r.out) as CheckRecord[];
    expect(records.map((x) => [x.file, x.code])).toEqual([
      [empty, 'file-unreadable'],
      [good, 'grades-sum'],
      [missing, 'file-unreadable'],
    ]);
    expect(records[0].message).toMatch(/пуст/);
    expect(records[2].message).toMatch(/не найден/);
    expect(r.err).toMatch(/пуст/);
  });

  it.each([
    ['garbage.xlsx', new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 37) % 256))],
    ['garbage.ods', new Uint8Array([0x50, 0x4b, 3, 4, ...Array.from({ length: 500 }, (_, i) => i % 256)])],
    ['garbage.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(1000).fill(3)])],
    ['garbage.csv', new TextEncoder().encode(';;;\n"незакрытая кавычка;1;2\n\u0007\u0008;x')],
    ['word.xlsx', new TextEncoder().encode('<html><body>Отчёт</body></html>')],
  ])('%s: a Russian message, never a crash', async (name, bytes) => {
    const r = await run(await file(name, bytes));
    expect([1, 2]).toContain(r.code);
    expect(r.out + r.err).not.toMatch(/Непредвиденная|TypeError|at .*\.ts:/);
    expect(r.out).toMatch(new RegExp(`Файл «.*${name.replace('.', '\\.')}»`));
  });

  it('checks every workbook in a folder, lock files left out', async () => {
    const { mkdir } = await import('node:fs/promises');
    const folder = join(dir, 'почта');
    await mkdir(join(folder, 'вложенная'), { recursive: true });
    await writeFile(join(folder, 'школа А.xlsx'), await stampedReport());
    await writeFile(join(folder, 'вложенная', 'школа Б.xlsx'), await stampedReport({ g5: 60 }));
    await writeFile(join(folder, '~$школа А.xlsx'), 'lock');
    await writeFile(join(folder, 'письмо.txt.eml'), 'not a workbook');
    const r = await runJson(folder);
    expect(r.code).toBe(1);
    expect(r.records.map((x) => [x.file.slice(folder.length + 1), x.code])).toEqual([[join('вложенная', 'школа Б.xlsx'), 'grades-sum']]);
  });

  it('refuses a wrong season or year and no files, with exit code 2', async () => {
    await expect(run('a.xlsx', '--season', 'winter')).rejects.toThrow(/spring.*autumn/);
    await expect(run('a.xlsx', '--year', '24')).rejects.toThrow(/четырьмя цифрами/);
    await expect(run()).rejects.toThrow(/Не указан ни один файл/);
  });
});
