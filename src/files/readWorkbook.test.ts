import { inflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { FileReadError, OWN_WORKBOOK_ROWS, readWorkbookFile, csvDelimiter } from './readWorkbook';
import { minimalXlsxParts, rawZip } from '../../test/hostile/support';
import { checkZip, GuardRefusal } from './guards';
import { readXlsxValues } from './xlsxValues';
import { cp1251, csvOf, gridOf, writeGrids } from '../../test/support/formGrids';
import { cellValue } from '../domain/grid';

const sample = gridOf(
  'Отчёт школы',
  [
    ['Муниципальное образование', 'Приняли участие'],
    ['Александровский район', 438],
    ['Итого', null],
  ],
  ['A3:A4'],
);

describe('reading a received workbook into grids', () => {
  it.each(['xlsx', 'xlsm', 'xls', 'ods'] as const)('reads .%s: sheet name, text, numbers and merged areas', (format) => {
    const wb = readWorkbookFile(writeGrids([sample], format), `отчёт.${format}`);
    expect(wb.file).toBe(`отчёт.${format}`);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Отчёт школы']);
    const s = wb.sheets[0];
    expect(s.cells[1]).toEqual(['Александровский район', 438]);
    expect(s.merges).toEqual([{ top: 3, left: 1, bottom: 4, right: 1 }]);
    expect(cellValue(s, 4, 1)).toBe('Итого');
  });

  it('gives a formula cell its cached value and keeps the formula', () => {
    const ws = XLSX.utils.aoa_to_sheet([[59, 79, null]]);
    ws.C1 = { t: 'n', v: 138, f: 'A1+B1' };
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, ws, 'Лист1');
    const wb = readWorkbookFile(new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' })), 'f.xlsx');
    expect(wb.sheets[0].cells[0]).toEqual([59, 79, 138]);
    expect(wb.sheets[0].formulas?.[0][2]).toBe('A1+B1');
  });

  it('gives a date cell as an ISO date', () => {
    const ws = XLSX.utils.aoa_to_sheet([[new Date(Date.UTC(2024, 2, 20))]], { cellDates: true });
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, ws, 'План');
    const wb = readWorkbookFile(new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' })), 'p.xlsx');
    expect(wb.sheets[0].cells[0][0]).toBe('2024-03-20');
  });

  it('marks hidden sheets', () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['a']]), 'Видимый');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['season', 'spring']]), 'ПК_Настройки');
    book.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }] };
    const wb = readWorkbookFile(new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' })), 'h.xlsx');
    expect(wb.sheets.map((s) => Boolean(s.hidden))).toEqual([false, true]);
  });

  const csvText = csvOf(gridOf('x', [['Муниципальное образование', 'Всего ОО', 'Наименования'], ['Томский район', '1 234', 'ТГУ, ТПУ'], ['Итого', '12,0', '']]), ';');

  it.each([
    ['UTF-8 with BOM, «;»', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csvText)])],
    ['UTF-8 without BOM, «;»', new TextEncoder().encode(csvText)],
    ['Windows-1251, «;»', cp1251(csvText)],
    ['Windows-1251, «,»', cp1251(csvOf(gridOf('x', [['Муниципальное образование', 'Всего ОО', 'Наименования'], ['Томский район', '1 234', 'ТГУ, ТПУ'], ['Итого', '12,0', '']]), ','))],
  ])('reads CSV in %s, keeping what was typed as text', (_, bytes) => {
    const wb = readWorkbookFile(bytes, 'отчёт школы.csv');
    expect(wb.sheets).toHaveLength(1);
    expect(wb.sheets[0].name).toBe('отчёт школы');
    expect(wb.sheets[0].cells.slice(0, 3)).toEqual([
      ['Муниципальное образование', 'Всего ОО', 'Наименования'],
      ['Томский район', '1 234', 'ТГУ, ТПУ'],
      ['Итого', '12,0'],
    ]);
  });

  it('tells «;» from «,» by counting outside quotes', () => {
    expect(csvDelimiter('a;b;"c,d,e"\n1;2;3\n')).toBe(';');
    expect(csvDelimiter('a,b,"c;d;e"\n1,2,3\n')).toBe(',');
  });

  const failure = (bytes: Uint8Array, name: string): FileReadError => {
    try {
      readWorkbookFile(bytes, name);
    } catch (e) {
      expect(e).toBeInstanceOf(FileReadError);
      return e as FileReadError;
    }
    throw new Error('файл прочитан, хотя не должен был');
  };

  it('says an empty file is empty', () => {
    expect(failure(new Uint8Array(0), 'пустой.xlsx').message).toMatch(/«пустой\.xlsx» пуст/);
  });

  it('says a text file named .xlsx is not a workbook and what to do', () => {
    const e = failure(new TextEncoder().encode('это не таблица'), 'отчёт.xlsx');
    expect(e.message).toMatch(/«отчёт\.xlsx» не является таблицей, хотя назван \.xlsx/);
    expect(e.message).toMatch(/сохраните/);
  });

  it('says a password-protected workbook is protected', () => {
    // An encrypted .xlsx is an OLE compound file holding EncryptionInfo and EncryptedPackage, not a zip.
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, ...new Array(64).fill(1)]));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(4096).fill(7));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
    expect(failure(bytes, 'секрет.xlsx').message).toMatch(/защищён паролем/);
  });

  it('refuses binary garbage named .xls or .csv and a broken zip', () => {
    expect(failure(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), 'мусор.xls').message).toMatch(/«мусор\.xls»/);
    expect(failure(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 9, 9]), 'битый.xlsx').message).toMatch(/не удалось прочитать|повреждён/);
    expect(failure(new Uint8Array([0, 0, 0, 1, 2, 0, 3]), 'бинарный.csv').message).toMatch(/«бинарный\.csv» не является таблицей, хотя назван \.csv/);
  });
});

describe("the add-in's own consolidated workbook, read back", () => {
  // A region's plan sheet («Прил. 2 Свод») runs past the hundred thousand rows a received form may have: re-running
  // the merge into the same file, or naming it as an earlier campaign, must still read it.
  const bigSheet = () => {
    const parts = minimalXlsxParts([{ name: 'Прил. 2 Свод', data: '<row><c><v>7</v></c></row>'.repeat(100_001) }]);
    return rawZip(Object.entries(parts).map(([name, xml]) => ({ name, data: new TextEncoder().encode(xml) })));
  };

  it('reads a sheet of more rows than a received form may have when told it is its own', () => {
    const bytes = bigSheet();
    expect(() => readWorkbookFile(bytes, 'свод.xlsx', { formulas: false })).toThrow(/больше 100\s000 заполненных строк/);
    const wb = readWorkbookFile(bytes, 'свод.xlsx', { formulas: false, maxRows: OWN_WORKBOOK_ROWS });
    expect(wb.sheets[0].cells.length).toBe(100_001);
  });

  it('reads only the sheets asked for, listing the others by name', () => {
    const parts = minimalXlsxParts([
      { name: 'ПК_Настройки', data: '<row><c t="inlineStr"><is><t>год</t></is></c></row>' },
      { name: 'Прил. 2 Свод', data: '<row><c><v>7</v></c></row>'.repeat(1000) },
    ]);
    const bytes = rawZip(Object.entries(parts).map(([name, xml]) => ({ name, data: new TextEncoder().encode(xml) })));
    const wb = readWorkbookFile(bytes, 'свод.xlsx', { formulas: false, sheets: (name) => name === 'ПК_Настройки' });
    expect(wb.sheets.map((s) => [s.name, s.cells.length])).toEqual([
      ['ПК_Настройки', 1],
      ['Прил. 2 Свод', 0],
    ]);
  });

  // The sheets not asked for are not even inflated (a region's plan sheet took seconds to inflate for nothing)…
  const withPlanSheet = (plan: (data: Uint8Array) => { data: Uint8Array; declared?: number }) => {
    const parts = minimalXlsxParts([
      { name: 'ПК_Настройки', data: '<row><c t="inlineStr"><is><t>год</t></is></c></row>' },
      { name: 'Прил. 2 Свод', data: '<row><c><v>7</v></c></row>'.repeat(200_000) },
    ]);
    return rawZip(
      Object.entries(parts).map(([name, xml]) => {
        const data = new TextEncoder().encode(xml);
        return name === 'xl/worksheets/sheet2.xml' ? { name, ...plan(data) } : { name, data };
      }),
    );
  };

  it('does not inflate the sheets not asked for: a plan sheet that lies about its size does not stop reading the settings', () => {
    const bytes = withPlanSheet((data) => ({ data, declared: 1024 }));
    const wb = readWorkbookFile(bytes, 'свод.xlsx', { formulas: false, maxRows: OWN_WORKBOOK_ROWS, sheets: (name) => name === 'ПК_Настройки' });
    expect(wb.sheets.map((s) => [s.name, s.cells.length])).toEqual([
      ['ПК_Настройки', 1],
      ['Прил. 2 Свод', 0],
    ]);
    // …and the same file read whole is refused, as any package whose part lies about its size.
    expect(() => readWorkbookFile(bytes, 'свод.xlsx', { formulas: false, maxRows: OWN_WORKBOOK_ROWS })).toThrow(/вывести компьютер из строя/);
  });

  it('only sheets wait: any other part that lies about its size is refused at once, before anything reads it', () => {
    const parts = minimalXlsxParts([{ name: 'ПК_Настройки', data: '<row><c><v>1</v></c></row>' }]);
    const lying = parts['[Content_Types].xml'] + ' '.repeat(3 * 1024 * 1024);
    const bytes = rawZip(
      Object.entries({ ...parts, '[Content_Types].xml': lying }).map(([name, xml]) => ({ name, data: new TextEncoder().encode(xml), declared: name === '[Content_Types].xml' ? 1024 : undefined })),
    );
    expect(() => readWorkbookFile(bytes, 'свод.xlsx', { formulas: false, maxRows: OWN_WORKBOOK_ROWS, sheets: () => false })).toThrow(/вывести компьютер из строя/);
  });

  it('a sheet asked for whose part lies about its size is refused by the guards when the reader reaches it, not inflated whole', () => {
    const bytes = withPlanSheet((data) => ({ data, declared: 1024 }));
    const entries = checkZip(bytes, OWN_WORKBOOK_ROWS, (e) => /worksheets/.test(e.name));
    const codec = { inflate: (packed: Uint8Array) => new Uint8Array(inflateRawSync(packed)), utf8: (b: Uint8Array) => new TextDecoder().decode(b) };
    let refusal: unknown;
    try {
      readXlsxValues(bytes, entries, codec, OWN_WORKBOOK_ROWS, () => true);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(GuardRefusal);
    expect((refusal as GuardRefusal).kind).toBe('zip-bomb');
    expect(() => readWorkbookFile(bytes, 'свод.xlsx', { formulas: false, maxRows: OWN_WORKBOOK_ROWS, sheets: () => true })).toThrow(/вывести компьютер из строя/);
  });
});
