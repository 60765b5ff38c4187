import { needsTextMark, payloadBytes, toExcelInput } from './excelValues';

describe('cells as Excel takes them', () => {
  test('texts Excel would turn into a formula, number, date or boolean get the apostrophe; ordinary text does not', () => {
    for (const s of ['=HYPERLINK("x")', '+7 913', '-', '007', '1 234', '12.03.2021', '7/6', '10:30', 'ИСТИНА', '#Н/Д', "'quoted"])
      expect(needsTextMark(s)).toBe(true);
    for (const s of ['Александровский район', 'НИ ТГУ, ТУСУР', '3 - ТУСУР, ТГАСУ и т.д.', '438 чел.', ''])
      expect(needsTextMark(s)).toBe(false);
    expect(toExcelInput('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(toExcelInput('=SUM(A1)', true)).toBe('=SUM(A1)');
    expect(toExcelInput({ formula: 'SUM(A1:A3)' })).toBe('=SUM(A1:A3)');
    expect(toExcelInput(null)).toBe('');
    expect(toExcelInput(Number.NaN)).toBe('');
    expect(toExcelInput(42)).toBe(42);
  });

  test('request size counts Cyrillic as six bytes, as a \\uXXXX escape may carry it', () => {
    expect(payloadBytes('ab')).toBe(4);
    expect(payloadBytes('аб')).toBe(14);
  });
});
