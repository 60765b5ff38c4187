/** The merge command on a few real files: the list of expected units as .xlsx, refusing files with errors, exit codes. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { merge, type MergeJson } from '../src/cli/merge';
import { sampleSchoolWorkbooks } from '../src/domain/sample/schoolWorkbooks';
import { appendix3Layout } from '../src/domain/forms/appendix3Layout';
import { dataCell } from '../src/domain/forms/tableLayout';
import { parseCell } from '../src/domain/a1';
import { heldRows, isFormula, type WorkbookPlan } from '../src/domain/sheetPlan';
import { writeXlsx } from '../src/files/xlsxWriter';
import { SHEET } from '../src/domain/sheetNames';
import JSZip from 'jszip';
import { runCommand } from './support/command';
// Slow on purpose (CLI): each test runs whole commands (stamp, merge of many school files, file writing) end to end.
jest.setTimeout(120_000);

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pk-merge-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (args: string[]) => runCommand(merge, args);

/** Set a participation value of a stamped school workbook (the block cell holding it). */
function setParticipation(wb: WorkbookPlan, key: string, value: number) {
  const sample = sampleSchoolWorkbooks({ schools: 1 });
  const L = appendix3Layout({ ...sample.settings, level: 'school' }, { rows: 1 });
  const { row, col } = parseCell(dataCell(L.participation, key, 0));
  const sheet = wb.sheets.find((s) => s.kind === 'appendix3')!;
  for (const b of sheet.blocks) {
    const at = parseCell(b.at);
    const r = row - at.row;
    const c = col - at.col;
    if (r >= 0 && r < b.rows.length && c >= 0 && c < heldRows(b.rows)[r].length && !isFormula(heldRows(b.rows)[r][c] ?? '')) heldRows(b.rows)[r][c] = value;
  }
}

test('refusing files with errors: the bad school is refused with the cell named, the others merged; the list may be .xlsx', async () => {
  const sample = sampleSchoolWorkbooks({ schools: 3, twice: false, broken: false, messy: false, late: 0 });
  const inbox = path.join(dir, 'почта');
  await rm(inbox, { recursive: true, force: true });
  const [bad, ...good] = sample.files;
  const books = new Map(sample.files.map((f) => [f.file, f.workbook!]));
  // Participants above all pupils: an error in the rules of the form.
  setParticipation(books.get(bad.file)!, 'participants', 999999);
  await mkdir(inbox);
  for (const f of sample.files) await writeFile(path.join(inbox, f.file), await writeXlsx(books.get(f.file)!));
  const list = path.join(dir, 'ожидаемые.xlsx');
  await writeFile(list, await writeXlsx({ sheets: [{ name: 'Список', kind: 'register', blocks: [{ at: 'A1', rows: [['Организация'], ...sample.expectedUnits.map((u) => [u]), ['МАОУ СОШ № 500']] }], styles: [], merges: [], columnWidths: [], validations: [], conditionalFormats: [], charts: [] }] }));

  const res = await run([inbox, '--out', path.join(dir, 'свод.xlsx'), '--units', list, '--refuse-errors', '--json', '--season', sample.settings.season, '--year', String(sample.settings.year)]);
  expect(res.stderr).toBe('');
  expect(res.code).toBe(0);
  const json = JSON.parse(res.stdout) as MergeJson;
  const refused = json.files.find((f) => f.file === bad.file)!;
  expect(refused.status).toBe('refused');
  // 999 999 participants: more than the pupils, and not the sum of the grades — two errors.
  expect(refused.errors).toBe(2);
  expect(refused.label).toBe('отклонён');
  expect(refused.reason).toMatch(/ячейка [A-Z]+\d+/);
  expect(json.files.filter((f) => f.status === 'merged').map((f) => f.file).sort()).toEqual(good.map((f) => f.file).sort());
  // The bad school sent a report: «прислал, отклонён», not among those who did not report.
  expect(json.missing).toEqual(['МАОУ СОШ № 500']);
  expect(json.refused).toEqual([bad.unit]);
  expect(json.counts).toMatchObject({ expected: sample.expectedUnits.length + 1, refused: 1, missing: 1 });
  expect(json.accounting.participation).toEqual({ received: 3, merged: 2, superseded: 0, refused: 1 });
  // A share with the A and B it is computed from: the refused and the missing school count in the base.
  expect(json.indicators.find((i) => i.key === 'schoolsActive')).toMatchObject({ a: 2, b: 4, x: 50 });

  // The same files merged with errors: the bad school counts, with its errors in the register; Russian summary.
  const lenient = await run([inbox, '--out', path.join(dir, 'свод2.xlsx'), '--units', list]);
  expect(lenient.code).toBe(0);
  expect(lenient.stdout).toContain('организаций в своде: 3');
  expect(lenient.stdout).toContain('Не прислали отчёт (1): МАОУ СОШ № 500.');
  expect(lenient.stdout.replace(/\u00a0/g, ' ')).toContain('Доля общеобразовательных организаций, организовавших профориентационные мероприятия: 75 % (3 из 4).');
});

test('nothing mergeable: the workbook is still written with the register, and the exit code says so', async () => {
  const inbox = path.join(dir, 'пусто');
  await mkdir(inbox);
  await writeFile(path.join(inbox, 'письмо.xlsx'), 'не книга');
  const res = await run([inbox, '--out', path.join(dir, 'свод-пусто.xlsx')]);
  expect(res.code).toBe(1);
  expect(res.stdout).toContain('письмо.xlsx: отклонён');
});

test("merging again into a region's own consolidated file whose plan sheet runs past 100,000 rows", async () => {
  // A big region's «Прил. 2 Свод» holds every school's events; a second merge into the same file must read it back
  // (it stopped with «уже существует, но его не удалось прочитать» before the add-in's own workbook was read with as
  // many rows as Excel holds) and keep what it takes over — the register of the first run.
  const inbox = path.join(dir, 'big-region');
  await mkdir(inbox, { recursive: true });
  const sample = sampleSchoolWorkbooks({ schools: 2, late: 0, twice: false, broken: false });
  for (const f of sample.files) await writeFile(path.join(inbox, f.file), await writeXlsx(f.workbook!));
  const out = path.join(dir, 'big-region.xlsx');
  expect((await run([inbox, '--out', out, '--deadline', sample.deadline, '--json'])).code).toBe(0);

  // The plan sheet grown past a received form's limit, as 5,000 schools' events make it.
  const zip = await JSZip.loadAsync(await readFile(out));
  const book = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${SHEET.consolidatedPlan}"[^>]*r:id="([^"]+)"`).exec(book)![1];
  const part = `xl/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]}`;
  const xml = await zip.file(part)!.async('string');
  const rows = Array.from({ length: 100_001 }, (_, i) => `<row r="${1000 + i}"><c r="A${1000 + i}"><v>1</v></c></row>`).join('');
  zip.file(part, xml.replace('</sheetData>', `${rows}</sheetData>`));
  await writeFile(out, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));

  const again = await run([inbox, '--out', out, '--deadline', sample.deadline, '--json']);
  expect({ code: again.code, stderr: again.stderr }).toEqual({ code: 0, stderr: '' });
  const json = JSON.parse(again.stdout) as MergeJson;
  expect(json.files.map((f) => f.status)).toEqual(sample.files.map(() => 'merged'));
});
