/**
 * A worker thread of the command line's merge (see receivePool.ts): receives the files it is handed — read, forms
 * found, checked — and posts each result back; or, asked for `upTo: 'grid'`, reads a workbook only into its grids,
 * for the main thread to find the forms. Runs only from the built bundle (dist-cli/receiveWorker.cjs).
 */
import { parentPort } from 'node:worker_threads';
import type { CampaignSettings } from '../domain/settings';
import { useNativeInflate } from '../files/nativeInflate';
import { useDefaultPassword } from '../files/defaultPassword';
import { fastReaderCounts } from '../files/xlsxValues';
import { textSender } from '../files/textsSentOnce';
import { readToGrid, receive } from './receive';
import type { ReceiveReply, ReceiveTask, ToReader } from './receivePool';

useNativeInflate();
useDefaultPassword();
// The pool's first message (a worker may start before the settings are known: startReaderAhead).
let settings: CampaignSettings;
const texts = textSender();
// One file at a time, in order: the pool relies on it to know which of the files it queued here a dead worker was
// reading (the oldest). Each file waits for the one before it (a letter's parser awaits).
let before: Promise<void> = Promise.resolve();
parentPort!.on('message', (message: ToReader) => {
  if ('settings' in message) {
    settings = message.settings;
    return;
  }
  const task: ReceiveTask = message;
  before = before.then(async () => {
    const result = task.upTo === 'grid' ? await readToGrid(task.input, settings) : await receive(task.input, settings);
    // The fast reader's counts so far go along, so the pool can sum what every thread read which way.
    const reply: ReceiveReply = { index: task.index, result, reader: fastReaderCounts() };
    // A grid's texts go once for all the files this thread reads (textsSentOnce.ts).
    texts.post(reply, (r) => parentPort!.postMessage(r));
  });
});
