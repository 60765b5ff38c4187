/**
 * The monitoring form through the command line, as a coordinator meets it: `stamp monitoring` writes the blank,
 * a school fills it in its spreadsheet (moving nothing), `check` finds the form by its headers and says what is
 * wrong at which cell.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { check, type CheckRecord } from '../src/cli/check';
import { stamp } from '../src/cli/stamp';
import { aKey, bKey, EDUCATION_LEVELS } from '../src/domain/forms/monitoring';
import { monitoringLayout } from '../src/domain/forms/monitoringLayout';
import { dataCell } from '../src/domain/forms/tableLayout';
import { defaultSettings } from '../src/domain/settings';
import { SHEET } from '../src/domain/sheetNames';
import { capturedIO } from './support/command';
// Slow on purpose (CLI): each test runs whole commands (stamp, merge of many school files, file writing) end to end.
jest.setTimeout(120_000);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pk-mon-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** An io capturing the command's output; `out()` and `err()` read it so far. */
function io() {
  const { out, io } = capturedIO();
  return { io, out: () => out.stdout, err: () => out.stderr };
}

test('a stamped monitoring form, filled with a share over 100 % and a wrong sum by level, is checked at its cells', async () => {
  const file = path.join(dir, 'мониторинг.xlsx');
  const s = io();
  expect(await stamp(['monitoring', '--out', file, '--unit', 'МАОУ СОШ № 4', '--level', 'school', '--season', 'autumn', '--year', '2026', '--protect'], s.io)).toBe(0);
  expect(s.out()).toContain('форма мониторинга');

  const L = monitoringLayout(defaultSettings('autumn', 2026, { unit: 'МАОУ СОШ № 4', level: 'school' })).table;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SHEET.monitoring)!;
  const put = (key: string, v: number | string) => (ws.getCell(dataCell(L, key, 0)).value = v);
  put(aKey('pupils'), 520); // more pupils took part than there are
  put(bKey('pupils'), 500);
  put(aKey('ovz'), '12 чел.'); // typed with a unit: read as 12
  put(bKey('ovz'), 15);
  put(aKey('events'), 20);
  put(bKey('events'), 24);
  put(EDUCATION_LEVELS[0].key, 5);
  put(EDUCATION_LEVELS[1].key, 9);
  put(EDUCATION_LEVELS[2].key, 4); // 18 ≠ 20
  put(aKey('teachers'), 30); // B left empty
  put(bKey('diagnostics'), 'много'); // unreadable
  await writeFile(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));

  const c = io();
  const code = await check([file, '--json'], c.io);
  expect(code).toBe(1);
  const records = JSON.parse(c.out()) as CheckRecord[];
  const got = records.map((r) => `${r.code}|${r.severity}|${r.sheet}|${r.cell}`).sort();
  expect(got).toEqual(
    [
      `monitoring-a-above-b|error|${SHEET.monitoring}|${dataCell(L, aKey('pupils'), 0)}`,
      `monitoring-incomplete|warning|${SHEET.monitoring}|${dataCell(L, bKey('teachers'), 0)}`,
      `monitoring-levels-sum|warning|${SHEET.monitoring}|${dataCell(L, EDUCATION_LEVELS[0].key, 0)}`,
      `value-unreadable|error|${SHEET.monitoring}|${dataCell(L, bKey('diagnostics'), 0)}`,
    ].sort(),
  );
  const share = records.find((r) => r.code === 'monitoring-a-above-b')!;
  expect(share.message).toBe(
    `Показатель 1 «Количество обучающихся, вовлеченных в профориентационные мероприятия, направленные на профессиональное самоопределение и профессиональную ориентацию»: A = 520 больше B = 500, а доля не может превышать 100 %. Проверьте A (${dataCell(L, aKey('pupils'), 0)}) и B (${dataCell(L, bKey('pupils'), 0)}).`,
  );
});
