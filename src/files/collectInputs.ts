/**
 * Node only (the command line): the received files named on the command line, folders searched recursively.
 * Lock files of open workbooks (~$…), hidden files and the output itself are left out.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { receivedIso } from '../domain/consolidate/cells';

/** Workbooks, and text documents holding the forms' tables (Word, OpenDocument). */
export const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.ods', '.csv', '.docx', '.docm', '.doc', '.odt'];

export interface InputFile {
  path: string;
  /** Name shown in the register: the file name, or the path when two inputs share a name. */
  name: string;
  /** Modification time, local, ISO without zone: YYYY-MM-DDTHH:MM. */
  modified: string;
}

export class InputError extends Error {}


const skipped = (name: string) => name.startsWith('~$') || name.startsWith('.');

export async function collectInputs(args: string[], exclude: string[] = []): Promise<InputFile[]> {
  const excluded = new Set(exclude.map((p) => path.resolve(p)));
  const found: { path: string; mtime: Date }[] = [];
  const walk = async (p: string, named: boolean): Promise<void> => {
    let st;
    try {
      st = await fs.stat(p);
    } catch {
      throw new InputError(`Файл или папка «${p}» не найдены. Проверьте путь.`);
    }
    if (st.isDirectory()) {
      const entries = (await fs.readdir(p)).sort((a, b) => a.localeCompare(b, 'ru'));
      for (const e of entries) if (!skipped(e)) await walk(path.join(p, e), false);
      return;
    }
    const ext = path.extname(p).toLowerCase();
    if (!WORKBOOK_EXTENSIONS.includes(ext)) {
      if (named) throw new InputError(`Файл «${p}» — не таблица (ожидаются ${WORKBOOK_EXTENSIONS.join(', ')}).`);
      return;
    }
    if (excluded.has(path.resolve(p))) return;
    found.push({ path: p, mtime: st.mtime });
  };
  for (const a of args) await walk(a, true);
  const unique = [...new Map(found.map((f) => [path.resolve(f.path), f])).values()];
  const counts = new Map<string, number>();
  for (const f of unique) counts.set(path.basename(f.path).toLowerCase(), (counts.get(path.basename(f.path).toLowerCase()) ?? 0) + 1);
  return unique.map((f) => ({
    path: f.path,
    name: counts.get(path.basename(f.path).toLowerCase())! > 1 ? path.relative(process.cwd(), f.path) : path.basename(f.path),
    modified: receivedIso(f.mtime),
  }));
}
