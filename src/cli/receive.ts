/** Receiving files for the merge: read, find the forms, check — a failure of one file never stops the others. */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { ReceivedFile } from '../domain/consolidate/merge';
import type { Problem } from '../domain/problems';
import { readForms } from '../domain/read';
import { checkWorkbook } from '../domain/rules';
import type { CampaignSettings } from '../domain/settings';
import { assertReadableSize, FileReadError, readWorkbookFile } from '../files/readWorkbook';

export interface InputToReceive {
  path: string;
  name: string;
  modified: string;
}

/** Read, find the forms, check: a failure of one file never stops the others. */
export async function receive(file: { path: string; name: string; modified: string }, settings: CampaignSettings): Promise<ReceivedFile> {
  let bytes: Uint8Array;
  try {
    // The size first: a file of gigabytes is refused without being loaded.
    assertReadableSize((await stat(file.path)).size, file.name);
    bytes = new Uint8Array(await readFile(file.path));
  } catch (e) {
    if (e instanceof FileReadError) return { file: file.name, received: file.modified, error: e.message };
    return { file: file.name, received: file.modified, error: `Файл «${file.name}» не удалось открыть: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Проверьте права доступа.` };
  }
  // A re-sent file under the same name is a new receipt: the register keeps a digest to tell.
  const fingerprint = createHash('sha1').update(bytes).digest('hex').slice(0, 16);
  const base = { file: file.name, received: file.modified, fingerprint };
  let grid;
  try {
    grid = readWorkbookFile(bytes, file.name);
  } catch (e) {
    if (e instanceof FileReadError) return { ...base, error: e.message };
    return { ...base, error: `Файл «${file.name}» не удалось прочитать: он повреждён или это не таблица. Попросите прислать его снова.` };
  }
  let read;
  try {
    read = readForms(grid, { year: settings.year });
  } catch (e) {
    return { ...base, error: `Формы в файле «${file.name}» не удалось разобрать (${(e as Error).message}). Сообщите разработчикам, приложив файл.` };
  }
  const problems: Problem[] = [...read.problems];
  try {
    problems.push(...checkWorkbook(read, settings));
  } catch (e) {
    problems.push({
      file: file.name, sheet: '', cell: '', code: 'check-failed', severity: 'warning',
      message: `Файл не удалось проверить по правилам форм (${(e as Error).message}); принят без проверки. Сообщите разработчикам, приложив файл.`,
    });
  }
  return { ...base, read, problems };
}


/** One file after another: measured here, worker threads cost more (start-up, copying results) than they saved. */
export async function receiveAll(inputs: InputToReceive[], settings: CampaignSettings): Promise<ReceivedFile[]> {
  const out: ReceivedFile[] = [];
  for (const f of inputs) out.push(await receive(f, settings));
  return out;
}
