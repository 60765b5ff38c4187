import * as XLSX from '@e965/xlsx';
import { csvRows } from './csvRows';

// The list of expected organisations is read by this small reader instead of SheetJS (a tenth of a second of
// start-up): it must split every list exactly as SheetJS does.
const LISTS: [string, string][] = [
  ['Организация\r\n"МАОУ СОШ № 4"\r\nМБОУ «Лицей № 1»\r\n', ','],
  ['№;Организация\n1;"МАОУ ""Гимназия № 2"""\n2;МАОУ СОШ № 5, г. Томск\n', ';'],
  ['Школа,Район\n"МАОУ СОШ № 4, г. Северск",Северск\n"ОГБОУ ""Школа-интернат""\nкорпус 2",Томск', ','],
  ['a;;c\n;\n\n"x;y";z', ';'],
];

test.each(LISTS)('a list of organisations is split into rows and fields as SheetJS splits it: %j', (text, delimiter) => {
  const sheet = XLSX.read(text, { type: 'string', raw: true, FS: delimiter } as XLSX.ParsingOptions).Sheets.Sheet1;
  const expected = (XLSX.utils.sheet_to_json(sheet, { header: 1, raw: true, defval: '', blankrows: true }) as string[][]).map((r) =>
    r.map(String),
  );
  // Trailing empty fields and trailing empty rows aside (nobody's name is in them).
  const trimmed = (rows: string[][]) => {
    const out = rows.map((r) => {
      const fields = [...r];
      while (fields.length && fields[fields.length - 1] === '') fields.pop();
      return fields;
    });
    while (out.length && out[out.length - 1].length === 0) out.pop();
    return out;
  };
  expect(trimmed(csvRows(text, delimiter))).toEqual(trimmed(expected));
});
