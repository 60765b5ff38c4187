/**
 * The consolidated workbooks (Свод) of the same schools compared cell by cell — from sets in other encodings, and
 * the pane's against the command line's — by test/support/compareBooks.py (openpyxl: a reader other than ours, formulas
 * and cached values). What it leaves out, and why, is printed with every comparison (EXCLUDED).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export interface Difference {
  sheet: string;
  cell: string;
  what: string;
  reference: unknown;
  other: unknown;
}

export interface Comparison {
  file: string;
  same: boolean;
  sheets: string[];
  cells: number;
  differences: number;
  first: Difference[];
  /** Cells where only a received file's extension differed (.xlsx / .xls / .ods / .xlsb). */
  names: number;
  /** Cells of the register's «Контрольная сумма» column, left out. */
  checksums: number;
  /** Cells that only say a file came by mail (the letter's name before the file's, sender, letter, «дата письма»). */
  letters: number;
}

export const EXCLUDED =
  'Не сравниваются: расширение в имени полученного файла (.xlsx/.xls/.ods/.xlsb — те же школы в другом формате; имя без расширения сравнивается) ' +
  'и столбец «Контрольная сумма» листа «Реестр отчётов» (сумма байтов файла, у другого формата она другая); у писем — имя письма перед именем файла ' +
  'и в «Реестре отчётов» «Отправитель», «Письмо, вложение» и слова «Откуда дата» (сама дата сравнивается). Всё остальное — каждая ячейка каждого листа, ' +
  'формула и вычисленное значение (openpyxl) — должно совпасть, и даты получения тоже (наборы хранят время изменения файлов).';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** Each of `others` against `reference`; a reason instead when openpyxl is not there or fails. */
export function compareBooks(reference: string, others: string[]): Comparison[] | string {
  if (!others.length) return [];
  const probe = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' });
  if (probe.status !== 0) return `openpyxl не установлен (${PYTHON}): apt-get install -y python3-openpyxl — своды не сравнены`;
  const r = spawnSync(PYTHON, [path.join(__dirname, '../test/support/compareBooks.py'), reference, ...others], { encoding: 'utf8', maxBuffer: 16 << 20 });
  if (r.status !== 0) return `сравнение сводов не удалось: ${r.stderr.trim().split('\n').pop()}`;
  return r.stdout.trim().split('\n').map((line) => JSON.parse(line) as Comparison);
}

/** «одинаково: да/нет» with the count of cells and, when not, the first differing cells. */
export function comparisonLines(label: string, c: Comparison): string[] {
  const head = `${label}: одинаково: ${c.same ? 'да' : 'нет'} (${c.cells.toLocaleString('ru-RU')} ячеек на ${c.sheets.length} листах; расширение отличалось в ${c.names}, контрольных сумм не сравнивалось ${c.checksums}${c.letters ? `, о письме ${c.letters}` : ''}${c.same ? '' : `; различий ${c.differences}`})`;
  return [head, ...c.first.map((d) => `    ${d.sheet}!${d.cell} (${d.what}): ${String(d.reference)} ≠ ${String(d.other)}`)];
}
