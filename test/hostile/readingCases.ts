/**
 * Broken and hostile received files: each is read, or refused with a Russian message naming the file, what is
 * wrong and what to do — in bounded time, never a crash or a stack trace.
 */
import JSZip from 'jszip';
import { cellText } from '../../src/domain/grid';
import { LIMITS } from '../../src/files/guards';
import { gridOf, writeGrids } from '../support/formGrids';
import { cfbWith, expectUserMessage, minimalXlsx, minimalXlsxParts, rawZip, rowXml, schoolReportBytes, tryRead, zipOf } from './support';

/** Run by reading.test.ts (the pane: pako, SheetJS's own inflater) and reading.zlib.test.ts (the command line: Node's zlib). */
export function hostileReadingCases(): void {
  let report: Uint8Array;
  beforeAll(async () => {
    report = await schoolReportBytes();
  });

  describe('a received file that is not a readable workbook is refused with a clear message', () => {
    test('the school report itself is read (the base every other case breaks)', async () => {
      const r = await tryRead(report, 'МАОУ СОШ № 1.xlsx');
      expect(r.refusal).toBeUndefined();
      expect(r.grid!.sheets.length).toBeGreaterThanOrEqual(2);
    });

    test('an empty file', async () => {
      const r = await tryRead(new Uint8Array(0), 'пустой.xlsx');
      expectUserMessage(r.refusal, 'пустой.xlsx');
      expect(r.refusal).toMatch(/пуст/);
    });

    test.each([0.1, 0.5, 0.9, 0.999])('a workbook cut off at %p of its length (download broke off)', async (share) => {
      const cut = report.subarray(0, Math.floor(report.length * share));
      const r = await tryRead(cut, 'обрезан.xlsx');
      expectUserMessage(r.refusal, 'обрезан.xlsx');
      expect(r.refusal).toMatch(/повреждён/);
    });

    test('a workbook whose compressed sheet data is overwritten with garbage', async () => {
      const zip = await JSZip.loadAsync(report);
      const sheetPath = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
      const corrupt = new Uint8Array(report);
      // Find the sheet's local header by name and scribble over its data.
      const name = new TextEncoder().encode(sheetPath);
      let at = -1;
      for (let i = 0; i < corrupt.length - name.length && at < 0; i++)
        if (corrupt[i] === 0x50 && corrupt[i + 1] === 0x4b && corrupt[i + 2] === 3 && corrupt[i + 3] === 4 && name.every((b, k) => corrupt[i + 30 + k] === b)) at = i;
      expect(at).toBeGreaterThanOrEqual(0);
      const start = at + 30 + name.length + (corrupt[at + 28] | (corrupt[at + 29] << 8));
      for (let i = 0; i < 64; i++) corrupt[start + 4 + i] = (i * 37 + 11) & 0xff;
      const r = await tryRead(corrupt, 'испорчен.xlsx');
      expectUserMessage(r.refusal, 'испорчен.xlsx');
    });

    test('a Word document renamed .xlsx is read as the document it is', async () => {
      const docx = await zipOf({
        '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        'word/document.xml': '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Отчёт</w:t></w:r></w:p></w:body></w:document>',
      });
      const r = await tryRead(docx, 'отчёт.xlsx');
      expect(r.refusal).toBeUndefined();
      expect(r.grid!.sheets[0]).toMatchObject({ document: true, cells: [['Отчёт']] });
    });

    test('a damaged old Word .doc renamed .xlsx', async () => {
      const doc = cfbWith({ WordDocument: new Uint8Array(512).fill(1) });
      const r = await tryRead(doc, 'отчёт.xlsx');
      expectUserMessage(r.refusal, 'отчёт.xlsx');
      expect(r.refusal).toMatch(/Word/);
    });

    test('a Word document whose XML declares entities (an XML bomb) is refused', async () => {
      const docx = await zipOf({
        '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        'word/document.xml': `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "${'a'.repeat(100)}"><!ENTITY b "${'&a;'.repeat(100)}"><!ENTITY c "${'&b;'.repeat(100)}">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>`,
      });
      const r = await tryRead(docx, 'отчёт.docx');
      expectUserMessage(r.refusal, 'отчёт.docx');
    });

    test('an .xlsb whose sheet has more rows than a form could is refused before SheetJS expands it, naming the sheet by its place', async () => {
      // 100,001 BrtRowHdr records (type 0, size 0): 200 KB that SheetJS would turn into a hundred thousand rows.
      const sheet = new Uint8Array(2 * 100_001);
      const xlsb = await zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.bin': new Uint8Array([0x83, 0x01, 0x00]), 'xl/worksheets/sheet1.bin': sheet });
      const r = await tryRead(xlsb, 'отчёт.xlsb');
      expectUserMessage(r.refusal, 'отчёт.xlsb');
      expect(r.refusal).toMatch(/лист «1-й по счёту»: больше 100\s000 заполненных строк/);
    });

    test('a damaged binary workbook (.xlsb) renamed .xlsx is refused with the way out', async () => {
      const xlsb = await zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.bin': new Uint8Array([0x83, 0x01, 0x00]) });
      const r = await tryRead(xlsb, 'отчёт.xlsx');
      expectUserMessage(r.refusal, 'отчёт.xlsx');
      expect(r.refusal).toMatch(/\.xlsb/);
    });

    test('a PDF renamed .xlsx', async () => {
      const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
      const r = await tryRead(pdf, 'отчёт.xlsx');
      expectUserMessage(r.refusal, 'отчёт.xlsx');
      expect(r.refusal).toMatch(/PDF/);
    });

    test.each(['отчёт.xlsx', 'отчёт.xls'])('a password-protected workbook (%s) → «защищён паролем»', async (name) => {
      // What Excel writes for «Зашифровать паролем»: a compound file with EncryptionInfo and EncryptedPackage.
      const encrypted = cfbWith({
        EncryptionInfo: new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, ...new Array(120).fill(7)]),
        EncryptedPackage: new Uint8Array(4096).map((_, i) => (i * 131) & 0xff),
      });
      const r = await tryRead(encrypted, name);
      expectUserMessage(r.refusal, name);
      expect(r.refusal).toMatch(/защищён паролем/);
    });

    test('a file larger than the limit is refused before it is parsed', async () => {
      const big = new Uint8Array(LIMITS.fileBytes + 1);
      big[0] = 0x50;
      big[1] = 0x4b;
      const r = await tryRead(big, 'огромный.xlsx');
      expectUserMessage(r.refusal, 'огромный.xlsx');
      expect(r.refusal).toMatch(/слишком велик/);
      expect(r.ms).toBeLessThan(200);
    });
  });

  describe('zip bombs are refused before SheetJS inflates anything', () => {
    const sheetParts = (sheetXml: Uint8Array, declared?: number) => [
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
      { name: 'xl/workbook.xml', data: new TextEncoder().encode('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: sheetXml, declared },
    ];

    test('a part that declares more than the per-part limit', async () => {
      const zeros = new Uint8Array(LIMITS.entryBytes + 1024 * 1024);
      const r = await tryRead(rawZip(sheetParts(zeros)), 'бомба.xlsx');
      expectUserMessage(r.refusal, 'бомба.xlsx');
      expect(r.refusal).toMatch(/слишком велик: в раскрытом виде/);
      expect(r.ms).toBeLessThan(1000);
    });

    test('a part compressed far beyond what any sheet compresses (ratio)', async () => {
      const r = await tryRead(rawZip(sheetParts(new Uint8Array(20 * 1024 * 1024))), 'бомба.xlsx');
      expectUserMessage(r.refusal, 'бомба.xlsx');
      expect(r.refusal).toMatch(/сделанный, чтобы вывести компьютер из строя.*Не открывайте его/);
      expect(r.ms).toBeLessThan(1000);
    });

    test('a part that lies: declares 1 KB, inflates to 60 MB', async () => {
      const r = await tryRead(rawZip(sheetParts(new Uint8Array(60 * 1024 * 1024), 1024)), 'бомба.xlsx');
      expectUserMessage(r.refusal, 'бомба.xlsx');
      expect(r.refusal).toMatch(/сделанный, чтобы вывести компьютер из строя/);
      expect(r.ms).toBeLessThan(2000);
    });

    test('a part a few bytes larger than its entry declares (a writer\'s slip other readers forgive) is read', async () => {
      const parts = Object.entries(minimalXlsxParts([{ name: 'Лист1', data: rowXml(1, ['Школа', 7]) }])).map(([name, text]) => {
        const data = typeof text === 'string' ? new TextEncoder().encode(text) : text;
        return { name, data, declared: /worksheets\/sheet1\.xml$/.test(name) ? data.length - 2 : undefined };
      });
      const r = await tryRead(rawZip(parts), 'школа.xlsx');
      expect(r.refusal).toBeUndefined();
      expect(r.grid!.sheets[0].cells[0]).toEqual(['Школа', 7]);
    });

    test('parts that are each small but together exceed the total limit', async () => {
      const part = new Uint8Array(LIMITS.entryBytes - 1);
      const parts = [0, 1, 2].map((i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: part, declared: part.length }));
      // Built once and shared: deflating 100 MB three times would only slow the test.
      const r = await tryRead(rawZip([{ name: 'xl/workbook.xml', data: new TextEncoder().encode('<workbook/>') }, ...parts]), 'бомба.xlsx');
      expectUserMessage(r.refusal, 'бомба.xlsx');
      expect(r.ms).toBeLessThan(3000);
    });

    test('a package of thousands of parts', async () => {
      const parts = Array.from({ length: LIMITS.zipEntries + 1 }, (_, i) => ({ name: `xl/p${i}.xml`, data: new Uint8Array([60, 97, 47, 62]) }));
      const r = await tryRead(rawZip(parts), 'бомба.xlsx');
      expectUserMessage(r.refusal, 'бомба.xlsx');
      expect(r.refusal).toMatch(/слишком много листов и рисунков/);
      expect(r.ms).toBeLessThan(1000);
    });
  });

  describe('huge and strange sheets are read or refused in bounded time', () => {
    test('a sheet of a million rows is refused with the sheet named', async () => {
      // Rows without r="…" count on from the previous one, as in files some generators write.
      const parts = minimalXlsxParts([{ name: 'Прил. 3', data: '<row><c><v>7</v></c></row>'.repeat(1_000_000) }]);
      const bytes = rawZip(Object.entries(parts).map(([name, xml]) => ({ name, data: new TextEncoder().encode(xml) })));
      const r = await tryRead(bytes, 'миллион.xlsx');
      expectUserMessage(r.refusal, 'миллион.xlsx');
      expect(r.refusal).toContain('лист «Прил. 3»');
      expect(r.refusal).toMatch(/больше 100\s000 заполненных строк/);
      expect(r.ms).toBeLessThan(5000);
    });

    test('a CSV of a million lines is refused the same way', async () => {
      const text = 'Школа;Участники\n' + 'МАОУ СОШ № 1;12\n'.repeat(1_000_000);
      const r = await tryRead(new TextEncoder().encode(text), 'миллион.csv');
      expectUserMessage(r.refusal, 'миллион.csv');
      expect(r.refusal).toMatch(/заполненных строк/);
      expect(r.ms).toBeLessThan(20000);
    });

    describe('OpenDocument rows and cells repeated by attribute (a few bytes asking for billions of cells)', () => {
      let parts: Record<string, string>;
      let content: string;
      beforeAll(async () => {
        const zip = await JSZip.loadAsync(writeGrids([gridOf('Лист1', [['Школа', 'Участники'], ['МАОУ СОШ № 1', 12]])], 'ods'));
        parts = {};
        for (const n of Object.keys(zip.files)) if (!zip.files[n].dir) parts[n] = await zip.files[n].async('string');
        content = parts['content.xml'];
      });
      const repeated = (rows: number, cols: number) =>
        content
          .replace(/<table:table-row([^>]*)>/, `<table:table-row table:number-rows-repeated="${rows}"$1>`)
          .replace(/<table:table-cell([^>]*)>/, `<table:table-cell table:number-columns-repeated="${cols}"$1>`);

      test.each([
        [1_048_576, 16_384],
        [1_048_576, 1],
        [200_000, 20],
        [100, 16_384 * 2],
      ])('%i rows × %i filled cells are refused at once, naming the sheet', async (rows, cols) => {
        const r = await tryRead(await zipOf({ ...parts, 'content.xml': repeated(rows, cols) }), 'повтор.ods');
        expectUserMessage(r.refusal, 'повтор.ods');
        expect(r.refusal).toContain('лист «Лист1»');
        expect(r.ms).toBeLessThan(1000);
      });

      test('the empty rest of a sheet, as LibreOffice writes it, is read as usual', async () => {
        const rest = '<table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>';
        const r = await tryRead(await zipOf({ ...parts, 'content.xml': content.replace('</table:table>', `${rest}</table:table>`) }), 'обычный.ods');
        expect(r.refusal).toBeUndefined();
        expect(r.grid!.sheets[0].cells[1]).toEqual(['МАОУ СОШ № 1', 12]);
        expect(r.ms).toBeLessThan(5000);
      });
    });

    test('a sheet of 10 000 columns is read whole', async () => {
      const wide = Array.from({ length: 10_000 }, (_, i) => i + 1);
      const bytes = await minimalXlsx([{ name: 'Широкий', data: rowXml(1, ['Школа', ...wide.slice(1)]) + rowXml(2, wide) }]);
      const r = await tryRead(bytes, 'широкий.xlsx');
      expect(r.refusal).toBeUndefined();
      const sheet = r.grid!.sheets[0];
      expect(sheet.cells[1]).toHaveLength(10_000);
      expect(sheet.cells[1][9_999]).toBe(10_000);
      expect(r.ms).toBeLessThan(10000);
    });

    test('a cell of a megabyte is read whole', async () => {
      const huge = 'Профориентация '.repeat(70_000); // ≈ 1 MB
      const r = await tryRead(await minimalXlsx([{ name: 'Лист1', data: rowXml(1, ['Школа', huge]) }]), 'мегабайт.xlsx');
      expect(r.refusal).toBeUndefined();
      expect(r.grid!.sheets[0].cells[0][1]).toBe(huge);
    });

    test('control characters, emoji and a sheet named like a JavaScript property are read as text', async () => {
      const sheets = [
        { name: '__proto__', data: rowXml(1, ['constructor', 'toString']) },
        { name: 'Отчёт 🎓', data: rowXml(1, ['МАОУ СОШ № 1 🏫', 'Звонок_x0007_ и табуляция\tи перевод\nстроки', '👩‍🏫 педагоги']) },
      ];
      const r = await tryRead(await minimalXlsx(sheets), 'символы.xlsx');
      expect(r.refusal).toBeUndefined();
      const [proto, emoji] = r.grid!.sheets;
      expect(proto.name).toBe('__proto__');
      expect(proto.cells[0]).toEqual(['constructor', 'toString']);
      expect(emoji.name).toBe('Отчёт 🎓');
      expect(cellText(emoji, 1, 1)).toBe('МАОУ СОШ № 1 🏫');
      expect(String(emoji.cells[0][1])).toContain('\u0007');
      expect(cellText(emoji, 1, 3)).toBe('👩‍🏫 педагоги');
      expect(({} as Record<string, unknown>).constructor).toBe(Object);
    });

    test('a CSV with NUL bytes and control characters in Windows-1251 is read or refused, never crashes', async () => {
      const bytes = new Uint8Array([0xcd, 0xe0, 0x3b, 0x01, 0x02, 0x0a, 0x31, 0x3b, 0x32, 0x0a]);
      const r = await tryRead(bytes, 'управляющие.csv');
      if (r.refusal) expectUserMessage(r.refusal, 'управляющие.csv');
      else expect(r.grid!.sheets[0].cells[0][0]).toBe('На');
    });
  });
}
