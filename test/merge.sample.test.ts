/**
 * The sample municipality (seed 000, Tomsk autumn 2023) written to files, merged by the command line, and the
 * written workbook recalculated by LibreOffice: the consolidated Appendix 3 must show seed 000's figures, and a
 * number corrected on the detail sheet must move the total.
 */
import { cp, mkdir, mkdtemp, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { merge, type MergeJson } from '../src/cli/merge';
import { appendix3Layout } from '../src/domain/forms/appendix3Layout';
import { dataCell } from '../src/domain/forms/tableLayout';
import { DETAIL_FIRST_ROW, detailColumn } from '../src/domain/consolidate/detailLayout';
import { REGISTER_HEADER_ROW, registerColumn } from '../src/domain/consolidate/registerSheet';
import { SHEET } from '../src/domain/sheetNames';
import { writeSample } from '../scripts/sample';
import type { Sample } from '../src/domain/sample/schoolWorkbooks';
import { recalculate, valueAt } from './support/libreoffice';
import { readWorkbookFile } from '../src/files/readWorkbook';
import { runCommand } from './support/command';
// Slow on purpose (LibreOffice): each test starts soffice to convert or recalculate a workbook, which takes seconds to tens of seconds.
jest.setTimeout(120_000);

let dir: string;
let sample: Sample;
/** The first merge of the whole mailbox, shared by the tests that look at it. */
let merged: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pk-merge-'));
  sample = await writeSample(path.join(dir, 'почта'));
  merged = await runMerge(mergeArgs(path.join(dir, 'свод.xlsx')));
}, 600_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// As main.ts does: a usage error is exit code 2 with its message.
const runMerge = (args: string[]) => runCommand(merge, args);

const mergeArgs = (out: string) => [
  path.join(dir, 'почта'),
  '--out', out,
  '--units', path.join(dir, 'почта', 'units.csv'),
  '--deadline', sample.deadline,
  '--unit', 'Город Томск',
  '--season', 'autumn',
  '--year', '2023',
  '--json',
];

/** The consolidated row's cells on «Прил. 3 Свод», from the stamper's own layout. */
function reportCells() {
  const L = appendix3Layout({ ...sample.settings }, { rows: 1 });
  return {
    p: (key: string) => dataCell(L.participation, key, 0),
    q: (key: string) => dataCell(L.partners, key, 0),
  };
}

describe('merging the sample municipality (seed 000) through the command line', () => {
  test('totals are seed 000’s, LibreOffice computes the same on the consolidated Appendix 3, and a corrected number moves the total', async () => {
    const out = path.join(dir, 'свод.xlsx');
    const { code, stdout, stderr } = merged;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as MergeJson;
    expect(json.totals).toMatchObject({
      schools: 66, schoolsActive: 66, events: 3448, students: 35719, participants: 34290, teachers: 2702, teachersTotal: 5298,
      ovzParticipants: 2277,
      partners: { professionalEducation: 48, companies: 56, business: 7, community: sample.totals.partners.community },
    });
    expect(Object.values(json.totals.grades)).toEqual(sample.totals.grades);
    expect(json.missing).toEqual([]);
    // 66 schools + the first version of one + one broken file.
    expect(json.files).toHaveLength(68);
    expect(json.files.filter((f) => f.status === 'superseded').map((f) => f.file)).toEqual([expect.stringContaining('(первая версия)')]);
    const refused = json.files.filter((f) => f.status === 'refused');
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toMatch(/не является таблицей, хотя назван \.xlsx/);
    const late = json.files.filter((f) => f.onTime === false).map((f) => f.unit).sort();
    expect(late).toEqual(['МАОУ СОШ № 2', 'МАОУ СОШ № 3', 'МАОУ школа «Эврика-развитие»'].sort());
    // Every row accounted for: merged + superseded + refused = received.
    for (const t of Object.values(json.accounting)) expect(t.merged + t.superseded + t.refused).toBe(t.received);
    expect(json.accounting.participation).toEqual({ received: 67, merged: 66, superseded: 1, refused: 0 });
    expect(json.accounting.plan.merged).toBe(sample.totals.planRows);

    const bytes = new Uint8Array(await readFile(out));
    const calc = await recalculate(bytes);
    const report = calc[SHEET.consolidatedReport];
    const { p, q } = reportCells();
    expect(valueAt(report, p('unit'))).toBe('Город Томск');
    expect(valueAt(report, p('schools'))).toBe(66);
    expect(valueAt(report, p('schoolsActive'))).toBe(66);
    expect(valueAt(report, p('events'))).toBe(3448);
    expect(valueAt(report, p('students'))).toBe(35719);
    expect(valueAt(report, p('participants'))).toBe(34290);
    expect(valueAt(report, p('g5'))).toBe(sample.totals.grades[0]);
    expect(valueAt(report, p('teachers'))).toBe(2702);
    expect(valueAt(report, p('teachersTotal'))).toBe(5298);
    expect(valueAt(report, p('ovzParticipants'))).toBe(2277);
    expect(valueAt(report, q('professionalEducationCount'))).toBe(48);
    expect(valueAt(report, q('companiesCount'))).toBe(56);
    expect(valueAt(report, q('businessCount'))).toBe(7);
    expect(valueAt(report, q('partnersTotal'))).toBe(json.totals.partners.distinct);
    expect(valueAt(report, p('partnersCount'))).toBe(json.totals.partners.distinct);
    // The register shows the late ones.
    const register = calc[SHEET.register];
    const lateRows = register.slice(REGISTER_HEADER_ROW).filter((r) => r[registerColumn('В срок') - 1] === 'нет').map((r) => r[1]);
    expect(lateRows).toHaveLength(3);

    // A coordinator corrects one school's participants on the detail sheet: the consolidated total follows.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const detail = wb.getWorksheet(SHEET.detail)!;
    const cell = detail.getRow(DETAIL_FIRST_ROW + 10).getCell(detailColumn('participants'));
    // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- an ExcelJS cell, not office.js
    const before = cell.value as number;
    expect(typeof before).toBe('number');
    cell.value = before + 100;
    const edited = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const again = await recalculate(edited);
    expect(valueAt(again[SHEET.consolidatedReport], p('participants'))).toBe(34390);
    expect(valueAt(again[SHEET.consolidatedReport], p('students'))).toBe(35719);
  }, 900_000);

  test('merging again with late files updates everything, keeps each file’s first date and duplicates no row', async () => {
    // On the deadline two schools have not sent yet; their files arrive later.
    const inbox = path.join(dir, 'почта-2');
    await cp(path.join(dir, 'почта'), inbox, { recursive: true, preserveTimestamps: true });
    await rm(path.join(inbox, 'units.csv'));
    const lateOnes = ['МАОУ СОШ № 14.xlsx', 'МАОУ гимназия № 56.xlsx'];
    const held = path.join(dir, 'позже');
    await mkdir(held);
    for (const f of lateOnes) await rename(path.join(inbox, f), path.join(held, f));
    const out = path.join(dir, 'свод-повтор.xlsx');
    const args = [inbox, ...mergeArgs(out).slice(1)];
    const first = JSON.parse((await runMerge(args)).stdout) as MergeJson;
    expect(first.missing.sort()).toEqual(['МАОУ СОШ № 14', 'МАОУ гимназия № 56'].sort());

    const arrived = new Date('2023-10-21T10:00:00');
    for (const f of lateOnes) {
      await rename(path.join(held, f), path.join(inbox, f));
      await utimes(path.join(inbox, f), arrived, arrived);
    }
    // The mail client re-saves an on-time file today: its date received must stay the one in the register.
    const now = new Date();
    await utimes(path.join(inbox, 'МАОУ гимназия № 29.xlsx'), now, now);
    const second = await runMerge(args);
    expect(second.code).toBe(0);
    const json = JSON.parse(second.stdout) as MergeJson;
    expect(json.missing).toEqual([]);
    expect(json.files.find((f) => f.unit === 'МАОУ гимназия № 29')?.onTime).toBe(true);
    expect(json.files.filter((f) => lateOnes.includes(f.file)).map((f) => f.onTime)).toEqual([false, false]);
    expect(json.files).toHaveLength(68);
    expect(json.totals.participants).toBe(34290);
    const written = readWorkbookFile(new Uint8Array(await readFile(out)), 'свод-повтор.xlsx');
    const detailUnits = written.sheets.find((s) => s.name === SHEET.detail)!.cells.slice(DETAIL_FIRST_ROW - 1).map((r) => r[1]).filter(Boolean);
    expect(detailUnits).toHaveLength(66);
    expect(new Set(detailUnits).size).toBe(66);
    const register = written.sheets.find((s) => s.name === SHEET.register)!.cells.slice(REGISTER_HEADER_ROW);
    expect(register.filter((r) => r[2])).toHaveLength(68);
    expect(register.find((r) => r[2] === 'МАОУ гимназия № 29.xlsx')?.[registerColumn('Получен') - 1]).not.toContain(String(now.getFullYear()));

    // A school re-sends its report under the same name with a corrected number: that is a new, late receipt.
    const resent = path.join(inbox, 'МАОУ СОШ № 15.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(resent)) as unknown as ArrayBuffer);
    const L = appendix3Layout(sample.settings, { rows: 1 });
    const events = wb.getWorksheet(SHEET.report)!.getCell(dataCell(L.participation, 'events', 0));
    // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- an ExcelJS cell, not office.js
    const eventsBefore = events.value as number;
    events.value = eventsBefore + 5;
    await writeFile(resent, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    // A day after the other two late ones: three files modified in the same minute after the deadline would look
    // like attachments saved together, not three receipts (receiptDates.ts), and be «срок не подтверждён».
    const resentAt = new Date('2023-10-22T15:30:00');
    await utimes(resent, resentAt, resentAt);
    const third = JSON.parse((await runMerge(args)).stdout) as MergeJson;
    expect(third.files.find((f) => f.file === 'МАОУ СОШ № 15.xlsx')?.onTime).toBe(false);
    expect(third.totals.events).toBe(3448 + 5);
    expect(third.files).toHaveLength(68);
  }, 900_000);

  test('an existing output with the coordinator’s own sheet is not overwritten; the message names the sheet', async () => {
    const out = path.join(dir, 'свод-с-заметками.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(path.join(dir, 'свод.xlsx'))) as unknown as ArrayBuffer);
    wb.addWorksheet('Мои заметки').getCell('A1').value = 'позвонить в СОШ № 3';
    const mine = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    await writeFile(out, mine);
    const res = await runMerge(mergeArgs(out));
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('«Мои заметки»');
    expect(new Uint8Array(await readFile(out))).toEqual(mine);
  }, 300_000);

  test('bad arguments are refused in Russian with exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [[path.join(dir, 'почта')], /--out/],
      [[path.join(dir, 'почта'), '--out', path.join(dir, 'x.ods')], /\.xlsx/],
      [[path.join(dir, 'почта'), '--out', path.join(dir, 'x.xlsx'), '--deadline', '19.10.2023'], /ГГГГ-ММ-ДД/],
      [[path.join(dir, 'нет такой папки'), '--out', path.join(dir, 'x.xlsx')], /не найдены/],
      [[path.join(dir, 'почта'), '--out', path.join(dir, 'x.xlsx'), '--refuse-errors', '--merge-errors'], /что-то одно/],
    ];
    for (const [args, message] of cases) {
      const res = await runMerge(args);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(message);
    }
  });
});
