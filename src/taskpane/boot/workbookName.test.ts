import { workbookNameFromUrl } from './workbookName';

describe('the open workbook is named in messages whatever its file is called', () => {
  test('a local file «Свод 50%.xlsx» is named as it is (a «%» is no escape in a path)', () => {
    expect(workbookNameFromUrl('C:\\Кампания\\Свод 50%.xlsx')).toBe('Свод 50%.xlsx');
    expect(workbookNameFromUrl('/Users/coordinator/Documents/Свод 50%.xlsx')).toBe('Свод 50%.xlsx');
    expect(workbookNameFromUrl('C:\\Кампания\\отчёт%20школы.xlsx')).toBe('отчёт%20школы.xlsx');
  });

  test('a workbook on OneDrive or SharePoint is decoded from its URL', () => {
    expect(workbookNameFromUrl('https://contoso.sharepoint.com/sites/ruo/Shared%20Documents/%D0%A1%D0%B2%D0%BE%D0%B4%2050%25.xlsx')).toBe('Свод 50%.xlsx');
    expect(workbookNameFromUrl('https://d.docs.live.net/abc/%D0%A1%D0%B2%D0%BE%D0%B4.xlsx?web=1#x')).toBe('Свод.xlsx');
  });

  test('a URL whose name does not decode is kept as it is, never an error', () => {
    expect(workbookNameFromUrl('https://example.org/files/Свод 50%.xlsx')).toBe('Свод 50%.xlsx');
    expect(workbookNameFromUrl('https://example.org/files/%E0%A4%A.xlsx')).toBe('%E0%A4%A.xlsx');
  });

  test('any name a person can give a file works', () => {
    const names = ['Свод 50%.xlsx', '100% школ #1.xlsx', 'Отчёт «Школа № 5» (итог) [2025].xlsx', 'a+b=c & d; e,f.xlsx', "O'Brien ~$tmp.xlsx", '%.xlsx', '%%.xlsx', '%zz%.xlsx', 'эмодзи 🎓.xlsx', 'пробел в конце .xlsx'];
    for (const n of names) {
      expect(workbookNameFromUrl(`C:\\Папка\\${n}`)).toBe(n);
      expect(workbookNameFromUrl(`https://contoso.sharepoint.com/d/${encodeURIComponent(n)}`)).toBe(n);
    }
  });

  test('no URL, no name', () => {
    expect(workbookNameFromUrl(undefined)).toBeUndefined();
    expect(workbookNameFromUrl(null)).toBeUndefined();
    expect(workbookNameFromUrl('')).toBeUndefined();
  });
});
