/**
 * One picked file received: bytes read, digest taken, then the command line's own path (receiveBytes: the fast
 * values-only reader, forms found, checked). Runs in a reading worker, or on the page where there are none.
 */
import type { ReceivedFile } from '../../domain/consolidate/merge';
import { receivedIso } from '../../domain/consolidate/cells';
import type { CampaignSettings } from '../../domain/settings';
import { FileReadError } from '../../files/readWorkbook';
import { assertReceivableSize, readInput, receivedFrom, type GridToReceive } from '../../files/receiveInput';
import type { PickedFile } from './seasonEngine';

/** SHA-1 of the bytes, first 16 hex digits: the register's «Контрольная сумма», as the command line keeps it. */
async function fingerprintOf(bytes: Uint8Array<ArrayBuffer>): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const digest = new Uint8Array(await subtle.digest('SHA-1', bytes));
  return Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A workbook or document gives itself; a letter (.eml, .msg), a mailbox or a zip archive gives every file inside
 * it, each with its letter's date and sender (src/files/receiveInput.ts, the command line's own code).
 */
export async function readOne(f: PickedFile, settings: CampaignSettings): Promise<ReceivedFile[]> {
  return receivedFrom(await readOneToGrid(f, settings), settings);
}

/**
 * As readOne, but a workbook picked on its own is only read into its grids (readInput): the season worker finds
 * the forms in them (season.worker.ts says when).
 */
export async function readOneToGrid(f: PickedFile, settings: CampaignSettings): Promise<ReceivedFile[] | GridToReceive> {
  const loaded = await load(f);
  return 'refused' in loaded ? [loaded.refused] : readInput(loaded.bytes, f.name, loaded.received, settings, digest);
}

const digest = (b: Uint8Array) => fingerprintOf(new Uint8Array(b));

async function load(f: PickedFile): Promise<{ bytes: Uint8Array<ArrayBuffer>; received: string } | { refused: ReceivedFile }> {
  const received = receivedIso(f.lastModified);
  try {
    if (f.size !== undefined) assertReceivableSize(f.size, f.name);
    return { bytes: new Uint8Array(await f.arrayBuffer()), received };
  } catch (e) {
    if (e instanceof FileReadError) return { refused: { file: f.name, received, error: e.message } };
    return { refused: { file: f.name, received, error: `Файл «${f.name}» не удалось открыть: возможно, он перемещён или удалён. Выберите его снова.` } };
  }
}
