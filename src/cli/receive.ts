/** Receiving files for the merge: read, find the forms, check — a failure of one file never stops the others. */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ReceivedFile } from '../domain/consolidate/merge';
import { sameCampaign, type Campaign, type CampaignSettings } from '../domain/settings';
import { campaignOfPlan } from '../domain/read/campaign';
import { FileReadError } from '../files/readWorkbook';
import { assertReceivableSize, readInput, receivedFrom, SPLIT_READING_BELOW, type GridToReceive } from '../files/receiveInput';
import { collectReceived, InputError } from '../files/collectInputs';
import { UsageError, type CliIO } from './io';
import { dropReaderAhead, receiveInWorkers, startReaderAhead, workerCount, workerScript, type InputToReceive } from './receivePool';
import { SHARE_FROM_FILES, stringPool } from '../domain/consolidate/stringPool';
import { addFastReaderCounts, fastReaderCounts, type FastReaderCounts } from '../files/xlsxValues';

export type { InputToReceive } from './receivePool';

/**
 * The order files are handed to the reading threads: the slowest first — other formats than .xlsx (read by SheetJS
 * or a document reader, loaded for them), then the largest — so that no thread is left reading a big file at the
 * end while the others wait. The results keep the inputs' order whatever the order of reading.
 */
export function readingOrder(inputs: InputToReceive[]): number[] {
  const weight = (f: InputToReceive) => (/\.xlsx$/i.test(f.name) ? 0 : 2 ** 40) + (f.size ?? 0);
  return inputs.map((_, i) => i).sort((a, b) => weight(inputs[b]) - weight(inputs[a]) || a - b);
}

/** A file the system would not give us, in the coordinator's words (these happen on their computer, not the school's). */
function cannotOpen(name: string, code: string | undefined): string {
  if (code === 'ENOENT') return `Файл «${name}» не найден: его удалили или переместили, пока шёл свод. Запустите свод ещё раз.`;
  if (code === 'EACCES' || code === 'EPERM') return `Файл «${name}» не удалось открыть: нет прав на чтение. Откройте доступ к файлу (или скопируйте его в свою папку) и запустите свод ещё раз.`;
  if (code === 'EBUSY') return `Файл «${name}» занят другой программой. Закройте его и запустите свод ещё раз.`;
  return `Файл «${name}» не удалось открыть (${code ?? 'ошибка чтения'}). Скопируйте его в свою папку и запустите свод ещё раз.`;
}

/**
 * Read, find the forms, check: a failure of one file never stops the others. A letter, a mailbox or an archive
 * gives every file inside it (src/files/receiveInput.ts); any other file gives itself. The file is read
 * synchronously: a hop through libuv's thread pool per file cost about a millisecond of idle time each (bench/);
 * a letter's parser only awaits work already done (no I/O, no timers), so a worker still reads one file at a time.
 */
export async function receive(file: { path: string; name: string; modified: string }, settings: CampaignSettings): Promise<ReceivedFile[]> {
  return receivedFrom(await readToGrid(file, settings), settings);
}

/**
 * As receive, but a workbook that came on its own is only read, into its grids (readInput): the reading worker's
 * share when the main thread finds the forms (receivePool.ts).
 */
export async function readToGrid(file: { path: string; name: string; modified: string }, settings: CampaignSettings): Promise<ReceivedFile[] | GridToReceive> {
  const bytes = loaded(file);
  return 'refused' in bytes ? [bytes.refused] : readInput(bytes.bytes, file.name, file.modified, settings, fingerprintOf);
}

/** The file's bytes, or its refusal. */
function loaded(file: { path: string; name: string; modified: string }): { bytes: Uint8Array } | { refused: ReceivedFile } {
  try {
    return { bytes: readWhole(file.path, file.name) };
  } catch (e) {
    if (e instanceof FileReadError) return { refused: { file: file.name, received: file.modified, error: e.message } };
    return { refused: { file: file.name, received: file.modified, error: cannotOpen(file.name, (e as NodeJS.ErrnoException).code) } };
  }
}

/**
 * The file's bytes, its size checked first: a file of gigabytes is refused without being loaded (a mailbox may be
 * larger than a workbook). Opened once: the size from the open file, not from a look-up by name first (that was
 * 40 ms of a reading thread's 1.9 s for 1,000 files, `--cpu-prof`).
 */
function readWhole(path: string, name: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    assertReceivableSize(size, name);
    const bytes = new Uint8Array(size);
    let read = 0;
    for (let n = 1; n > 0 && read < size; read += n) n = readSync(fd, bytes, read, size - read, read);
    // A file that shrank while it was read is taken as it ended; one that grew, as it was when opened.
    return read < size ? bytes.subarray(0, read) : bytes;
  } finally {
    closeSync(fd);
  }
}

const fingerprintOf = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex').slice(0, 16);

/**
 * A reading worker started before the folders are listed, where the merge will read on threads (built bundle,
 * workers not turned off): its start-up overlaps the listing; receiveAll takes it, or stops it if too few files.
 */
export function readAhead(): void {
  const script = workerScript();
  if (script && workerCount(Infinity) > 0) startReaderAhead(script);
}

/**
 * Every input received, in order: on worker threads and the main thread together when running from the built
 * bundle and there are enough files to pay for them (receivePool.ts), otherwise one file after another in the
 * main thread. `workers` says how many worker threads helped.
 */
export async function receiveAll(
  inputs: InputToReceive[],
  settings: CampaignSettings,
  options: { guessCampaign?: boolean } = {},
): Promise<{ files: ReceivedFile[]; workers: number; reader: FastReaderCounts }> {
  const script = workerScript();
  const workers = script ? workerCount(inputs.length) : 0;
  const before = fastReaderCounts();
  const byWorker = new Map<number, FastReaderCounts>();
  // One copy of each repeated text across the files kept for the merge (stringPool.ts), where there are enough files
  // for the copies to matter: 20 KB a file saved, for about 0.15 ms a file on the main thread (profiled).
  const pool = inputs.length >= SHARE_FROM_FILES ? stringPool() : { share: <T>(r: T): T => r };
  const read = async (f: InputToReceive) => (await receive(f, settings)).map((r) => pool.share(r));
  let files: ReceivedFile[];
  if (script && workers > 0)
    files = await receiveInWorkers(inputs, settings, script, workers, {
      order: readingOrder(inputs),
      keep: (r) => pool.share(r),
      ...(inputs.length < SPLIT_READING_BELOW
        ? {
            // The workers read, the main thread finds the forms in what they read (and keeps the results): each
            // thread runs, and V8 compiles, its own half of the code. With one worker (two cores) that is all the
            // main thread does: a file it read whole as well would make it compile the reading too — no faster in
            // all (bench/). More workers than one main thread keeps up with read whole files too, and so may it.
            mainThread: workers > 1 ? read : undefined,
            receiveGrid: options.guessCampaign ? guessingCampaign(settings) : (g: GridToReceive) => receivedFrom(g, settings),
          }
        : { mainThread: read }),
      onReaderCounts: (w, c) => byWorker.set(w, c),
    });
  else {
    dropReaderAhead(); // too few files for threads
    files = [];
    for (const f of inputs) files.push(...(await read(f)));
  }
  // This run's files only: the main thread's counts since the start, plus every worker's.
  const reader = addFastReaderCounts({ fast: 0, fallbacks: 0, reasons: {} }, fastReaderCounts());
  reader.fast -= before.fast;
  reader.fallbacks -= before.fallbacks;
  for (const [k, n] of Object.entries(before.reasons)) reader.reasons[k] -= n;
  for (const c of byWorker.values()) addFastReaderCounts(reader, c);
  for (const k of Object.keys(reader.reasons)) if (!reader.reasons[k]) delete reader.reasons[k];
  return { files, workers, reader };
}

/**
 * Grids received under a guess at the campaign, for a merge that will take it from the plans' dates: each is checked
 * under the campaign of the first dated plan found (what nearly every file then names), so that the merge checks
 * again only the files it guessed wrong for (assumeCampaignOfReports) — all of them, re-checked after reading, was
 * 60 ms of a thousand files' merge with the reading thread idle. The forms are read under `settings` as ever.
 */
function guessingCampaign(settings: CampaignSettings): (g: GridToReceive) => ReceivedFile[] {
  let guess: Campaign | undefined;
  return (g) => {
    const received = receivedFrom(g, settings, guess);
    const r = received[0];
    const campaign = !guess && 'read' in r ? campaignOfPlan(r.read) : undefined;
    if (campaign && !sameCampaign(campaign, settings)) guess = campaign;
    return received;
  };
}

/**
 * The files a merge receives: every file in the folders and every file named (collectInputs.ts), the system's
 * own litter left out and listed on stderr, so the coordinator knows nothing else was passed over.
 */
export async function receivedInputs(args: string[], exclude: string[], io: CliIO): Promise<InputToReceive[]> {
  let found;
  try {
    found = await collectReceived(args, exclude);
  } catch (e) {
    if (e instanceof InputError) throw new UsageError(e.message);
    throw e;
  }
  if (found.skipped.length)
    io.stderr.write(`Пропущены служебные файлы системы (не отчёты): ${found.skipped.join('; ')}.\n`);
  if (found.files.length === 0) throw new UsageError(`В указанных папках нет файлов: ${args.join(', ')}.`);
  return found.files;
}
