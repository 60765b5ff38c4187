/**
 * A received CSV gives the same cells whether SheetJS reads it or the merge's own reader does (delimitedText.ts):
 * quoted fields with separators, line breaks and doubled quotes, stray quotes, empty fields and rows, CR, LF and
 * CRLF line ends, and the row limit — on hand-picked texts and on thousands of random ones.
 */
import { readWorkbookFile } from './readWorkbook';
import { delimitedRows } from './delimitedText';
import { seededRandom } from '../domain/sample/municipality';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** What each reader makes of the text: the sheets, or the refusal. */
function read(text: string, fastXlsx: boolean, maxRows?: number): unknown {
  try {
    return readWorkbookFile(utf8(text), 'список.csv', { formulas: false, fastXlsx, ...(maxRows ? { maxRows } : {}) }).sheets;
  } catch (e) {
    return (e as Error).message;
  }
}

const expectSame = (text: string, maxRows?: number) => expect({ text, read: read(text, true, maxRows) }).toEqual({ text, read: read(text, false, maxRows) });

test('a CSV of forms and lists reads the same without SheetJS as with it', () => {
  const texts = [
    'Организация\n"МБОУ Школа-интернат № 1"\n"МАОУ лицей № 1 им. А.С. Пушкина"\n',
    'Муниципальное образование;Всего ОО;Наименования\r\nТомский район;1 234;"ТГУ; ТПУ"\r\nИтого;12,0;\r\n',
    'a;"b ""quoted"" c";"line\nbreak";"cr\r\ninside"\n;;\n\n\nlast;"',
    'a,b,c\r1,2,3\r"x"y,"",z"\n',
    '"unclosed;field\nacross;rows',
    '"";"";x\n"\r\n',
    'ёлка\tпалка\t\t\n\t\tтри',
    '1;2;3\n4;5;6',
    '2023-10-12;=A1+1;TRUE;#N/A;  ',
  ];
  for (const text of texts) expectSame(text);
});

test('texts SheetJS takes for another format are left to it', () => {
  for (const text of ['<table><tr><td>1</td></tr></table>', 'ID;PWXL\nC;Y1;X1;K1\nE', 'TABLE\n0,1\n""', 'sep=;\na;b', ' a;b', '\ta;b', 'Itogo;1', '\uFEFFa;b', '1\n\n;'])
    expect(delimitedRows(text, ';', 100)).toBeUndefined();
  expect(delimitedRows('Итого;1', ';', 100)).toEqual([['Итого', '1']]);
});

test('a CSV over the row limit is refused the same way by both readers', () => {
  const text = Array.from({ length: 12 }, (_, i) => `строка ${i};${i}`).join('\n');
  expectSame(text, 10);
  expectSame(text, 11);
  expectSame(text, 12);
  expect(read(text, true, 10)).toMatch(/больше 10 заполненных строк/);
});

test('thousands of random delimited texts read the same by both readers', () => {
  const random = seededRandom(26);
  const pieces = ['"', '"', '""', ';', ',', '\t', '\n', '\r', '\r\n', ' ', 'а', 'b', 'Итого', '12,5', '1', '0', '=', 'x"y', '\u00a0', '<', 'I', 'T', 'P'];
  for (let n = 0; n < 4000; n++) {
    const length = 1 + Math.floor(random() * 40);
    let text = '';
    for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
    expectSame(text, n % 3 === 0 ? 3 : undefined);
  }
});
