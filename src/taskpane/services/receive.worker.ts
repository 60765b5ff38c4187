/** A reading worker: receives the picked files it is handed, one at a time, and posts each back. */
import type { ReceivedFile } from '../../domain/consolidate/merge';
import type { CampaignSettings } from '../../domain/settings';
import type { GridToReceive } from '../../files/receiveInput';
import { textSender, type SentTexts } from '../../files/textsSentOnce';
import { readOne, readOneToGrid } from './readOne';
import { receivedIso } from '../../domain/consolidate/cells';
import { readingWorkerReading } from './scriptReading';

import type { PickedFile } from './pickedBytes';

/**
 * A picked file (a File), or one whose bytes the season worker read already and lends (`read`): the file's `size`
 * bytes at the start of `bytes`, which may be longer.
 */
export type ReadTask = {
  index: number;
  settings: CampaignSettings;
  /** Only read a workbook picked on its own into its grids: the season worker finds the forms (season.worker.ts). */
  upTo?: 'grid';
} & (
  | { file: PickedFile }
  | { read: { name: string; lastModified: number; size: number; bytes: ArrayBuffer } }
);

/** A file read: its results (or, asked `upTo: 'grid'`, its grids), and the buffer it was lent, handed back to be lent again. */
export interface ReadReply {
  index: number;
  result: ReceivedFile[] | GridToReceive;
  lent?: ArrayBuffer;
  /** With grids: their texts, taken out and sent once for all this worker's files (textsSentOnce.ts). */
  texts?: SentTexts;
}

// Small parts inflated in script, as the season worker does (scriptReading.ts says why, and why text is not).
readingWorkerReading();

const scope = self as unknown as { onmessage: ((e: MessageEvent<ReadTask>) => void) | null; postMessage(m: ReadReply, transfer?: Transferable[]): void };
const texts = textSender();
/** Posts a file's reply, a grid's texts sent once (a reply that cannot be posted takes its texts back). */
const reply = (m: ReadReply, transfer: Transferable[] = []): void => texts.post(m, (r) => scope.postMessage(r, transfer));
scope.onmessage = async (e) => {
  const t = e.data;
  try {
    await answer(t);
  } catch (err) {
    // Whatever failed (a reply that could not be sent, a reader's own fault), the season worker gets an answer for
    // the file: it waits for one, and the merge with it. The file is refused with the reason; its buffer goes back.
    const { name, lastModified } = 'read' in t ? t.read : t.file;
    const refused: ReceivedFile = {
      file: name,
      received: receivedIso(lastModified),
      error: `Файл «${name}» не удалось прочитать (${(err as Error)?.message ?? String(err)}). Откройте его в Excel, сохраните снова и пришлите ещё раз.`,
    };
    const lent = 'read' in t && t.read.bytes.byteLength > 0 ? t.read.bytes : undefined;
    scope.postMessage({ index: t.index, result: [refused], ...(lent ? { lent } : {}) }, lent ? [lent] : []);
  }
};

async function answer(t: ReadTask): Promise<void> {
  const read = (f: PickedFile) => (t.upTo === 'grid' ? readOneToGrid(f, t.settings) : readOne(f, t.settings));
  if (!('read' in t)) return reply({ index: t.index, result: await read(t.file) });
  // The readers get a copy of their own, made by V8 and freed by its next minor collection; the lent buffer goes
  // back. A buffer that arrives in a message is the browser's and would wait for this worker's rare full
  // collection — a new one for every file was up to 60 MB waiting (bench:pane, PANE_MEMDUMP, 5,000 files).
  const { name, lastModified, size, bytes: lent } = t.read;
  const own = new Uint8Array(lent, 0, Math.min(size, lent.byteLength)).slice().buffer;
  const picked: PickedFile = { name, lastModified, size, arrayBuffer: async () => own };
  reply({ index: t.index, result: await read(picked), lent }, [lent]);
}
