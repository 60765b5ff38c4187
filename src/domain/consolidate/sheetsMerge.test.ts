import { heldRows } from '../sheetPlan';
import { readForms } from '../read';
import { checkWorkbook } from '../rules';
import { defaultSettings } from '../settings';
import { SHEET } from '../sheetNames';
import { accountingBalances, mergeReports, rowsReceived, type ReceivedWorkbook } from './merge';
import { buildConsolidatedWorkbook } from './workbook';
import { registerColumn, REGISTER_HEADER_ROW } from './registerSheet';
import { detailColumn, DETAIL_FIRST_ROW } from './detailLayout';
import { wordLayoutSheet, workbookOf } from '../../../test/support/formGrids';
import type { SheetGrid } from '../grid';

const settings = defaultSettings('autumn', 2023, { unit: 'Томская область', level: 'region' });

function receive(file: string, received: string, ...sheets: SheetGrid[]): ReceivedWorkbook {
  const read = readForms(workbookOf(file, ...sheets), { year: 2023 });
  return { file, received, read, problems: checkWorkbook(read, settings) };
}
/** A municipality's form with `events` in table 3.1 (the official example otherwise). */
const form = (sheet: string, unit: string, events: number) => wordLayoutSheet(sheet, { unit, row31: { 2: events } });

describe('merging a workbook of collected sheets alongside re-sent files', () => {
  const collected = receive('Сбор.xlsx', '2023-10-18T10:00:00', form('Асино', 'Асиновский район', 10), form('Бакчар', 'Бакчарский район', 20), form('Верхнекеть', 'Верхнекетский район', 30));
  const resent = receive('Исправления.xlsx', '2023-10-19T09:00:00', form('Бакчар', 'Бакчарский район', 21), form('Верхнекеть', 'Верхнекетский район', 31));
  const alone = receive('Зырянка.xlsx', '2023-10-17T12:00:00', form('Отчёт', 'Зырянский район', 40));
  const files = [collected, resent, alone];
  const result = mergeReports({ files, expectedUnits: [], deadline: '2023-10-19', policy: 'refuse-errors' });

  it('counts every sheet’s unit, the re-sent units from the later file and the rest from the earlier one', () => {
    expect(result.units.map((u) => [u.unit, u.file, u.participation.source.sheet, u.participation.events.value])).toEqual([
      ['Асиновский район', 'Сбор.xlsx', 'Асино', 10],
      ['Бакчарский район', 'Исправления.xlsx', 'Бакчар', 21],
      ['Верхнекетский район', 'Исправления.xlsx', 'Верхнекеть', 31],
      ['Зырянский район', 'Зырянка.xlsx', 'Отчёт', 40],
    ]);
    expect(result.totals.events).toBe(10 + 21 + 31 + 40);
    expect(accountingBalances(result, rowsReceived(files))).toBe(true);
    expect(result.accounting.participation).toEqual({ received: 6, merged: 4, superseded: 2, refused: 0 });
  });

  it('says per report which units a file held and which were replaced', () => {
    const first = result.files[0];
    expect(first.status).toBe('merged');
    expect(first.reason).toMatch(/^заменены более поздними файлами: Бакчарский район, Верхнекетский район \(в своде файл «Исправления\.xlsx»/);
    expect(first.reports.map((r) => [r.sheet, r.unit, r.status])).toEqual([
      ['Асино', 'Асиновский район', 'merged'],
      ['Бакчар', 'Бакчарский район', 'superseded'],
      ['Верхнекеть', 'Верхнекетский район', 'superseded'],
    ]);
  });

  it('lists each unit’s report with its sheet in «Реестр отчётов», and file and sheet in «Свод по ОО»', () => {
    const plan = buildConsolidatedWorkbook(result, settings);
    /** The rows of the block written at `at` on sheet `name`. */
    const block = (name: string, at: string) => heldRows(plan.sheets.find((s) => s.name === name)!.blocks.find((b) => b.at === at)!.rows);
    const register = block(SHEET.register, `A${REGISTER_HEADER_ROW + 1}`);
    const col = (t: Parameters<typeof registerColumn>[0]) => registerColumn(t) - 1;
    expect(register.map((r) => [r[col('Организация')], r[col('Файл')], r[col('Лист')], r[col('Статус')]])).toEqual([
      ['Зырянский район', 'Зырянка.xlsx', 'Отчёт', 'в срок'],
      ['Асиновский район', 'Сбор.xlsx', 'Асино', 'в срок'],
      ['Бакчарский район', 'Сбор.xlsx', 'Бакчар', 'заменён более поздним'],
      ['Верхнекетский район', 'Сбор.xlsx', 'Верхнекеть', 'заменён более поздним'],
      ['Бакчарский район', 'Исправления.xlsx', 'Бакчар', 'в срок'],
      ['Верхнекетский район', 'Исправления.xlsx', 'Верхнекеть', 'в срок'],
    ]);
    const detail = block(SHEET.detail, `A${DETAIL_FIRST_ROW}`);
    expect(detail.slice(0, 4).map((r) => [r[detailColumn('file') - 1], r[detailColumn('sheet') - 1]])).toEqual([
      ['Сбор.xlsx', 'Асино'],
      ['Исправления.xlsx', 'Бакчар'],
      ['Исправления.xlsx', 'Верхнекеть'],
      ['Зырянка.xlsx', 'Отчёт'],
    ]);
  });

  it('counts a unit twice in one workbook once, refusing the other copy’s rows with the reason', () => {
    const twice = receive('Дубль.xlsx', '2023-10-18T10:00:00', form('Асино', 'Асиновский район', 10), wordLayoutSheet('Асино (2)', { unit: 'Асиновский район', row31: { 2: 12, 4: null } }));
    const r = mergeReports({ files: [twice], expectedUnits: [], policy: 'merge-with-errors' });
    expect(r.units.map((u) => [u.unit, u.participation.source.sheet, u.participation.events.value])).toEqual([['Асиновский район', 'Асино', 10]]);
    expect(r.accounting.participation).toEqual({ received: 2, merged: 1, superseded: 0, refused: 1 });
    expect(r.files[0].reports[1]).toMatchObject({ sheet: 'Асино (2)', status: 'refused' });
    expect(r.files[0].reports[1].reason).toContain('есть в книге дважды (на листе «Асино (2)» и на листе «Асино»); в свод взята копия на листе «Асино»: в ней больше заполненных значений');
    expect(accountingBalances(r, rowsReceived([twice]))).toBe(true);
  });

  it('refuses only the school whose sheet has errors; its neighbours in the workbook merge without them', () => {
    const bad = wordLayoutSheet('Бакчар', { unit: 'Бакчарский район', row31: { 2: 'много' } });
    const book = receive('Сбор.xlsx', '2023-10-18T10:00:00', form('Асино', 'Асиновский район', 10), bad, form('Верхнекеть', 'Верхнекетский район', 30));
    const r = mergeReports({ files: [book], expectedUnits: ['Асиновский район', 'Бакчарский район', 'Верхнекетский район'], deadline: '2023-10-19', policy: 'refuse-errors' });
    expect(r.units.map((u) => [u.unit, u.errors])).toEqual([['Асиновский район', 0], ['Верхнекетский район', 0]]);
    expect(r.files[0].status).toBe('merged');
    expect(r.files[0].reports.map((x) => [x.sheet, x.status, x.errors > 0])).toEqual([['Асино', 'merged', false], ['Бакчар', 'refused', true], ['Верхнекеть', 'merged', false]]);
    expect(r.files[0].reports[1].reason).toMatch(/^в отчёте 1 ошибка \(первая — лист «Бакчар»/);
    expect(r.organisations.map((o) => [o.unit, o.fate, o.errors])).toEqual([
      ['Асиновский район', 'onTime', 0],
      ['Бакчарский район', 'refused', r.files[0].reports[1].errors],
      ['Верхнекетский район', 'onTime', 0],
    ]);
    expect(r.organisations[1].problems.every((p) => p.sheet === 'Бакчар' || p.sheet === '')).toBe(true);
    expect(accountingBalances(r, rowsReceived([book]))).toBe(true);
  });
});
