/** A reading worker: receives the picked files it is handed, one at a time, and posts each back. */
import type { CampaignSettings } from '../../domain/settings';
import { readOne } from './readOne';

export interface ReadTask {
  index: number;
  file: File;
  settings: CampaignSettings;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<ReadTask>) => void) | null; postMessage(m: unknown): void };
scope.onmessage = async (e) => {
  const { index, file, settings } = e.data;
  scope.postMessage({ index, result: await readOne(file, settings) });
};
