/** The list of expected units given with --units: a .csv, .txt or .xlsx, one unit a row in the first column. */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { expectedUnitsFromGrid, expectedUnitsFromText } from '../domain/consolidate/expectedUnits';
import { csvRows } from '../files/csvRows';
import { csvDelimiter, decodeCsv, FileReadError, readWorkbookFile } from '../files/readWorkbook';
import { UsageError } from './io';

export async function readUnitsList(file: string): Promise<string[]> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch {
    throw new UsageError(`Список организаций «${file}» не найден. Проверьте путь в параметре --units.`);
  }
  const ext = path.extname(file).toLowerCase();
  let units: string[];
  if (ext === '.txt') units = expectedUnitsFromText(decodeCsv(bytes));
  else if (ext === '.csv') {
    const text = decodeCsv(bytes).replace(/^\uFEFF/, '');
    units = expectedUnitsFromGrid({ name: path.basename(file), cells: csvRows(text, csvDelimiter(text)), merges: [] });
  } else if (['.xlsx', '.xlsm', '.xls', '.ods'].includes(ext)) {
    try {
      const wb = readWorkbookFile(bytes, path.basename(file));
      units = expectedUnitsFromGrid(wb.sheets[0]);
    } catch (e) {
      if (e instanceof FileReadError) throw new UsageError(`Список организаций: ${e.message}`);
      throw e;
    }
  } else throw new UsageError(`Список организаций «${file}» должен быть файлом .csv, .txt или .xlsx (по одной организации в строке).`);
  if (units.length === 0) throw new UsageError(`В списке «${file}» нет ни одной организации: впишите по одной в первый столбец.`);
  return units;
}
