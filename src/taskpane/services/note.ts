/**
 * «Скачать справку (.docx)»: «Аналитическая справка» as a Word document, downloaded in Excel and in a browser.
 * In Excel it is written from the open consolidated workbook as it stands (the coordinator's corrections on
 * «Свод по ОО» included); without Excel, from the merge just made. The Word writer (docx) is a chunk of its own,
 * loaded only when asked for. No React here.
 */
import type { MergeResult } from '../../domain/consolidate/merge';
import type { CampaignFigures } from '../../domain/indicators/figures';
import { noteOfMerge, noteOfWorkbook } from '../../domain/indicators/noteDocument';
import type { WorkbookGrid } from '../../domain/grid';
import type { CampaignSettings } from '../../domain/settings';
import { downloadBytes, safeFileName } from './download';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** «Аналитическая справка — Город Томск — осенняя 2023.docx». */
export const noteFileName = (settings: CampaignSettings, tag: string): string => safeFileName(`Аналитическая справка — ${settings.unit.trim() || 'свод'} — ${tag}.docx`);

/** Writes the note and downloads it; returns the file's name. Throws the core's Russian message for a workbook that is not a consolidated one. */
export async function downloadNote(
  source: { merge: MergeResult } | { workbook: WorkbookGrid },
  settings: CampaignSettings,
  previous: CampaignFigures[],
  tag: string,
): Promise<string> {
  const doc = 'merge' in source ? noteOfMerge(source.merge, settings, previous) : noteOfWorkbook(source.workbook, previous, settings);
  const { writeNoteDocx } = await import(/* webpackChunkName: "docx-writer" */ '../../files/writeNoteDocx');
  const name = noteFileName(settings, tag);
  downloadBytes(await writeNoteDocx(doc), name, DOCX_MIME);
  return name;
}
