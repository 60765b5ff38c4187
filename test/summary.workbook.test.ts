/**
 * The indicators for a consolidated workbook already written (as in Excel, after the coordinator's corrections),
 * and the command line's --previous: both read the add-in's own sheets back from a real .xlsx.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeXlsx } from '../src/files/xlsxWriter';
import { readWorkbookFile } from '../src/files/readWorkbook';
import { summarySheetsFromWorkbook, indicatorsLayout, TOTAL_COLUMNS } from '../src/domain/indicators';
import { municipalSettings } from '../src/domain/sample/schoolWorkbooks';
import { SHEET } from '../src/domain/sheetNames';
import { withHeldRows } from '../src/domain/sheetPlan';
import { merge } from '../src/cli/merge';
import { main } from '../src/cli/main';
import { writeSample } from '../scripts/sample';
import { summarySample } from './support/summarySample';
// Slow on purpose (CLI): each test runs whole commands (stamp, merge of many school files, file writing) end to end.
jest.setTimeout(120_000);

describe('indicators over a consolidated workbook read back from its file', () => {
  it('gives the same «Показатели» and note as the merge itself', async () => {
    const sample = summarySample();
    const file = await writeXlsx(sample.plan);
    const fromFile = summarySheetsFromWorkbook(readWorkbookFile(file, 'свод.xlsx'), { settings: municipalSettings() });
    const fromMerge = sample.plan.sheets.filter((s) => s.name === SHEET.indicators || s.name === SHEET.note);
    // Rows made as written are compared as the rows they make.
    expect(withHeldRows({ sheets: fromFile })).toEqual(withHeldRows({ sheets: fromMerge }));
  });

  it('refuses a workbook that is not a consolidation, saying what to choose', () => {
    expect(() =>
      summarySheetsFromWorkbook({ file: 'отчёт школы.xlsx', sheets: [{ name: 'Лист1', cells: [], merges: [] }] }, { settings: municipalSettings() }),
    ).toThrow('В файле «отчёт школы.xlsx» нет листа «Свод по ОО»');
  });
});

describe('profkampaniya merge --previous', () => {
  it('puts the earlier campaign beside this one on «Показатели»', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pk-prev-'));
    try {
      await writeSample(join(dir, 'in'), { schools: 12 });
      const io = () => {
        const o = { out: '', err: '', stdout: { write: (t: string) => (o.out += t) }, stderr: { write: (t: string) => (o.err += t) } };
        return o;
      };
      const spring = io();
      const springOut = join(dir, 'весна.xlsx');
      expect(await merge([join(dir, 'in'), '--out', springOut, '--season', 'spring', '--year', '2023', '--unit', 'Город Томск'], spring)).toBe(0);
      const autumn = io();
      const autumnOut = join(dir, 'осень.xlsx');
      const code = await merge(
        [join(dir, 'in'), '--out', autumnOut, '--season', 'autumn', '--year', '2023', '--previous', springOut],
        autumn,
      );
      expect(autumn.err).toBe('');
      expect(code).toBe(0);
      const wb = readWorkbookFile(await readFile(autumnOut), 'осень.xlsx');
      const sheet = wb.sheets.find((s) => s.name === SHEET.indicators)!;
      const L = indicatorsLayout(12, { label: '', previous: [{} as never] });
      expect(sheet.cells[L.totalsHeaderRow - 1][L.previousFirstColumn - 1]).toBe('весенняя кампания 2023 г.');
      expect(sheet.cells[L.totalsHeaderRow - 1][L.changeColumn! - 1]).toBe('Изменение к «весенняя кампания 2023 г.»');
      // The same schools both times: the earlier share equals this one's formula result.
      expect(typeof sheet.cells[L.totalsRow.participation - 1][L.previousFirstColumn - 1]).toBe('number');
      expect(sheet.cells[L.totalsRow.participation - 1][TOTAL_COLUMNS.title - 1]).toMatch(/^Доля обучающихся 5–11 классов/);

      const bad = io();
      expect(await main(['merge', join(dir, 'in'), '--out', join(dir, 'x.xlsx'), '--previous', join(dir, 'in', 'units.csv')], bad)).toBe(2);
      expect(bad.err).toContain('нет листа «Свод по ОО»');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
