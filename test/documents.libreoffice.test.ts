/**
 * The order's Word form filled by municipalities and saved by LibreOffice Writer as .docx, .odt and .doc (hands
 * other than ours): read, checked and merged to the same totals as the same reports sent as workbooks.
 */
import * as XLSX from '@e965/xlsx';
import { mergeReports, type ReceivedFile } from '../src/domain/consolidate/merge';
import { receiveBytes, receiveGrid } from '../src/files/receiveFiles';
import { readInput } from '../src/files/receiveInput';
import { readWorkbookFile } from '../src/files/readWorkbook';
import { readForms } from '../src/domain/read';
import { checkWorkbook } from '../src/domain/rules';
import { defaultSettings } from '../src/domain/settings';
import { convertDocument } from './support/libreoffice';
import { appendix3Html, appendix3Workbook, MUNICIPALITIES, withEmbeddedObjects, type MunicipalReport } from './support/wordForms';

jest.setTimeout(240_000);

const settings = defaultSettings('spring', 2024, { unit: 'Томская область', level: 'region' });
const FORMATS = ['docx', 'odt', 'doc'] as const;
const html = (r: MunicipalReport) => new TextEncoder().encode(appendix3Html(r));
const sum = (a: number[]) => a.reduce((s, x) => s + x, 0);

const documents: Record<string, Uint8Array> = {};
beforeAll(async () => {
  // One LibreOffice at a time: the machine's cores are shared.
  for (const [i, r] of MUNICIPALITIES.entries())
    for (const f of FORMATS) documents[`${i}.${f}`] = await convertDocument(html(r), `отчёт ${i + 1}.html`, f);
});

describe.each(FORMATS)('a municipal report in the order\'s Word form, saved as .%s by LibreOffice', (format) => {
  it('is read to the figures typed, with the unit and coordinator above the tables and no problem found', () => {
    MUNICIPALITIES.forEach((r, i) => {
      const read = readForms(readWorkbookFile(documents[`${i}.${format}`], `${r.unit}.${format}`), { year: 2024 });
      const problems = checkWorkbook(read, settings);
      expect(problems).toEqual([]);
      expect(read.report!.header).toEqual({ unit: r.unit, coordinator: r.coordinator });
      const [p] = read.report!.participation;
      expect(read.report!.participation).toHaveLength(1);
      expect([p.schools.value, p.schoolsActive.value, p.events.value, p.teachers.value]).toEqual([r.schools, r.schoolsActive, r.events, r.teachers]);
      expect([p.students.value, p.participants.value, p.ovzStudents.value, p.ovzParticipants.value]).toEqual([r.students, sum(r.grades), r.ovzStudents, sum(r.ovzGrades)]);
      expect(p.grades.map((g) => g.value)).toEqual(r.grades);
      expect(p.ovzGrades.map((g) => g.value)).toEqual(r.ovzGrades);
      expect(p.partnersNames.value).toEqual(r.partners);
      expect(p.source).toEqual({ file: `${r.unit}.${format}`, sheet: 'таблица 3.1', row: 1 });
      const [q] = read.report!.partners;
      expect(q.partnersTotal.value).toBe(r.partnersTotal);
      expect([q.professionalEducation, q.companies, q.business, q.community].map((c) => c.names.value ?? [])).toEqual(r.categories);
      expect(q.source.sheet).toBe('таблица 3.2');
    });
  });
});

describe.each(FORMATS)('a .%s report read by a reading thread (the command line\'s worker, the pane\'s reading worker)', (format) => {
  it('reaches the thread that finds the forms intact: its grids survive the message and give what reading it whole gives', async () => {
    const [r] = MUNICIPALITIES;
    const bytes = documents[`0.${format}`];
    const name = `${r.unit}.${format}`;
    const read = await readInput(bytes, name, '2024-04-10T10:00:00', settings, () => 'отпечаток');
    if (Array.isArray(read)) throw new Error(`прочитан целиком, а не до таблиц: ${JSON.stringify(read[0]).slice(0, 200)}`);
    // What postMessage does to it between threads (the HTML structured clone, as Node's and the browser's workers).
    const arrived = structuredClone(read);
    const found = receiveGrid(arrived.grid, arrived.received, settings, arrived.fingerprint);
    expect(found).toEqual(receiveBytes(bytes, name, '2024-04-10T10:00:00', settings, 'отпечаток'));
    if ('error' in found) throw new Error(found.error);
    expect(found.read.report?.participation).toHaveLength(1);
  });
});

function merged(files: { name: string; bytes: Uint8Array }[]) {
  const received: ReceivedFile[] = files.map((f, i) => receiveBytes(f.bytes, f.name, `2024-04-1${i}T10:00:00`, settings));
  return mergeReports({ files: received, expectedUnits: MUNICIPALITIES.map((r) => r.unit), deadline: '2024-04-11', policy: 'refuse-errors' });
}

describe('municipal reports as Word documents merge like workbooks', () => {
  const asWorkbooks = () => merged(MUNICIPALITIES.map((r) => ({ name: `${r.unit}.xlsx`, bytes: appendix3Workbook(r, settings) })));

  it.each([['docx'], ['odt'], ['doc'], ['docx, odt and doc mixed']])('to the same totals as the same reports in workbooks (%s)', (which) => {
    const ext = (i: number) => (which.includes('mixed') ? FORMATS[i % FORMATS.length] : which);
    const result = merged(MUNICIPALITIES.map((r, i) => ({ name: `${r.unit}.${ext(i)}`, bytes: documents[`${i}.${ext(i)}`] })));
    const books = asWorkbooks();
    expect(books.files.map((f) => f.status)).toEqual(['merged', 'merged', 'merged']);
    expect(result.files.map((f) => [f.status, f.reason])).toEqual(books.files.map(() => ['merged', '']));
    expect(result.totals).toEqual(books.totals);
    // Known totals, from the figures typed.
    expect(result.totals.participants).toBe(sum(MUNICIPALITIES.map((r) => sum(r.grades))));
    expect(result.totals.students).toBe(sum(MUNICIPALITIES.map((r) => r.students)));
    expect(result.totals.events).toBe(sum(MUNICIPALITIES.map((r) => r.events)));
    expect(result.totals.partners.distinct).toBe(books.totals.partners.distinct);
    expect(result.units.map((u) => u.unit)).toEqual(books.units.map((u) => u.unit));
    // Provenance for «Свод по ОО»: the file, the table and the row under its header.
    expect(result.units.map((u) => u.participation.source)).toEqual(MUNICIPALITIES.map((r, i) => ({ file: `${r.unit}.${ext(i)}`, sheet: 'таблица 3.1', row: 1 })));
  });

  it('keeps the later file of a unit, and says which report came late', () => {
    const r = MUNICIPALITIES[0];
    const result = merged([
      { name: 'первый.docx', bytes: documents['0.docx'] },
      { name: 'второй.odt', bytes: documents['0.odt'] },
    ]);
    expect(result.files.map((f) => f.status)).toEqual(['superseded', 'merged']);
    expect(result.units.map((u) => [u.unit, u.file, u.onTime])).toEqual([[r.unit, 'второй.odt', true]]);
    const late = merged(MUNICIPALITIES.map((m, i) => ({ name: `${m.unit}.docx`, bytes: documents[`${i}.docx`] })));
    // Received on the 10th, 11th and 12th of April; due on the 11th.
    expect(late.units.map((u) => u.onTime)).toEqual([true, true, false]);
  });
});

describe('a problem in a Word form is located by table, row and column', () => {
  it('names the table, the row under its header and the column as titled', async () => {
    const r = MUNICIPALITIES[0];
    const text = appendix3Html(r).replace('<p>33</p>', '<p>тридцать три</p>').replace('принявших участие в профориентационных мероприятиях – 438 чел.', 'принявших участие в профориентационных мероприятиях – 440 чел.');
    const bytes = await convertDocument(new TextEncoder().encode(text), 'ошибки.html', 'docx');
    const read = readForms(readWorkbookFile(bytes, 'ошибки.docx'), { year: 2024 });
    const problems = checkWorkbook(read, settings);
    const unreadable = problems.find((p) => p.code === 'value-unreadable')!;
    expect([unreadable.sheet, unreadable.cell]).toEqual(['таблица 3.1', 'строка 1, столбец «Общее количество педагогов…»']);
    expect(unreadable.message).toContain('тридцать три');
    const sums = problems.filter((p) => p.cell.includes('Общее количество обучающихся'));
    expect(sums.length).toBeGreaterThan(0);
    expect(sums.every((p) => p.sheet === 'таблица 3.1' && p.cell.startsWith('строка 1, столбец «'))).toBe(true);
  });
});

describe('a Word 97–2003 form with an Excel sheet and a Word object pasted in', () => {
  it('reads as the same form without them (LibreOffice wrote the objects into ObjectPool)', async () => {
    const r = MUNICIPALITIES[0];
    const bytes = await convertDocument(await withEmbeddedObjects(documents['0.odt']), 'с объектами.odt', 'doc');
    // The objects are really there, each with the stream that used to mislead the reader.
    const paths = (XLSX.CFB.read(bytes, { type: 'array' }) as { FullPaths: string[] }).FullPaths;
    expect(paths.filter((p) => /ObjectPool\/[^/]+\/(Workbook|WordDocument)$/.test(p)).map((p) => p.replace(/^.*\//, '')).sort()).toEqual(['WordDocument', 'Workbook']);
    const withObjects = readForms(readWorkbookFile(bytes, `${r.unit}.doc`), { year: 2024 });
    const plain = readForms(readWorkbookFile(documents['0.doc'], `${r.unit}.doc`), { year: 2024 });
    expect(checkWorkbook(withObjects, settings)).toEqual([]);
    expect(withObjects.report!.header).toEqual({ unit: r.unit, coordinator: r.coordinator });
    expect(withObjects.report!.participation).toEqual(plain.report!.participation);
    expect(withObjects.report!.partners.map((p) => p.partnersTotal.value)).toEqual(plain.report!.partners.map((p) => p.partnersTotal.value));
    const result = merged([{ name: `${r.unit}.doc`, bytes }]);
    expect(result.files.map((f) => [f.status, f.reason])).toEqual([['merged', '']]);
    expect(result.totals.participants).toBe(sum(r.grades));
  });
});

describe('a Word 97–2003 .doc that cannot be read', () => {
  it('is refused with a message saying to save it as .docx, and listed in the register as refused', () => {
    // A compound file with a «WordDocument» stream that is not Word's.
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, 'WordDocument', new Uint8Array(1024).fill(7));
    const broken = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
    const result = merged([{ name: 'Бакчарский район.doc', bytes: broken }]);
    expect(result.files[0].status).toBe('refused');
    expect(result.files[0].reason).toMatch(/сохраните как «Документ Word \(\.docx\)»/);
    // The register lists the file as refused (its unit told by the file name), the others as missing.
    expect(result.missing).toEqual(MUNICIPALITIES.slice(0, 2).map((r) => r.unit));
  });
});
