import * as XLSX from '@e965/xlsx';
import { isBuiltInDateFormat, isDateFormat } from './numberFormats';

// SheetJS decides dates in its fallback reader; the fast reader must decide every format the same way, or one
// school's date would be read as a number by one reader and as a date by the other.
const sheetjsTable = (): Record<number, string> => XLSX.SSF.get_table() as Record<number, string>;

test('every built-in number format is a date exactly when SheetJS says so', () => {
  const table = sheetjsTable();
  const dates = Object.keys(table).map(Number).filter((id) => XLSX.SSF.is_date(table[id]));
  expect(dates).toEqual([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, 56]);
  for (let id = 0; id < 200; id++) expect([id, isBuiltInDateFormat(id)]).toEqual([id, dates.includes(id)]);
});

// Codes as Excel, LibreOffice, openpyxl and 1C write them, and the awkward corners of the syntax.
const CODES = [
  'General', 'general', '0', '0.00', '#,##0', '#,##0.00', '0%', '0.00E+00', '##0.0E+0', '# ?/?', '# ??/??', '@', '"руб."#,##0',
  '#,##0 "₽"', '#,##0.00\\ [$₽-419]', '[Red]0.00', '[Blue][<=100]0;[Red][>100]0', '[$-419]General', '0;-0;;@', '_(* #,##0_)',
  '_-* #,##0.00\\ _₽_-;\\-* #,##0.00\\ _₽_-;_-* "-"??\\ _₽_-;_-@_-', '*-0', '** 0', '0\\-00', '00000', '000-00-0000',
  'DD.MM.YYYY', 'dd.mm.yyyy', 'd/m/yyyy', 'mm-dd-yy', 'yyyy-mm-dd h:mm', 'd mmmm yyyy', '[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy',
  '[$-419]d\\ mmmm\\ yyyy\\ "г."', 'h:mm AM/PM', 'h:mm A/P', 'hh:mm:ss', '[h]:mm:ss', '[mm]:ss', '[ss]', '[]', 'mm:ss.0',
  'B1dd/mm/yyyy', 'b2yyyy', 'e', 'ggg e', 'G/General', '"Дата: "0', '"date"0', '\\d0', '_d0', '0 "дней"', '0" d"', '[>=100]"много";0',
  '上午/下午 h"時"mm"分"', 'am/pm', 'A', 'a0', '0.0"x"', '[Color10]0', '[$€-2] #,##0.00', '"unterminated', '[unclosed', '?,??0',
  '1', '123', '0.0E+00"e"', '#.##', '.00', 'G', 'Genera', 'GENERAL 0', '0 General', 'S', 'N0', 'Y', 'M', 'x',
];

test.each(CODES)('format %s is a date exactly when SheetJS says so', (code) => {
  expect(isDateFormat(code)).toBe(Boolean(XLSX.SSF.is_date(code)));
});
