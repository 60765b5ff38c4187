import JSZip from 'jszip';
import * as XLSX from '@e965/xlsx';
import { defaultSettings } from '../../domain/settings';
import { SHEET } from '../../domain/sheetNames';
import { writeXlsx } from '../../files/xlsxWriter';
import { BlanksCancelled, unitsFromFile, zipBlanks } from './blanks';

const settings = { ...defaultSettings('autumn', 2026), unit: 'Александровский район' };
const picked = (name: string, bytes: Uint8Array) => ({ name, lastModified: 0, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer });

test('a coordinator’s list of three schools gives a zip of three blanks, each with its school in the report form', async () => {
  const seen: string[] = [];
  const { zip, files } = await zipBlanks(['МБОУ СОШ № 1', 'МАОУ «Лицей» г. Томска', 'сош № 1', 'Школа: филиал/2'], { settings, forms: ['report', 'plan'] }, {
    onProgress: (p) => seen.push(`${p.done + 1}/${p.total} ${p.unit}`),
  });
  expect(files).toContain('Школа филиал 2.xlsx');
  expect(seen[0]).toBe(`1/${files.length} МБОУ СОШ № 1`);
  const read = await JSZip.loadAsync(zip);
  expect(Object.keys(read.files).sort()).toEqual([...files].sort());
  const wb = XLSX.read(await read.file('МАОУ «Лицей» г. Томска.xlsx')!.async('uint8array'));
  expect(wb.SheetNames).toEqual(expect.arrayContaining(['Бланк', SHEET.report, SHEET.plan]));
  expect(XLSX.utils.sheet_to_csv(wb.Sheets[SHEET.report])).toContain('МАОУ «Лицей» г. Томска');
});

test('«Отмена» stops between blanks and says how many were made', async () => {
  const abort = new AbortController();
  const run = zipBlanks(['Школа 1', 'Школа 2', 'Школа 3'], { settings }, { signal: abort.signal, onProgress: (p) => p.done === 1 && abort.abort() });
  await expect(run).rejects.toThrow(BlanksCancelled);
  await expect(run).rejects.toThrow('Создание бланков остановлено: бланков готово 1 из 3.');
});

test('an empty list is refused in Russian with what to do', async () => {
  await expect(zipBlanks(['', '  '], { settings })).rejects.toThrow(/Список организаций пуст/);
});

test('the list is read from a .txt one a line, or from the first column of an .xlsx with a header', async () => {
  expect(await unitsFromFile(picked('список.txt', new TextEncoder().encode('\uFEFFШкола № 1\r\nШкола 2\r\n\r\nШкола 2\n')))).toEqual(['Школа № 1', 'Школа 2']);
  const xlsx = await writeXlsx({
    sheets: [{ ...(await import('../../domain/sheetPlan')).emptySheetPlan('Лист1', 'blank'), blocks: [{ at: 'A1', rows: [['Наименование ОО', 'Адрес'], ['МБОУ СОШ № 4', 'ул. Ленина'], ['Гимназия № 2', '']] }] }],
  });
  expect(await unitsFromFile(picked('школы.xlsx', xlsx))).toEqual(['МБОУ СОШ № 4', 'Гимназия № 2']);
  await expect(unitsFromFile(picked('пусто.txt', new Uint8Array()))).rejects.toThrow('В списке «пусто.txt» нет ни одной организации');
  await expect(unitsFromFile(picked('мусор.xlsx', new Uint8Array([1, 2, 3, 4])))).rejects.toThrow(/«мусор\.xlsx»/);
});
