/** A reading worker: receives the picked files it is handed, one at a time, and posts each back. */
import type { CampaignSettings } from '../../domain/settings';
import { readOne } from './readOne';
import { readingWorkerReading } from './scriptReading';

import type { PickedFile } from './pickedBytes';

/** A picked file (a File), or one whose bytes the season worker read already and hands over (`read`). */
export type ReadTask = { index: number; settings: CampaignSettings } & (
  | { file: PickedFile }
  | { read: { name: string; lastModified: number; size: number; bytes: ArrayBuffer } }
);

// Small parts inflated in script, as the season worker does (scriptReading.ts says why, and why text is not).
readingWorkerReading();

const scope = self as unknown as { onmessage: ((e: MessageEvent<ReadTask>) => void) | null; postMessage(m: unknown): void };
scope.onmessage = async (e) => {
  const t = e.data;
  const picked: PickedFile = 'read' in t ? { name: t.read.name, lastModified: t.read.lastModified, size: t.read.size, arrayBuffer: async () => t.read.bytes } : t.file;
  scope.postMessage({ index: t.index, result: await readOne(picked, t.settings) });
};
