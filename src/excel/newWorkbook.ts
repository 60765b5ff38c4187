/**
 * Opening an .xlsx as a new, unsaved workbook in Excel (Excel.createWorkbook, ExcelApi 1.8): how the pane hands a
 * coordinator a personalised blank inside Excel. Detect `newWorkbook` in support.ts before offering it.
 */
import { ExcelActionError, excelErrorMessage } from './errors';

/** Excel.createWorkbook's shape, so tests can stand in for office.js. */
export type CreateWorkbook = (base64File: string) => Promise<void>;

export const officeCreateWorkbook: CreateWorkbook = (base64File) => Excel.createWorkbook(base64File);

/** Bytes as Base64, in slices (one String.fromCharCode over megabytes overflows the call stack). */
export function toBase64(bytes: Uint8Array): string {
  const SLICE = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += SLICE) binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  return btoa(binary);
}

/** Opens `xlsx` as a new workbook; `label` names it in the Russian message if Excel refuses. */
export async function openAsNewWorkbook(xlsx: Uint8Array, label: string, create: CreateWorkbook = officeCreateWorkbook): Promise<void> {
  try {
    await create(toBase64(xlsx));
  } catch (e) {
    const why = /extension hardening/i.test((e as Error)?.message ?? '')
      ? 'Не удалось открыть новую книгу: политика безопасности Office (extensionHardening) запрещает открывать файлы из надстройки. Скачайте бланки архивом .zip и откройте их из папки.'
      : `${excelErrorMessage(e, `открытие бланка «${label}» новой книгой`)} Если Excel не открывает новые книги, скачайте бланки архивом .zip.`;
    throw new ExcelActionError(why);
  }
}
