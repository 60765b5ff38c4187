/**
 * Personalised blanks for the 66 schools of the sample municipality (seed 000), written by `profkampaniya blanks`;
 * 60 of them filled the way a school would (exceljs, the sheets left protected), sent back and merged by
 * `profkampaniya merge` with no manual step: the units are exactly the expected list, none off-list, none missing
 * but the six unfilled.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { cellRef } from '../src/domain/a1';
import { blanks } from '../src/cli/blanks';
import { merge, type MergeJson } from '../src/cli/merge';
import { BLANK_SHEET, blankSettings } from '../src/domain/blanks/blank';
import { uniqueFileNames } from '../src/domain/blanks/fileName';
import { DETAIL_FIRST_ROW, detailColumn } from '../src/domain/consolidate/detailLayout';
import { GRADES, PARTNER_CATEGORIES } from '../src/domain/forms/appendix3';
import { appendix2Layout } from '../src/domain/forms/appendix2Layout';
import { appendix3Layout } from '../src/domain/forms/appendix3Layout';
import { aKey, bKey, EDUCATION_LEVELS } from '../src/domain/forms/monitoring';
import { monitoringLayout } from '../src/domain/forms/monitoringLayout';
import { dataCell } from '../src/domain/forms/tableLayout';
import { SHEET_MONITORING_CONSOLIDATED } from '../src/domain/monitoring/sheetName';
import { monitoringSheetLayout } from '../src/domain/monitoring/consolidatedSheet';
import { sampleMunicipality, type SchoolFigures } from '../src/domain/sample/municipality';
import { defaultSettings } from '../src/domain/settings';
import { SHEET } from '../src/domain/sheetNames';
import { readWorkbookFile } from '../src/files/readWorkbook';
import { saveAs } from './support/libreoffice';
import { capturedIO } from './support/command';
// Slow on purpose (LibreOffice): each test starts soffice to convert or recalculate a workbook, which takes seconds to tens of seconds.
jest.setTimeout(120_000);

const SAMPLE = sampleMunicipality();
const UNITS = SAMPLE.schools.map((s) => s.unit);
/** Six schools never send their blank back. */
const UNFILLED = new Set([UNITS[3], UNITS[17], UNITS[30], UNITS[41], UNITS[58], UNITS[65]]);
/** Every third filled school also fills the monitoring form. */
const WITH_MONITORING = (i: number) => i % 3 === 0;
const CAMPAIGN = defaultSettings('autumn', 2023, { unit: 'Город Томск', level: 'municipality' });

let dir: string;
let blanksOut: string;

/** An io capturing the command's output; `out()` and `err()` read it so far. */
function io() {
  const { out, io } = capturedIO();
  return { io, out: () => out.stdout, err: () => out.stderr };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pk-blanks-'));
  blanksOut = path.join(dir, 'бланки');
  // The list as a coordinator keeps it: a header, numbers in the first column, names in the second.
  await writeFile(path.join(dir, 'units.csv'), ['№;Организация', ...UNITS.map((u, i) => `${i + 1};${u}`)].join('\r\n'));
  const c = io();
  const code = await blanks(
    [
      '--units', path.join(dir, 'units.csv'), '--out', blanksOut, '--forms', 'report,plan,monitoring',
      '--season', 'autumn', '--year', '2023', '--unit', 'Город Томск',
      '--coordinator-name', 'Петрова Анна Сергеевна', '--coordinator-post', 'методист МАУ ИМЦ',
      '--coordinator-phone', '8 (3822) 43-05-21', '--coordinator-email', 'proforient@imc.tomsk.ru',
    ],
    c.io,
  );
  expect({ code, err: c.err() }).toEqual({ code: 0, err: '' });
  expect(c.out()).toContain('Бланков записано: 66');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const blankPath = (unit: string) => path.join(blanksOut, uniqueFileNames(UNITS)[UNITS.indexOf(unit)]);

/** Is the cell editable on a protected sheet? exceljs gives the style's protection (default: locked). */
const locked = (ws: ExcelJS.Worksheet, a1: string): boolean => ws.getCell(a1).protection?.locked !== false;

describe('profkampaniya blanks', () => {
  test('one blank per school, named after it, every name safe and distinct', async () => {
    const files = (await readdir(blanksOut)).sort();
    expect(files).toHaveLength(66);
    expect(files).toEqual([...uniqueFileNames(UNITS)].sort());
    // eslint-disable-next-line no-control-regex -- no control characters in a file name
    for (const f of files) expect(f).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/);
    // The sample's names with «№» and «» keep them.
    expect(files).toContain(`${UNITS[0]}.xlsx`);
  });

  test('the blank carries the school, the campaign, the deadlines and the coordinator’s contacts', async () => {
    const unit = UNITS[5];
    const grid = readWorkbookFile(new Uint8Array(await readFile(blankPath(unit))), 'blank.xlsx');
    expect(grid.sheets.map((s) => s.name)).toEqual([BLANK_SHEET, SHEET.report, SHEET.plan, SHEET.monitoring, SHEET.settings]);
    expect(grid.sheets.find((s) => s.name === SHEET.settings)!.hidden).toBe(true);
    const cover = grid.sheets[0].cells.flat().filter((v): v is string => typeof v === 'string').join('\n');
    expect(cover).toContain(unit);
    expect(cover).toContain('Осенняя профориентационная кампания 2023 года');
    expect(cover).toContain('до 19\u00a0октября\u00a02023\u00a0г. включительно'); // schools' reports due (seed 002's calendar)
    expect(cover).toContain('до 17\u00a0сентября\u00a02023\u00a0г. включительно'); // the plan
    expect(cover).toContain('Петрова Анна Сергеевна, методист МАУ ИМЦ, тел. 8 (3822) 43-05-21, e-mail proforient@imc.tomsk.ru');
    for (const name of [SHEET.report, SHEET.plan, SHEET.monitoring]) {
      const sheet = grid.sheets.find((s) => s.name === name)!;
      expect(sheet.cells[4][0]).toBe(unit); // the unit line of the form's head
    }
  });

  test('the sheets are protected without a password: headers and the school’s name locked, input cells open', async () => {
    const unit = UNITS[5];
    const s = blankSettings(unit, CAMPAIGN);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(blankPath(unit))) as unknown as ArrayBuffer);
    for (const name of [BLANK_SHEET, SHEET.report, SHEET.plan, SHEET.monitoring]) {
      const protection = (wb.getWorksheet(name) as unknown as { sheetProtection?: { sheet?: boolean; password?: string } }).sheetProtection;
      expect({ name, on: protection?.sheet, password: protection?.password }).toEqual({ name, on: true, password: undefined });
    }
    const report = wb.getWorksheet(SHEET.report)!;
    const r = appendix3Layout(s);
    // Headers: the title, the unit line, every header cell of table 3.1; the unit in the table's row.
    expect(locked(report, r.titleCell)).toBe(true);
    expect(locked(report, r.unitCell)).toBe(true);
    for (let row = r.participation.headerTop; row <= r.participation.headerBottom; row++)
      for (let col = 1; col <= r.participation.lastColumn; col++) expect(locked(report, cellRef(row, col))).toBe(true);
    expect(locked(report, dataCell(r.participation, 'unit', 0))).toBe(true);
    expect(locked(report, dataCell(r.partners, 'unit', 0))).toBe(true);
    expect(locked(report, cellRef(r.participation.firstDataRow, r.participation.checkColumn))).toBe(true);
    // Input: the coordinator line, every count, the narrative.
    expect(locked(report, r.coordinatorCell)).toBe(false);
    for (const key of ['schools', 'events', 'participants', 'g5', 'ovzG11', 'partnersNames', 'teachersTotal'])
      expect({ key, locked: locked(report, dataCell(r.participation, key, 0)) }).toEqual({ key, locked: false });
    expect(locked(report, dataCell(r.partners, 'companiesCount', 0))).toBe(false);
    expect(locked(report, r.narrativeCell)).toBe(false);

    const plan = wb.getWorksheet(SHEET.plan)!;
    const p = appendix2Layout(s).plan;
    expect(locked(plan, cellRef(p.headerTop, 1))).toBe(true);
    expect(locked(plan, dataCell(p, 'name', 29))).toBe(false);

    const mon = wb.getWorksheet(SHEET.monitoring)!;
    const m = monitoringLayout(s).table;
    expect(locked(mon, cellRef(m.headerTop, 2))).toBe(true);
    expect(locked(mon, dataCell(m, 'unit', 0))).toBe(true);
    expect(locked(mon, dataCell(m, aKey('pupils'), 0))).toBe(false);
    expect(locked(mon, dataCell(m, bKey('diagnostics'), 0))).toBe(false);
    expect(locked(mon, dataCell(m, 'pupilsX', 0))).toBe(true); // X is computed
    expect(locked(mon, dataCell(m, EDUCATION_LEVELS[1].key, 0))).toBe(false);
  });
});

/** A school fills its blank as it would in Excel: only the open cells, the sheets stay protected. */
async function fillBlank(school: SchoolFigures, i: number): Promise<Uint8Array> {
  const s = blankSettings(school.unit, CAMPAIGN);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(blankPath(school.unit))) as unknown as ArrayBuffer);
  const set = (ws: ExcelJS.Worksheet, a1: string, v: string | number) => {
    if (locked(ws, a1)) throw new Error(`Ячейка ${a1} листа «${ws.name}» защищена — школа не смогла бы её заполнить`);
    ws.getCell(a1).value = v;
  };
  const report = wb.getWorksheet(SHEET.report)!;
  const r = appendix3Layout(s);
  const p = (key: string, v: string | number) => set(report, dataCell(r.participation, key, 0), v);
  const participants = school.grades.reduce((a, b) => a + b, 0);
  const ovzParticipants = school.ovzGrades.reduce((a, b) => a + b, 0);
  const names = PARTNER_CATEGORIES.flatMap((c) => school.partners[c]);
  set(report, r.coordinatorCell, `Иванова И.И., заместитель директора, 8 (3822) 90-00-${String(i).padStart(2, '0')}`);
  p('schools', 1);
  p('schoolsActive', 1);
  p('events', school.events);
  p('students', school.students);
  p('participants', participants);
  GRADES.forEach((g, k) => {
    p(`g${g}`, school.grades[k]);
    p(`ovzG${g}`, school.ovzGrades[k]);
  });
  p('teachers', school.teachers);
  p('teachersTotal', school.teachersTotal);
  p('ovzStudents', school.ovzStudents);
  p('ovzParticipants', ovzParticipants);
  p('partnersCount', names.length);
  if (names.length) p('partnersNames', names.join('; '));
  const q = (key: string, v: string | number) => set(report, dataCell(r.partners, key, 0), v);
  q('partnersTotal', names.length);
  for (const c of PARTNER_CATEGORIES) {
    q(`${c}Count`, school.partners[c].length);
    if (school.partners[c].length) q(`${c}Names`, school.partners[c].join('; '));
  }
  const plan = wb.getWorksheet(SHEET.plan)!;
  const t = appendix2Layout(s).plan;
  school.plan.slice(0, 3).forEach((e, k) => {
    for (const [key, v] of Object.entries(e)) if (v !== '' && v !== null && v !== undefined) set(plan, dataCell(t, key, k), v as string | number);
  });
  if (WITH_MONITORING(i)) {
    const mon = wb.getWorksheet(SHEET.monitoring)!;
    const m = monitoringLayout(s).table;
    const x = (key: string, v: number) => set(mon, dataCell(m, key, 0), v);
    x(aKey('pupils'), participants);
    x(bKey('pupils'), school.students);
    x(aKey('ovz'), ovzParticipants);
    x(bKey('ovz'), school.ovzStudents);
    x(aKey('teachers'), school.teachers);
    x(bKey('teachers'), school.teachersTotal);
    x(aKey('events'), school.events);
    x(bKey('events'), school.plan.length);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('blanks filled and sent back merge with no manual step', () => {
  test('the 60 returned blanks merge into exactly the expected schools; the 6 unfilled are the missing ones', async () => {
    const mailbox = path.join(dir, 'почта');
    await mkdir(mailbox);
    const filled = SAMPLE.schools.filter((s) => !UNFILLED.has(s.unit));
    for (const [i, school] of filled.entries()) {
      const bytes = await fillBlank(school, i);
      // One school (with the monitoring form filled) works in LibreOffice and sends its blank back as .ods.
      if (i === 6) await writeFile(path.join(mailbox, path.basename(blankPath(school.unit)).replace(/\.xlsx$/, '.ods')), await saveAs(bytes, 'ods'));
      else await writeFile(path.join(mailbox, path.basename(blankPath(school.unit))), bytes);
    }
    // One school sends its blank back without filling it in.
    const untouched = UNITS[30];
    await writeFile(path.join(mailbox, path.basename(blankPath(untouched))), await readFile(blankPath(untouched)));
    // What was sent back is still protected.
    const check = new ExcelJS.Workbook();
    await check.xlsx.load((await readFile(path.join(mailbox, path.basename(blankPath(filled[0].unit))))) as unknown as ArrayBuffer);
    expect((check.getWorksheet(SHEET.report) as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);

    const out = path.join(dir, 'свод.xlsx');
    const c = io();
    const code = await merge(
      [mailbox, '--out', out, '--units', path.join(dir, 'units.csv'), '--unit', 'Город Томск', '--season', 'autumn', '--year', '2023', '--json'],
      c.io,
    );
    expect({ code, err: c.err() }).toEqual({ code: 0, err: '' });
    const json = JSON.parse(c.out()) as MergeJson;
    expect(json.files).toHaveLength(61);
    expect(json.files.filter((f) => f.file.endsWith('.ods'))).toEqual([expect.objectContaining({ unit: filled[6].unit, status: 'merged', errors: 0 })]);
    const empty = path.basename(blankPath(untouched));
    expect(json.files.filter((f) => f.file !== empty && (f.status !== 'merged' || f.errors > 0))).toEqual([]);
    // The untouched blank is not a report: refused with the reason; its school sent something, so it reads
    // «прислал, отклонён» (ask for a filled one), not «не прислал».
    expect(json.files.find((f) => f.file === empty)).toMatchObject({ status: 'refused', reason: expect.stringContaining('нет ни одной заполненной строки') });
    expect(json.offList).toEqual([]);
    expect(json.missing).toEqual(UNITS.filter((u) => UNFILLED.has(u) && u !== untouched));
    expect(json.refused).toEqual([untouched]);
    expect(json.organisations.find((o) => o.unit === untouched)).toMatchObject({ status: 'refused', label: 'прислал, отклонён' });
    expect(new Set(json.files.filter((f) => f.status === 'merged').map((f) => f.unit))).toEqual(new Set(filled.map((s) => s.unit)));
    expect(json.totals.participants).toBe(filled.reduce((n, s) => n + s.grades.reduce((a, b) => a + b, 0), 0));
    expect(json.totals.students).toBe(filled.reduce((n, s) => n + s.students, 0));

    const wb = readWorkbookFile(new Uint8Array(await readFile(out)), 'свод.xlsx');
    const detail = wb.sheets.find((s) => s.name === SHEET.detail)!;
    const unitCol = detailColumn('unit') - 1;
    const detailUnits = detail.cells.slice(DETAIL_FIRST_ROW - 1, DETAIL_FIRST_ROW - 1 + 60).map((r) => r[unitCol]);
    expect(new Set(detailUnits)).toEqual(new Set(filled.map((s) => s.unit)));

    // The monitoring forms of every third school, one row each, named as on the list.
    const mon = wb.sheets.find((s) => s.name === SHEET_MONITORING_CONSOLIDATED)!;
    expect(mon).toBeDefined();
    const withMonitoring = filled.filter((_, i) => WITH_MONITORING(i)).map((s) => s.unit);
    const listed = mon.cells.map((r) => r[0]).filter((v): v is string => typeof v === 'string' && withMonitoring.includes(v));
    // In the order of the merged units (the detail sheet's).
    expect(listed).toEqual(detailUnits.filter((u): u is string => typeof u === 'string' && withMonitoring.includes(u)));

    // The coordinator types the plan into the targets block, then merges again into the same file (a late blank
    // arrived): the plan stays, and the note says which target was not met.
    const L = monitoringSheetLayout(withMonitoring.length);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
    book.getWorksheet(SHEET_MONITORING_CONSOLIDATED)!.getCell(L.targetRow.pupils, 2).value = 99;
    book.getWorksheet(SHEET_MONITORING_CONSOLIDATED)!.getCell(L.targetRow.teachers, 2).value = 10;
    await writeFile(out, new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer));
    const late = SAMPLE.schools.find((s) => s.unit === UNITS[65])!;
    await writeFile(path.join(mailbox, path.basename(blankPath(late.unit))), await fillBlank(late, 1));
    const again = io();
    const code2 = await merge(
      [mailbox, '--out', out, '--units', path.join(dir, 'units.csv'), '--json'],
      again.io,
    );
    expect({ code: code2, err: again.err() }).toEqual({ code: 0, err: '' });
    expect((JSON.parse(again.out()) as MergeJson).missing).toEqual(UNITS.filter((u) => UNFILLED.has(u) && u !== late.unit && u !== untouched));
    const after = readWorkbookFile(new Uint8Array(await readFile(out)), 'свод.xlsx');
    const targets = after.sheets.find((s) => s.name === SHEET_MONITORING_CONSOLIDATED)!;
    expect(targets.cells[L.targetRow.pupils - 1][1]).toBe(99);
    expect(targets.cells[L.targetRow.teachers - 1][1]).toBe(10);
    const monitored = filled.filter((_, i) => WITH_MONITORING(i));
    const fact = (monitored.reduce((n, s) => n + s.grades.reduce((a, b) => a + b, 0), 0) * 100) / monitored.reduce((n, s) => n + s.students, 0);
    expect(fact).toBeLessThan(99);
    const note = after.sheets.find((s) => s.name === SHEET.note)!.cells.flat().filter((v): v is string => typeof v === 'string');
    expect(note.find((t) => t.startsWith('Целевые показатели'))).toMatch(
      new RegExp(`^Целевые показатели выполнены, кроме: доля обучающихся, вовлечённых в профориентационные мероприятия \\(план 99\u00a0%, факт ${String(Math.round(fact * 10) / 10).replace('.', ',')}\u00a0%\\)\\.`),
    );
  });
});
