/**
 * One received file as the merge takes it — the same in the pane's reading worker and on the command line: a
 * workbook or document is one received file; a letter, a mailbox or a zip archive is every file inside it, each
 * with the date of the letter it came with, its sender and the letters and archives around it.
 *
 * Every file inside is accounted for. Reports are read and checked like any file. What is no report is listed as
 * such («не отчёт»), never refused in a school's name: a picture in the text, a signature, a contact card, a
 * letter with nothing attached — always; and, in a letter (or an archive given on its own) that does carry a
 * report, the cover letter (.txt, .docx without the forms), a PDF copy and photos too. In a letter without any
 * report those are refused as files are today, so the school reads «прислал, отклонён» and is asked again.
 */
import type { DateSource, ReceivedFile, Receipt } from '../domain/consolidate/mergeTypes';
import { isUnreadable } from '../domain/consolidate/mergeTypes';
import { reportsOf } from '../domain/report';
import type { Campaign, CampaignSettings } from '../domain/settings';
import { unpackReceived, type FoundFile } from './containers';
import { LIMITS, sniff } from './guards';
import { FileReadError, assertReadableSize } from './readWorkbook';
import { readReceivedWorkbook, receiveBytes, receiveGrid } from './receiveFiles';
import type { WorkbookGrid } from '../domain/grid';
import { withNativeInflate } from './streamInflate';
import { REFUSAL } from './refusals';

/** A digest of bytes for the register (SHA-1, 16 hex digits): Node's crypto or the browser's SubtleCrypto. */
export type Digest = (bytes: Uint8Array) => string | undefined | Promise<string | undefined>;

/** Names a letter, a mailbox or an archive goes by; a file without an extension may be a Thunderbird folder. */
const MAIL_NAME = /(\.(eml|msg|mbox|mbx|mbs|zip)|^[^.]+)$/i;

/**
 * The size gate before a file is loaded: a workbook is held to `fileBytes`; what may be a mailbox or an archive
 * (by its name) to `mailBytes`, and once loaded to `fileBytes` again unless it is one (`assertReceivedSize`).
 */
export function assertReceivableSize(size: number, name: string): void {
  if (MAIL_NAME.test(name.replace(/^.*[\\/]/, ''))) {
    if (size > LIMITS.mailBytes) throw new FileReadError(name, REFUSAL.mailTooLarge(name, size));
  } else assertReadableSize(size, name);
}

const IMAGE = /^(image\/|.*\.(png|jpe?g|gif|bmp|tiff?|heic|webp|emz|wmf)$)/i;

/** Why a file that holds no form is no report, when its letter brings a report; undefined when it is a report that failed. */
function asideReason(name: string, bytes: Uint8Array | undefined, r: ReceivedFile): string | undefined {
  if (!isUnreadable(r) && (reportsOf(r.read).length > 0 || r.read.monitoring)) return undefined;
  const kind = bytes ? sniff(bytes) : 'other';
  if (kind === 'pdf') return 'документ PDF — копия или скан (не отчёт: в свод идёт книга Excel)';
  if (IMAGE.test(name) || (bytes && isImage(bytes))) return 'изображение — фотография, скан или подпись (не отчёт)';
  if (/\.(txt|html?|rtf|xml)$/i.test(name)) return 'текст — сопроводительное письмо (не отчёт)';
  if (!isUnreadable(r)) return 'документ без формы отчёта — сопроводительное письмо или справка (не отчёт)';
  return undefined;
}

function isImage(b: Uint8Array): boolean {
  const ascii = new TextDecoder('latin1').decode(b.subarray(0, 12));
  return (b[0] === 0x89 && ascii.startsWith('PNG', 1)) || (b[0] === 0xff && b[1] === 0xd8) || ascii.startsWith('GIF8') || ascii.startsWith('BM');
}

/**
 * `modified`: the received file's own time (local ISO), the date of whatever came with no letter or with a letter
 * that gives none. Never throws: a failure is a file's Russian reason. In the pane a package's parts are inflated
 * by the browser's own DecompressionStream first (streamInflate.ts); the command line's zlib makes that a no-op.
 */
export async function receiveInput(bytes: Uint8Array, name: string, modified: string, settings: CampaignSettings, digest: Digest): Promise<ReceivedFile[]> {
  return receivedFrom(await readInput(bytes, name, modified, settings, digest), settings);
}

/**
 * Below this many files a reading worker only reads (readInput) and the thread that keeps the results finds the
 * forms (receivedFrom), on the command line (cli/receive.ts) and in the pane (season.worker.ts): there V8's compiling,
 * done once a thread for the code it runs, is a large share of the work (1,000 files: 1.4 of 5.4 s of CPU). At 5,000
 * files it is a small one, and split the command line was no faster and held 35–40 MB more at its peak (434 against
 * 391–396 MB, `npm run bench` sets): larger picks read whole files on every thread.
 */
export const SPLIT_READING_BELOW = 2000;

/** A workbook read as far as its grids (readReceivedWorkbook): its forms are found by receivedFrom, maybe on another thread. */
export interface GridToReceive {
  grid: WorkbookGrid;
  received: string;
  fingerprint?: string;
}

/**
 * What readInput gave, received: a workbook's grids have their forms found and checked (receiveGrid) — here, or
 * on the thread that keeps the results where a reading worker read them (cli/receivePool.ts, season.worker.ts).
 */
export function receivedFrom(read: ReceivedFile[] | GridToReceive, settings: CampaignSettings, checkFor?: Campaign): ReceivedFile[] {
  return Array.isArray(read) ? read : [receiveGrid(read.grid, read.received, settings, read.fingerprint, checkFor)];
}

/**
 * The first half of receiveInput: a workbook received on its own (no letter, no archive around it) is only read,
 * into its grids — plain values, so the inflated parts' buffer serves the next package — and its forms are found by
 * receivedFrom; letters and archives are received whole.
 */
export async function readInput(bytes: Uint8Array, name: string, modified: string, settings: CampaignSettings, digest: Digest): Promise<ReceivedFile[] | GridToReceive> {
  let found: FoundFile[] | undefined;
  try {
    found = await unpackReceived(bytes, name);
  } catch {
    return [{ file: name, received: modified, error: REFUSAL.letterDamaged(name) }];
  }
  if (!found) {
    if (bytes.length > LIMITS.fileBytes) return [{ file: name, received: modified, error: REFUSAL.tooLarge(name, bytes.length) }];
    const fingerprint = await digest(bytes);
    const read = await withNativeInflate(bytes, () => readReceivedWorkbook(bytes, name, modified, fingerprint));
    return 'refused' in read ? [read.refused] : { grid: read.grid, received: modified, ...(fingerprint ? { fingerprint } : {}) };
  }
  const out: ReceivedFile[] = [];
  for (const f of found) {
    const dateSource: DateSource = f.letter?.date ? 'message' : 'modified';
    const receipt: Receipt = { dateSource, ...(f.letter?.from ? { sender: f.letter.from } : {}), ...(f.via.length ? { via: f.via } : {}) };
    const received = f.letter?.date ?? modified;
    if (f.notReport !== undefined) out.push({ file: f.name, received, error: f.notReport, notReport: f.notReport, ...receipt });
    else if (f.error !== undefined || !f.bytes) out.push({ file: f.name, received, error: f.error ?? REFUSAL.damaged(f.name), ...receipt });
    else if (f.bytes.length > LIMITS.fileBytes) out.push({ file: f.name, received, error: REFUSAL.tooLarge(f.name.replace(/^.*\//, ''), f.bytes.length), ...receipt });
    else {
      const [inner, fingerprint] = [f.bytes, await digest(f.bytes)];
      out.push({ ...(await withNativeInflate(inner, () => receiveBytes(inner, f.name, received, settings, fingerprint))), ...receipt });
    }
  }
  // A letter (or an archive given on its own) that brings a report: what else it holds without a form is no report.
  const withReport = new Set(found.filter((f, i) => { const r = out[i]; return !isUnreadable(r) && (reportsOf(r.read).length > 0 || Boolean(r.read.monitoring)); }).map((f) => f.group));
  return out.map((r, i) => {
    const f = found![i];
    if (r.notReport !== undefined || !withReport.has(f.group) || f.error !== undefined) return r;
    const why = asideReason(f.name, f.bytes, r);
    if (!why) return r;
    const { file, received, fingerprint, dateSource, sender, via } = r;
    return { file, received, ...(fingerprint ? { fingerprint } : {}), error: why, notReport: why, ...(dateSource ? { dateSource } : {}), ...(sender ? { sender } : {}), ...(via ? { via } : {}) };
  });
}
