/**
 * Receiving picked files for the merge in the browser without freezing the page: one file at a time (read, find
 * the forms, check), the grid dropped as soon as the file is read, the page given a turn between files, progress
 * reported after each, and a cancel honoured between files. 1,000 school workbooks take a minute or two in a
 * browser; the pane stays responsive throughout. No fs, no DOM: bytes come from the picked File objects.
 */
import type { ReceivedFile } from '../domain/consolidate/merge';
import { readForms } from '../domain/read';
import { checkReceived } from '../domain/rules';
import { receivedIso } from '../domain/consolidate/cells';
import { settingsForCampaign, type Campaign, type CampaignSettings } from '../domain/settings';
import type { WorkbookGrid } from '../domain/grid';
import { assertReadableSize, FileReadError, readWorkbookFile } from './readWorkbook';

/** A file as <input type=file> gives it (a browser File satisfies this). */
export interface FileToReceive {
  name: string;
  lastModified: number;
  /** Bytes, when known before reading (a browser File knows): a huge file is refused without being loaded. */
  size?: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ReceiveProgress {
  /** Files received so far, and of how many. */
  done: number;
  total: number;
  /** The file just received. */
  file: string;
}

export interface ReceiveOptions {
  onProgress?: (p: ReceiveProgress) => void;
  /** Cancels between files; the promise then rejects with ReceiveCancelled. */
  signal?: AbortSignal;
  /** Give the page a turn when this many milliseconds of work have passed (default 30). */
  sliceMs?: number;
  /** When the file was received (default: its modification time, local, as the pane shows it). */
  receivedAt?: (file: FileToReceive) => string;
}

/** The coordinator cancelled: nothing was merged or written. */
export class ReceiveCancelled extends Error {
  constructor(
    readonly done: number,
    readonly total: number,
  ) {
    super(`Свод отменён: прочитано ${done} из ${total} файлов. Ничего не записано; чтобы свести отчёты, запустите свод снова.`);
    this.name = 'ReceiveCancelled';
  }
}

/** A macrotask boundary: the browser paints and handles clicks (the cancel button) before the next file. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A digest of the bytes, as the command line keeps in the register (SHA-1, first 16 hex digits). */
async function fingerprintOf(bytes: Uint8Array<ArrayBuffer>): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const digest = new Uint8Array(await subtle.digest('SHA-1', bytes));
  return Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** One file's bytes: read, forms found, checked. A failure is the file's Russian reason, never an exception. */
export function receiveBytes(bytes: Uint8Array, file: string, received: string, settings: CampaignSettings, fingerprint?: string): ReceivedFile {
  const read = readReceivedWorkbook(bytes, file, received, fingerprint);
  return 'refused' in read ? read.refused : receiveGrid(read.grid, received, settings, fingerprint);
}

/**
 * The first half of receiveBytes: the file read into grids, its forms not yet found (receiveGrid does that, on this
 * thread or another: the command line's reading worker hands grids to the main thread, cli/receivePool.ts). A file
 * that cannot be read is its refusal, in the same words.
 */
export function readReceivedWorkbook(bytes: Uint8Array, file: string, received: string, fingerprint?: string): { grid: WorkbookGrid } | { refused: ReceivedFile } {
  try {
    // Formulas are not needed to read the forms: cached values are (see ReadWorkbookOptions).
    return { grid: readWorkbookFile(bytes, file, { formulas: false }) };
  } catch (e) {
    const base = fingerprint ? { file, received, fingerprint } : { file, received };
    if (e instanceof FileReadError) return { refused: { ...base, error: e.message } };
    return { refused: { ...base, error: `Файл «${file}» не удалось прочитать: он повреждён или это не таблица. Попросите прислать его снова.` } };
  }
}

/**
 * A workbook already in grids (the open workbook's sheets in Excel): forms found, checked. A failure is the file's
 * Russian reason, never an exception.
 */
/**
 * `checkFor`: a campaign to check the file under other than the one it is read with — a guess while reading (the
 * command line with no campaign named, cli/receive.ts), tagged on the file (ReceivedWorkbook.checkedFor) so that the
 * merge checks it again should it take another (assumeCampaignOfReports).
 */
export function receiveGrid(grid: WorkbookGrid, received: string, settings: CampaignSettings, fingerprint?: string, checkFor?: Campaign): ReceivedFile {
  const file = grid.file;
  const base = fingerprint ? { file, received, fingerprint } : { file, received };
  let read;
  try {
    read = readForms(grid, { year: settings.year });
  } catch (e) {
    return { ...base, error: `Формы в файле «${file}» не удалось разобрать (${(e as Error).message}). Сообщите разработчикам, приложив файл.` };
  }
  // The reading problems and the rules' (checkReceived says so when the rules themselves fail on the file).
  if (!checkFor) return { ...base, read, problems: checkReceived(read, settings, file) };
  return { ...base, read, problems: checkReceived(read, settingsForCampaign(checkFor, settings), file), checkedFor: checkFor };
}

/** Every file received in order, yielding to the page between files; see the module comment. */
export async function receiveFiles(files: FileToReceive[], settings: CampaignSettings, opts: ReceiveOptions = {}): Promise<ReceivedFile[]> {
  const sliceMs = opts.sliceMs ?? 30;
  const receivedAt = opts.receivedAt ?? ((f: FileToReceive) => receivedIso(f.lastModified));
  const out: ReceivedFile[] = [];
  let sliceStart = Date.now();
  for (const f of files) {
    if (opts.signal?.aborted) throw new ReceiveCancelled(out.length, files.length);
    const received = receivedAt(f);
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      if (f.size !== undefined) assertReadableSize(f.size, f.name);
      bytes = new Uint8Array(await f.arrayBuffer());
    } catch (e) {
      if (e instanceof FileReadError) {
        out.push({ file: f.name, received, error: e.message });
        continue;
      }
      out.push({ file: f.name, received, error: `Файл «${f.name}» не удалось открыть: возможно, он перемещён или удалён. Выберите его снова.` });
      continue;
    }
    out.push(receiveBytes(bytes, f.name, received, settings, await fingerprintOf(bytes)));
    opts.onProgress?.({ done: out.length, total: files.length, file: f.name });
    if (Date.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = Date.now();
    }
  }
  if (opts.signal?.aborted) throw new ReceiveCancelled(out.length, files.length);
  return out;
}
