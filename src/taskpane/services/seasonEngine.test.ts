import { sampleSchoolWorkbooks } from '../../domain/sample/schoolWorkbooks';
import { writeXlsx } from '../../files/xlsxWriter';
import { SeasonEngine, type PickedFile } from './seasonEngine';
import { CancelledByUser, seasonOver } from './seasonClient';
import { FILES_PER_MESSAGE, type SeasonReply } from './seasonProtocol';
import { seasonWorker } from './seasonWork';
import { seasonOnPage } from './seasonOnPage';
import { readOne } from './readOne';
import { planToGrid } from '../../../test/support/formGrids';
import { SHEET } from '../../domain/sheetNames';
import { REGISTER_HEADER_ROW, REGISTER_STATUS_COLUMN } from '../../domain/consolidate/registerSheet';
import { STRINGS } from '../strings';
// Slow on purpose (whole workbooks): tests build, write or apply full consolidated workbooks (thousands of cells) in process.
jest.setTimeout(60_000);

async function picked(schools: number): Promise<{ files: PickedFile[]; sample: ReturnType<typeof sampleSchoolWorkbooks> }> {
  const sample = sampleSchoolWorkbooks({ schools, late: 1, twice: false, broken: true });
  const files: PickedFile[] = [];
  for (const f of sample.files) {
    const bytes = f.workbook ? await writeXlsx(f.workbook) : f.bytes!;
    files.push({ name: f.file, lastModified: new Date(f.received).getTime(), size: bytes.length, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer });
  }
  return { files, sample };
}

test('files picked once are read once: the check and then the merge of the same files share what was read', async () => {
  const { files, sample } = await picked(3);
  let reads = 0;
  const engine = new SeasonEngine((f, s) => (reads++, readOne(f, s)), 2);
  const season = seasonOnPage(engine);
  const progress: string[] = [];
  const check = await season.check(files, sample.settings, { onProgress: (p) => progress.push(`${p.done}/${p.total}`) });
  expect(check.files).toBe(4);
  expect(check.unreadable).toBe(1);
  expect(progress).toEqual(['1/4', '2/4', '3/4', '4/4']);
  expect(check.rows[0].status).toBe('unreadable');
  const merged = await season.merge(files, { settings: sample.settings, expectedUnits: sample.expectedUnits, mergeWithErrors: false }, 'plan');
  expect(reads).toBe(4);
  expect(merged.view.merged).toBe(3);
  expect(merged.plan?.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Свод по ОО', 'Показатели']));
  // The plan goes from the season worker to the page (office.js writes it there) as a message: every row held,
  // none a function that makes it.
  expect(structuredClone(merged.plan)).toEqual(merged.plan);
  // The figures on screen are the core's: one late school.
  expect(merged.view.figures.reports.late).toBe(1);
  // Problems first: the late school leads the table; the damaged copy is named under its school.
  expect(merged.view.rows.map((r) => r.status)).toEqual(['late', 'onTime', 'onTime']);
  const broken = sample.files.find((f) => !f.workbook)!;
  expect(merged.view.rows.find((r) => r.unit === broken.unit)?.otherFiles).toEqual([expect.stringMatching(new RegExp(`^«${broken.file.replace(/[()]/g, '\\$&')}»: прислал, отклонён`))]);
  // Other settings (another year) read the files again.
  await season.check(files, { ...sample.settings, year: sample.settings.year + 1 });
  expect(reads).toBe(8);
});

test('each file is read knowing how many are read with it (the season worker splits the reading of small picks)', async () => {
  const { files, sample } = await picked(3);
  const sizes: (number | undefined)[] = [];
  const engine = new SeasonEngine((f, s, pickSize) => (sizes.push(pickSize), readOne(f, s)), 2);
  await engine.receive(files, sample.settings);
  expect(sizes).toEqual(files.map(() => files.length));
});

test('a cancel stops between files and is reported as a cancel, not as an error', async () => {
  const { files, sample } = await picked(3);
  const season = seasonOnPage(new SeasonEngine(readOne, 1));
  const abort = new AbortController();
  const run = season.check(files, sample.settings, { signal: abort.signal, onProgress: (p) => p.done === 1 && abort.abort() });
  await expect(run).rejects.toBeInstanceOf(CancelledByUser);
  await expect(run).rejects.toThrow(/Отменено: прочитано [1-3] из 4\. Ничего не записано\./);
});

test('attachments saved after the deadline: the pane shows no school late, «срок не подтверждён» with what to do', async () => {
  const { files, sample } = await picked(3);
  // Saved together, a week after the deadline, as a mail client saves every attachment at once.
  const saved = files.map((f) => ({ ...f, lastModified: new Date('2023-10-26T09:15:00').getTime() }));
  const season = seasonOnPage(new SeasonEngine(readOne, 1));
  const merged = await season.merge(saved, { settings: sample.settings, expectedUnits: sample.expectedUnits, mergeWithErrors: false }, 'plan');
  expect(merged.view.unconfirmed).toBe(3);
  expect(merged.view.figures.reports.late).toBe(0);
  expect(merged.view.rows.map((r) => r.status)).toEqual(['unconfirmed', 'unconfirmed', 'unconfirmed']);
  expect(merged.view.rows[0].reason).toContain('впишите дату получения в столбец «Получен» листа «Реестр отчётов»');
});

test('the pane counts refused files, superseded ones and duplicate sheets as «Реестр отчётов» lists them, and says so', async () => {
  const sample = sampleSchoolWorkbooks({ schools: 4, late: 0, twice: true, broken: true });
  const files: PickedFile[] = [];
  for (const f of sample.files) {
    // One school's workbook carries its report twice: the second sheet is set aside, as the register says.
    const wb = f.workbook && f === sample.files[0] ? { ...f.workbook, sheets: [...f.workbook.sheets, ...f.workbook.sheets.map((s) => ({ ...s, name: `${s.name} (2)` }))] } : f.workbook;
    const bytes = wb ? await writeXlsx(wb) : f.bytes!;
    files.push({ name: f.file, lastModified: new Date(f.received).getTime(), size: bytes.length, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer });
  }
  const merged = await seasonOnPage(new SeasonEngine(readOne, 1)).merge(files, { settings: sample.settings, expectedUnits: sample.expectedUnits, mergeWithErrors: false }, 'plan');
  const register = planToGrid(merged.plan!.sheets.find((s) => s.name === SHEET.register)!).cells;
  const statuses = register.slice(REGISTER_HEADER_ROW).map((r) => String(r[REGISTER_STATUS_COLUMN - 1] ?? '')).filter(Boolean);
  const lines = (re: RegExp) => statuses.filter((s) => re.test(s)).length;
  const r = merged.view.receipt;
  expect(r.setAside).toBeGreaterThan(0);
  expect(r.superseded).toBeGreaterThan(0);
  expect({ merged: r.merged, superseded: r.superseded, refused: r.refused, lines: r.reports }).toEqual({
    // A merged line is worded by its fate («в срок», «с опозданием», «в своде с ошибками (2)»…): every other line.
    merged: statuses.length - lines(/^заменён/) - lines(/^отклонён/) - lines(/^не отчёт/),
    superseded: lines(/^заменён/),
    refused: lines(/^отклонён/),
    lines: statuses.length,
  });
  // The figures the pane draws carry the same counts, and the summary line names them.
  expect(merged.view.figures.receipt).toEqual(r);
  expect(STRINGS.ru.mergeDone(merged.view.merged, merged.view.refused, merged.view.missing, r)).toContain(`отклонены ${r.refused} (из них повторные или скрытые листы: ${r.setAside})`);
});

test('a thousand picked files reach the worker in batches, one message per task, and every file is read in order', async () => {
  const names = Array.from({ length: 250 }, (_, i) => `Школа ${i + 1}.xlsx`);
  const files: PickedFile[] = names.map((name) => ({ name, lastModified: 0, arrayBuffer: async () => new ArrayBuffer(0) }));
  const read: string[] = [];
  const engine = new SeasonEngine(async (f) => (read.push(f.name), [{ file: f.name, received: '2023-10-18T10:00', error: 'не таблица' }]), 4);
  let reply: (r: SeasonReply) => void = () => undefined;
  const handle = seasonWorker(engine, (r) => setTimeout(() => reply(r), 0));
  const sent: { type: string; files: number }[] = [];
  const season = seasonOver({ send: (m) => (sent.push({ type: m.type, files: 'files' in m ? m.files.length : 0 }), handle(m)), onReply: (fn) => (reply = fn) });
  const check = season.check(files, sampleSchoolWorkbooks({ schools: 1 }).settings);
  // The first batch goes at once; the next only after the page has had a turn.
  expect(sent).toEqual([{ type: 'files', files: FILES_PER_MESSAGE }]);
  const view = await check;
  // 250 files: whole batches ahead, the request with the rest (or with a whole last batch).
  const whole = Math.floor((250 - 1) / FILES_PER_MESSAGE);
  expect(sent).toEqual([...Array.from({ length: whole }, () => ({ type: 'files', files: FILES_PER_MESSAGE })), { type: 'check', files: 250 - whole * FILES_PER_MESSAGE }]);
  expect(sent.length).toBeGreaterThan(2);
  expect(view.files).toBe(250);
  expect(view.unreadable).toBe(250);
  expect(read).toEqual(names);
  expect(view.rows.map((r) => r.file)).toEqual(expect.arrayContaining(names));
});

test('files go to the worker when picked: the check and the merge of them then send no file again, and read each once', async () => {
  const { files, sample } = await picked(3);
  const read: string[] = [];
  const engine = new SeasonEngine(async (f, s) => (read.push(f.name), readOne(f, s)), 2);
  let reply: (r: SeasonReply) => void = () => undefined;
  const handle = seasonWorker(engine, (r) => setTimeout(() => reply(r), 0));
  const sent: { type: string; files: number }[] = [];
  const season = seasonOver({ send: (m) => (sent.push({ type: m.type, files: 'files' in m ? m.files.length : 0 }), handle(m)), onReply: (fn) => (reply = fn) });
  season.pick(files);
  // Sent at once (a few files: one batch), before anything is asked.
  expect(sent).toEqual([{ type: 'picked', files: 4 }]);
  const check = await season.check(files, sample.settings);
  expect(check.files).toBe(4);
  const merged = await season.merge(files, { settings: sample.settings, expectedUnits: sample.expectedUnits, mergeWithErrors: false }, 'plan');
  expect(merged.view.merged).toBe(3);
  expect(sent).toEqual([{ type: 'picked', files: 4 }, { type: 'check', files: 0 }, { type: 'merge', files: 0 }]);
  expect(read.sort()).toEqual(files.map((f) => f.name).sort());
  // Other files picked: the new pick goes; a merge of files never picked sends them with the request, as before.
  const other = files.slice(0, 2);
  const direct = await season.merge(other, { settings: sample.settings, expectedUnits: sample.expectedUnits, mergeWithErrors: false }, 'plan');
  expect(direct.view.merged).toBe(2);
  expect(sent.at(-1)).toEqual({ type: 'merge', files: 2 });
});

test('a check asked for while the picked files are still on their way starts reading at once and reads every file, in order', async () => {
  const names = Array.from({ length: 250 }, (_, i) => `Школа ${i + 1}.xlsx`);
  const files: PickedFile[] = names.map((name) => ({ name, lastModified: 0, arrayBuffer: async () => new ArrayBuffer(0) }));
  const read: string[] = [];
  let picksWhenFirstRead = -1;
  const sent: { type: string; files: number }[] = [];
  const engine = new SeasonEngine(async (f) => {
    if (read.length === 0) picksWhenFirstRead = sent.filter((m) => m.type === 'picked').length;
    read.push(f.name);
    // A file takes a while: batches arrive while every lane is reading, the last of them too.
    await new Promise((resolve) => setTimeout(resolve, 1));
    return [{ file: f.name, received: '2023-10-18T10:00', error: 'не таблица' }];
  }, 4);
  let reply: (r: SeasonReply) => void = () => undefined;
  const handle = seasonWorker(engine, (r) => setTimeout(() => reply(r), 0));
  const season = seasonOver({ send: (m) => (sent.push({ type: m.type, files: 'files' in m ? m.files.length : 0 }), handle(m)), onReply: (fn) => (reply = fn) });
  season.pick(files);
  const totals = new Set<number>();
  const check = season.check(files, sampleSchoolWorkbooks({ schools: 1 }).settings, { onProgress: (p) => totals.add(p.total) });
  // The request follows the first batch at once, not the last.
  expect(sent).toEqual([{ type: 'picked', files: 8 }, { type: 'check', files: 0 }]);
  const view = await check;
  expect(picksWhenFirstRead).toBe(1);
  expect(sent.filter((m) => m.type === 'picked').reduce((n, m) => n + m.files, 0)).toBe(250);
  expect(view.files).toBe(250);
  expect(read).toEqual(names);
  expect([...totals]).toEqual([250]);
}, 10_000);

test('other files picked while a check of the last pick still receives it: the check reads all of its own files, the new pick is kept too', async () => {
  const make = (prefix: string, n: number): PickedFile[] => Array.from({ length: n }, (_, i) => ({ name: `${prefix} ${i + 1}.xlsx`, lastModified: 0, arrayBuffer: async () => new ArrayBuffer(0) }));
  const first = make('Школа', 200);
  const second = make('Лицей', 30);
  const read: string[] = [];
  const engine = new SeasonEngine(async (f) => (read.push(f.name), [{ file: f.name, received: '2023-10-18T10:00', error: 'не таблица' }]), 3);
  let reply: (r: SeasonReply) => void = () => undefined;
  const handle = seasonWorker(engine, (r) => setTimeout(() => reply(r), 0));
  const season = seasonOver({ send: (m) => handle(m), onReply: (fn) => (reply = fn) });
  const { settings } = sampleSchoolWorkbooks({ schools: 1 });
  season.pick(first);
  const check = season.check(first, settings);
  season.pick(second);
  const view = await check;
  expect(view.files).toBe(200);
  expect(read.filter((n) => n.startsWith('Школа'))).toEqual(first.map((f) => f.name));
  const again = await season.check(second, settings);
  expect(again.files).toBe(30);
}, 10_000);

test('a check naming a pick the worker never had fails with what to do, rather than reading nothing or waiting', () => {
  const replies: SeasonReply[] = [];
  const handle = seasonWorker(new SeasonEngine(async () => [], 1), (r) => replies.push(r));
  handle({ id: 7, type: 'check', files: [], settings: sampleSchoolWorkbooks({ schools: 1 }).settings, picked: 3 });
  expect(replies).toEqual([{ id: 7, type: 'failed', message: expect.stringContaining('Выберите их ещё раз') }]);
});

test('a check cancelled while the picked files are still on their way stops, and a merge of the same pick then reads them all', async () => {
  const names = Array.from({ length: 120 }, (_, i) => `Школа ${i + 1}.xlsx`);
  const files: PickedFile[] = names.map((name) => ({ name, lastModified: 0, arrayBuffer: async () => new ArrayBuffer(0) }));
  const engine = new SeasonEngine(async (f) => [{ file: f.name, received: '2023-10-18T10:00', error: 'не таблица' }], 2);
  let reply: (r: SeasonReply) => void = () => undefined;
  const handle = seasonWorker(engine, (r) => setTimeout(() => reply(r), 0));
  const season = seasonOver({ send: (m) => handle(m), onReply: (fn) => (reply = fn) });
  const { settings, expectedUnits } = sampleSchoolWorkbooks({ schools: 1 });
  season.pick(files);
  const stop = new AbortController();
  const check = season.check(files, settings, { signal: stop.signal });
  stop.abort();
  await expect(check).rejects.toBeInstanceOf(CancelledByUser);
  const merged = await season.merge(files, { settings, expectedUnits, mergeWithErrors: false }, 'plan');
  expect(merged.view.receipt.files).toBe(120);
});

test('the merged workbook comes back as a file to download (a Blob of .xlsx type), made where it was written, holding the Свод', async () => {
  const { files, sample } = await picked(2);
  const merged = await seasonOnPage(new SeasonEngine(readOne, 1)).merge(files, { settings: sample.settings, expectedUnits: sample.expectedUnits, mergeWithErrors: false }, 'bytes');
  expect(merged.bytes).toBeInstanceOf(Blob);
  const file = merged.bytes as Blob;
  expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const { readWorkbookFile } = await import('../../files/readWorkbook');
  const book = readWorkbookFile(new Uint8Array(await file.arrayBuffer()), 'свод.xlsx');
  expect(book.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([SHEET.detail, SHEET.register]));
});
