/**
 * Workbooks written by XlsxWriter (python3-xlsxwriter), the writer behind pandas' to_excel: a hand other than ours,
 * with its own habits (shared strings with _xHHHH_ escapes; in constant_memory mode every string inline).
 * A missing Python module fails the test with a message, never skips it.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const PYTHON = '/usr/bin/python3';
const SCRIPT = path.join(__dirname, 'xlsxwriterBooks.py');
export type XlsxWriterMode = 'shared' | 'inline';

function needXlsxWriter(): void {
  try {
    execFileSync(PYTHON, ['-c', 'import xlsxwriter, openpyxl'], { stdio: 'pipe' });
  } catch {
    throw new Error(`Нет модуля xlsxwriter или openpyxl для ${PYTHON}: установите python3-xlsxwriter и python3-openpyxl (scripts/setup.sh).`);
  }
}

/** Each workbook read by openpyxl and written again by XlsxWriter (test/support/xlsxwriterBooks.py). */
export async function rewrittenByXlsxWriter(files: { name: string; bytes: Uint8Array }[], mode: XlsxWriterMode): Promise<{ name: string; bytes: Uint8Array }[]> {
  needXlsxWriter();
  const dir = await mkdtemp(path.join(tmpdir(), 'pk-xlsxwriter-'));
  try {
    const inputs = path.join(dir, 'src');
    await mkdir(inputs);
    await Promise.all(files.map((f) => writeFile(path.join(inputs, f.name), f.bytes)));
    await promisify(execFile)(PYTHON, [SCRIPT, inputs, path.join(dir, 'out'), mode]);
    return await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await readFile(path.join(dir, 'out', f.name))) })));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One sheet «Строки» with `strings` down column A, as XlsxWriter writes them. */
export function stringsByXlsxWriter(strings: string[], mode: XlsxWriterMode): Uint8Array {
  needXlsxWriter();
  const out = path.join(tmpdir(), `pk-xlsxwriter-strings-${process.pid}-${mode}.xlsx`);
  execFileSync(PYTHON, [SCRIPT, '--strings', out, mode], { input: JSON.stringify(strings) });
  const bytes = new Uint8Array(readFileSync(out));
  rmSync(out);
  return bytes;
}
