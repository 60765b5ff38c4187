/**
 * Node only (the command line): the received files named on the command line, folders searched recursively.
 *
 * For the merge every file in the folders counts (collectReceived): a school that sent a .pdf or a .xlsb must be
 * in the register, refused with its reason, not silently missing. Only what the operating system or an office
 * program leaves behind by itself (lock files of open workbooks, thumbnails caches, macOS metadata) is left out,
 * and named so the coordinator sees it was. The output itself and the units list are left out too.
 */
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { receivedIso } from '../domain/consolidate/cells';
import { isSystemLitter } from './systemLitter';
import { byReceivedName } from '../domain/consolidate/receivedOrder';

export { isSystemLitter } from './systemLitter';

/** Workbooks, and text documents holding the forms' tables (Word, OpenDocument). */
export const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm', '.xlsb', '.xls', '.ods', '.csv', '.docx', '.docm', '.doc', '.odt'];

export interface InputFile {
  path: string;
  /** Name shown in the register: the file name, or its path inside the folder given when two inputs share a name. */
  name: string;
  /** Modification time, local, ISO without zone: YYYY-MM-DDTHH:MM. */
  modified: string;
  /** Bytes (0 when the file could not be looked at). */
  size: number;
}

export interface CollectedInputs {
  files: InputFile[];
  /** System litter found in the folders and left out (paths as found). */
  skipped: string[];
}

export class InputError extends Error {}



/**
 * Synchronous on purpose: nothing else runs meanwhile, and a folder of 1,000 files awaited a stat at a time
 * spent 50 ms waiting on the thread pool.
 */
function walkInputs(args: string[], exclude: string[], everyFile: boolean): CollectedInputs {
  const excluded = new Set(exclude.map((p) => path.resolve(p)));
  const found: { path: string; mtime: Date; size: number; root: string }[] = [];
  const skipped: string[] = [];
  const walk = (p: string, root: string | undefined): void => {
    const named = root === undefined;
    let st;
    try {
      st = statSync(p);
    } catch {
      if (named) throw new InputError(`Файл или папка «${p}» не найдены. Проверьте путь.`);
      // A broken link or a file removed meanwhile: still accounted for, refused when it is read.
      if (everyFile) found.push({ path: p, mtime: new Date(0), size: 0, root: root ?? '' });
      return;
    }
    if (st.isDirectory()) {
      const entries = readdirSync(p, { withFileTypes: true }).sort((a, b) => byReceivedName(a.name, b.name));
      for (const e of entries) {
        const child = path.join(p, e.name);
        if (isSystemLitter(e.name, e.isDirectory())) skipped.push(child);
        else if (!everyFile && e.name.startsWith('.')) continue;
        else walk(child, root ?? p);
      }
      return;
    }
    if (excluded.has(path.resolve(p))) return;
    if (!everyFile && !WORKBOOK_EXTENSIONS.includes(path.extname(p).toLowerCase())) {
      if (named) throw new InputError(`Файл «${p}» — не таблица (ожидаются ${WORKBOOK_EXTENSIONS.join(', ')}).`);
      return;
    }
    found.push({ path: p, mtime: st.mtime, size: st.size, root: root ?? '' });
  };
  for (const a of args) walk(a, undefined);
  const unique = [...new Map(found.map((f) => [path.resolve(f.path), f])).values()];
  const counts = new Map<string, number>();
  for (const f of unique) counts.set(path.basename(f.path).toLowerCase(), (counts.get(path.basename(f.path).toLowerCase()) ?? 0) + 1);
  return {
    files: unique.map((f) => ({
      path: f.path,
      // Two files of one name (in subfolders): each named by its path inside the folder given.
      name: counts.get(path.basename(f.path).toLowerCase())! > 1 ? path.relative(f.root || process.cwd(), f.path) : path.basename(f.path),
      modified: receivedIso(f.mtime),
      size: f.size,
    })),
    skipped,
  };
}

/** Every received file for the merge, whatever its kind (see the module comment), and the litter left out. */
export async function collectReceived(args: string[], exclude: string[] = []): Promise<CollectedInputs> {
  return walkInputs(args, exclude, true);
}

/** The workbooks among the files named (for `check`): other files in folders are passed over. */
export async function collectInputs(args: string[], exclude: string[] = []): Promise<InputFile[]> {
  return walkInputs(args, exclude, false).files;
}
