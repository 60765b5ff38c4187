/**
 * Personalised blanks from the pane: the list of units (pasted, or the first column of a picked file), one blank per
 * unit built and written one at a time — into a .zip to download, or each opened as a new Excel workbook — with
 * progress and a cancel between blanks. No React here: tested in Node.
 */
import { blankFilesFor, blankWorkbookPlan, type BlankOptions } from '../../domain/blanks/blank';
import { expectedUnitsFromGrid, expectedUnitsFromText } from '../../domain/consolidate/expectedUnits';
import { russianOr } from './messages';
import { ruHost, type BlanksWhat } from '../hostStrings';
import type { PickedFile } from './flows';

export interface BlankFile {
  unit: string;
  fileName: string;
  bytes: Uint8Array;
}

export interface BlankProgress {
  /** Blanks finished before this one. */
  done: number;
  total: number;
  unit: string;
}

export interface BlankRun {
  onProgress?: (p: BlankProgress) => void;
  /** Checked between blanks: the run stops with BlanksCancelled. */
  signal?: AbortSignal;
}

/** Thrown when the coordinator cancels; its message says how many blanks were made. */
export class BlanksCancelled extends Error {
  constructor(readonly done: number, readonly total: number, readonly what: BlanksWhat) {
    super(ruHost.blanksCancelled(done, total, what));
    this.name = 'BlanksCancelled';
  }
}

/** The list file's units: a .txt one a line, any table (.csv, .xlsx, .xls, .ods) by its first column. */
export async function unitsFromFile(file: PickedFile, words: Pick<typeof ruHost, 'blanksListUnreadable' | 'blanksListEmpty'> = ruHost): Promise<string[]> {
  const { assertReadableSize, decodeCsv, readWorkbookFile } = await import(/* webpackChunkName: "xlsx-reader" */ '../../files/readWorkbook');
  let units: string[];
  try {
    if (file.size !== undefined) assertReadableSize(file.size, file.name);
    const bytes = new Uint8Array(await file.arrayBuffer());
    units = /\.txt$/i.test(file.name) ? expectedUnitsFromText(decodeCsv(bytes)) : expectedUnitsFromGrid(readWorkbookFile(bytes, file.name).sheets[0] ?? { name: '', cells: [], merges: [] });
  } catch (e) {
    throw new Error(russianOr(e, words.blanksListUnreadable(file.name)));
  }
  if (units.length === 0) throw new Error(words.blanksListEmpty(file.name));
  return units;
}

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Builds and writes the blanks one at a time, handing each to `use` (zip it, open it in Excel). The page gets a turn
 * between blanks, so progress shows and «Отмена» is heard. `what` names the finished ones in the cancel message.
 */
export async function eachBlank(units: string[], opts: BlankOptions, use: (b: BlankFile) => Promise<void>, run: BlankRun = {}, what: BlanksWhat = 'ready'): Promise<number> {
  const { writeXlsx } = await import(/* webpackChunkName: "xlsx-writer" */ '../../files/xlsxWriter');
  const list = blankFilesFor(units);
  if (list.length === 0) throw new Error('Список организаций пуст: впишите по одной в строке или выберите файл со списком.');
  for (let i = 0; i < list.length; i++) {
    if (run.signal?.aborted) throw new BlanksCancelled(i, list.length, what);
    run.onProgress?.({ done: i, total: list.length, unit: list[i].unit });
    await nextTurn();
    if (run.signal?.aborted) throw new BlanksCancelled(i, list.length, what);
    const bytes = await writeXlsx(blankWorkbookPlan(list[i].unit, opts));
    await use({ ...list[i], bytes });
  }
  return list.length;
}

/** All blanks in one .zip (each .xlsx under its unit's safe name). */
export async function zipBlanks(units: string[], opts: BlankOptions, run: BlankRun = {}): Promise<{ zip: Uint8Array; files: string[] }> {
  const { default: JSZip } = await import(/* webpackChunkName: "xlsx-writer" */ 'jszip');
  const zip = new JSZip();
  const files: string[] = [];
  await eachBlank(
    units,
    opts,
    async (b) => {
      // An .xlsx is already compressed: stored as is, the archive is made at once.
      zip.file(b.fileName, b.bytes, { binary: true, compression: 'STORE' });
      files.push(b.fileName);
    },
    run,
    'ready',
  );
  return { zip: await zip.generateAsync({ type: 'uint8array' }), files };
}
