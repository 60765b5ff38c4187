/**
 * `profkampaniya note СВОД.xlsx --out справка.docx` — «Аналитическая справка» as a Word document from a
 * consolidated workbook this add-in wrote, with its figures as they stand in the workbook (a coordinator's
 * corrections on «Свод по ОО» included). The sentences are the sheet «Справка»'s own (domain/indicators/note.ts).
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { previousCampaign, PreviousCampaignError } from '../domain/indicators/dynamics';
import { compareCampaigns } from '../domain/season';
import { noteOfWorkbook } from '../domain/indicators/noteDocument';
import { FileReadError, OWN_WORKBOOK_ROWS, readWorkbookFile } from '../files/readWorkbook';
import type { writeNoteDocx as WriteNoteDocx } from '../files/writeNoteDocx';
import { useNativeJszipDeflate } from '../files/nativeInflate';
import { EXIT, parseArgs, UsageError, type CliIO } from './io';

export const NOTE_USAGE = `Использование: profkampaniya note СВОД.xlsx --out СПРАВКА.docx [--previous ПРОШЛЫЙ_СВОД.xlsx]

Пишет «Аналитическую справку» по итогам кампании документом Word (.docx, А4, Times New Roman): текст с цифрами
свода, места «[Заполните: …]» (выделены), приложение — таблицы участников по классам, партнёров по категориям,
несвоевременно представленных и непредставленных отчётов и диаграмма участников по классам. Цифры берутся из
сводного файла, как они в нём стоят (с исправлениями координатора на листе «Свод по ОО»).

Параметры:
  СВОД.xlsx            сводный файл, записанный командой profkampaniya merge или надстройкой — обязательно
  --out СПРАВКА.docx   куда записать справку — обязательно; существующий файл заменяется
  --previous ФАЙЛ      свод прошлой кампании — для сравнения (можно указать несколько, от старых к новым)
  --help               эта справка

Код выхода: 0 — справка записана; 2 — ошибка в параметрах или файл не является сводом.`;

async function readGrid(file: string) {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch {
    throw new UsageError(`Файл «${file}» не найден или не читается.`);
  }
  try {
    return readWorkbookFile(bytes, path.basename(file), { formulas: false, maxRows: OWN_WORKBOOK_ROWS });
  } catch (e) {
    if (e instanceof FileReadError) throw new UsageError(e.message);
    throw e;
  }
}

export async function note(args: string[], io: CliIO): Promise<number> {
  const { positionals, values, flags } = parseArgs(args, { values: ['out'], repeatable: ['previous'], flags: ['help'] });
  if (flags.has('help')) {
    io.stdout.write(NOTE_USAGE + '\n');
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('Укажите один сводный файл: profkampaniya note СВОД.xlsx --out СПРАВКА.docx.');
  const out = values.out?.[0];
  if (!out) throw new UsageError('Укажите, куда записать справку: --out СПРАВКА.docx.');
  if (!/\.docx$/i.test(out)) throw new UsageError(`Справка записывается документом Word: укажите имя с расширением .docx (сейчас «${out}»).`);
  const wb = await readGrid(positionals[0]);
  let doc;
  try {
    const previous = [];
    for (const p of values.previous ?? []) previous.push(previousCampaign(await readGrid(p)));
    doc = noteOfWorkbook(wb, previous.sort(compareCampaigns));
  } catch (e) {
    if (e instanceof PreviousCampaignError) throw new UsageError(e.message);
    throw e;
  }
  // The Word writer (the docx package, JSZip under it) is loaded here, not with the command line: a merge never
  // needs it, and loading it was a third of every command's start (profiled).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { writeNoteDocx } = require('../files/writeNoteDocx') as { writeNoteDocx: typeof WriteNoteDocx };
  useNativeJszipDeflate();
  const bytes = await writeNoteDocx(doc);
  // Written aside and renamed: a failure never leaves half a document under the coordinator's name.
  const temp = `${out}.${process.pid}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, out);
  io.stdout.write(`Справка записана: ${out} (${doc.tables.length} табл.${doc.chart ? ', диаграмма' : ''}). Заполните выделенные места «[Заполните: …]».\n`);
  return EXIT.ok;
}
