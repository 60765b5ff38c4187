/**
 * A real spreadsheet engine for tests: LibreOffice (headless) loads a workbook we wrote, recalculates every formula,
 * saves it, and the computed values are read back with @e965/xlsx. Each call has its own LibreOffice profile, so
 * tests running in parallel do not wait on one another's lock.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as XLSX from '@e965/xlsx';

export type RecalculatedCell = string | number | boolean | null;
export type RecalculatedWorkbook = Record<string, RecalculatedCell[][]>;

const MISSING = 'LibreOffice не найден: установите пакет libreoffice-calc-nogui (scripts/setup.sh)';

function findSoffice(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const p = join(dir, name);
      if (dir && existsSync(p)) return p;
    }
  }
  throw new Error(MISSING);
}

/**
 * Profile settings: recalculate OOXML files on load always (the default can be «never», which would hand back
 * whatever values the file carries), and no first-start dialogs.
 */
const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="FirstStartWizardCompleted" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
`;

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs }, (err, stdout, stderr) => {
      if (err) reject(new Error(`LibreOffice завершился с ошибкой: ${err.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

/** Load `xlsx` in LibreOffice, recalculate, save, and return every sheet's values as a grid from A1. */
export async function recalculate(xlsx: Uint8Array): Promise<RecalculatedWorkbook> {
  // The profile written by saveAs makes LibreOffice recalculate every formula on load before it saves.
  return readValues(await saveAs(xlsx, 'xlsx'));
}

/** Values (not formulas) of every sheet, indexed from A1 whatever the sheet's used range. */
export function readValues(bytes: Uint8Array): RecalculatedWorkbook {
  const wb = XLSX.read(bytes, { type: 'buffer', cellFormula: false, cellDates: false });
  const out: RecalculatedWorkbook = {};
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    const ref = ws['!ref'];
    const grid: RecalculatedCell[][] = [];
    if (ref) {
      const r = XLSX.utils.decode_range(ref);
      for (let row = 0; row <= r.e.r; row++) {
        const line: RecalculatedCell[] = [];
        for (let col = 0; col <= r.e.c; col++) {
          const cell = ws[XLSX.utils.encode_cell({ r: row, c: col })] as XLSX.CellObject | undefined;
          line.push(cell === undefined || cell.t === 'z' ? null : cell.t === 'e' ? (cell.w ?? '#ОШИБКА') : (cell.v as RecalculatedCell));
        }
        grid.push(line);
      }
    }
    out[name] = grid;
  }
  return out;
}

/** The value at an A1 address of a recalculated sheet. */
export function valueAt(grid: RecalculatedCell[][], a1: string): RecalculatedCell {
  const { r, c } = XLSX.utils.decode_cell(a1);
  return grid[r]?.[c] ?? null;
}

const SAVE_FILTERS = { ods: 'ods:calc8', xls: 'xls:MS Excel 97', xlsx: 'xlsx:Calc MS Excel 2007 XML' } as const;

/**
 * One conversion in a fresh LibreOffice profile: `input` saved under `inputName`, converted with `filter`, the
 * result (same name, extension `ext`) returned; `failure` says what went wrong when LibreOffice wrote nothing.
 */
async function convert(input: Uint8Array, inputName: string, filter: string, ext: string, extra: string[], failure: string): Promise<Uint8Array> {
  const soffice = findSoffice();
  const dir = await mkdtemp(join(tmpdir(), 'pk-lo-'));
  try {
    const profile = join(dir, 'profile');
    await mkdir(join(profile, 'user'), { recursive: true });
    await writeFile(join(profile, 'user', 'registrymodifications.xcu'), REGISTRY);
    const inputPath = join(dir, inputName);
    const outDir = join(dir, 'out');
    await mkdir(outDir);
    await writeFile(inputPath, input);
    const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nologo', ...extra];
    const { stdout, stderr } = await run(soffice, [...args, '--convert-to', filter, '--outdir', outDir, inputPath], 180_000);
    const output = join(outDir, inputName.replace(/\.[^.]+$/, `.${ext}`));
    if (!existsSync(output)) throw new Error(`${failure}\n${stdout}\n${stderr}`);
    return new Uint8Array(await readFile(output));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Open `xlsx` in LibreOffice and save it as a school with LibreOffice would send it: .ods, .xls or .xlsx
 * (formulas recalculated, their values cached in the file).
 */
export function saveAs(xlsx: Uint8Array, format: keyof typeof SAVE_FILTERS): Promise<Uint8Array> {
  return convert(xlsx, 'in.xlsx', SAVE_FILTERS[format], format, [], `LibreOffice не сохранил книгу как .${format}.`);
}

const DOCUMENT_FILTERS = { docx: 'docx:MS Word 2007 XML', odt: 'odt:writer8', doc: 'doc:MS Word 97', pdf: 'pdf:writer_pdf_Export' } as const;

/**
 * LibreOffice Writer opens a document (HTML read as a text document, .fodt, .docx…) and saves it as .docx, .odt,
 * .doc or PDF: documents written by hands other than ours. Needs the Writer part of LibreOffice
 * (libreoffice-writer-nogui, scripts/setup.sh).
 */
export function convertDocument(input: Uint8Array, inputName: string, format: keyof typeof DOCUMENT_FILTERS): Promise<Uint8Array> {
  // HTML would open in Writer/Web (a web page, saved as such); read it as a text document.
  const infilter = inputName.endsWith('.html') ? ['--infilter=HTML (StarWriter)'] : [];
  return convert(input, inputName, DOCUMENT_FILTERS[format], format, infilter,
    `LibreOffice не сохранил документ как .${format} (нужен LibreOffice Writer: пакет libreoffice-writer-nogui, scripts/setup.sh).`);
}
