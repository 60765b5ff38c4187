/** Encrypted workbooks made by LibreOffice (test/fixtures/README.md): the default password is no password. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readWorkbookFile } from './readWorkbook';
import { useDefaultPassword } from './defaultPassword';
import { readForms } from '../domain/read';

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, '../../test/fixtures', name)));

beforeAll(() => useDefaultPassword());

test('an .xls encrypted with Excel\'s default password («VelvetSweatshop») is read, forms and all', () => {
  const wb = readWorkbookFile(fixture('школа-пароль-по-умолчанию.xls'), 'школа.xls', { formulas: false });
  expect(wb.sheets.map((s) => s.name)).toEqual(['Прил. 2 План', 'Прил. 3 Отчёт']);
  const read = readForms(wb, { year: 2023 });
  expect(read.report).toBeDefined();
  expect(read.plan).toBeDefined();
});

test('an .xls with a real password, and a password-protected .ods, are refused as protected, not as damaged', () => {
  expect(() => readWorkbookFile(fixture('школа-пароль.xls'), 'школа.xls')).toThrow(/«школа\.xls» защищён паролем\. Снимите пароль/);
  expect(() => readWorkbookFile(fixture('школа-пароль.ods'), 'школа.ods')).toThrow(/«школа\.ods» защищён паролем\. Снимите пароль/);
});
