/**
 * The receipt dates given with --dates: a .csv or .txt (or the first sheet of an .xlsx), a line per file or
 * organisation — its name, then the date it was received (дд.мм.гггг or дд.мм.гггг чч:мм). A bad line stops the
 * merge with its number, before anything is read or written.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseGivenDates, type GivenDate } from '../domain/consolidate/receiptDates';
import { csvRows } from '../files/csvRows';
import { csvDelimiter, decodeCsv, FileReadError, readWorkbookFile } from '../files/readWorkbook';
import { UsageError } from './io';

const HOW = 'В каждой строке — имя файла или организации и дата получения через «;», например: «МБОУ СОШ № 1.xlsx;18.10.2023 14:05».';

/** A date Excel made of a typed one (days from 30.12.1899): back to the text a coordinator would have typed. */
function cellText(v: unknown): string {
  if (typeof v !== 'number') return String(v ?? '');
  const d = new Date(Math.round((v - 25569) * 86400) * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  const time = d.getUTCHours() || d.getUTCMinutes() ? ` ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}` : '';
  return `${p(d.getUTCDate())}.${p(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}${time}`;
}

export async function readDatesFile(file: string): Promise<GivenDate[]> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch {
    throw new UsageError(`Файл дат «${file}» не найден. Проверьте путь в параметре --dates.`);
  }
  const ext = path.extname(file).toLowerCase();
  let rows: string[][];
  if (['.xlsx', '.xlsm', '.xls', '.ods'].includes(ext)) {
    try {
      rows = (readWorkbookFile(bytes, path.basename(file), { formulas: false }).sheets[0]?.cells ?? []).map((r) => (r ?? []).map(cellText));
    } catch (e) {
      if (e instanceof FileReadError) throw new UsageError(`Файл дат: ${e.message}`);
      throw e;
    }
  } else if (ext === '.csv' || ext === '.txt' || ext === '') {
    const text = decodeCsv(bytes).replace(/^\uFEFF/, '');
    rows = csvRows(text, csvDelimiter(text)).map((r) => r.map((c) => String(c ?? '')));
  } else throw new UsageError(`Файл дат «${file}» должен быть файлом .csv, .txt или .xlsx. ${HOW}`);
  const { dates, errors } = parseGivenDates(rows);
  if (errors.length)
    throw new UsageError(`В файле дат «${file}» ${errors.length === 1 ? 'ошибка' : 'ошибки'} — свод не выполнен:\n${errors.map((e) => `  ${e}`).join('\n')}\n${HOW}`);
  if (dates.length === 0) throw new UsageError(`В файле дат «${file}» нет ни одной даты. ${HOW}`);
  return dates;
}
