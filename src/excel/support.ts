/**
 * Which Excel API features the running Excel has. The manifest asks for ExcelApi 1.7 only (volume-licensed
 * Office 2019 stops there, and schools run it); everything newer is detected here and degrades with a message.
 */

export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ApiSupport {
  /** Data validation (drop-down lists, whole-number checks): ExcelApi 1.8. */
  validation: boolean;
  /** application.suspendApiCalculationUntilNextSync: ExcelApi 1.6 (@types/office-js). */
  suspendCalc: boolean;
  /** Range.copyFrom (a regenerated sheet's earlier content kept on a backup sheet until the new one is written): 1.9. */
  copyRange: boolean;
  /** Print setup (worksheet.pageLayout): ExcelApi 1.9. */
  pageLayout: boolean;
  /** Reading merged areas of a sheet (getMergedAreasOrNullObject): ExcelApi 1.13. */
  mergedAreas: boolean;
  /** Excel.createWorkbook (a blank opened as a new workbook): ExcelApi 1.8. */
  newWorkbook: boolean;
}

/** The minimum the manifest declares. */
export const MIN_EXCEL_API = '1.7';

export function detectSupport(isSetSupported: (name: string, version: string) => boolean): ApiSupport {
  const has = (v: string) => {
    try {
      return isSetSupported('ExcelApi', v);
    } catch {
      return false;
    }
  };
  return {
    validation: has('1.8'),
    suspendCalc: has('1.6'),
    copyRange: has('1.9'),
    pageLayout: has('1.9'),
    mergedAreas: has('1.13'),
    newWorkbook: has('1.8'),
  };
}

/** Russian notes on what this Excel cannot do, shown once in the pane. */
export function supportNotes(s: ApiSupport): string[] {
  const out: string[] = [];
  if (!s.validation)
    out.push(
      'Эта версия Excel (ниже ExcelApi 1.8, например Office 2019 по корпоративной лицензии) не умеет добавлять проверку ввода: в бланках не будет раскрывающихся списков и проверки чисел. Чтобы получить полный бланк, скачайте его файлом в разделе «Формы» или обновите Office.',
    );
  if (!s.pageLayout) out.push('Параметры печати (альбомная ориентация, А4, по ширине страницы) не задаются в этой версии Excel: задайте их вручную перед печатью.');
  if (!s.mergedAreas)
    out.push('Эта версия Excel не сообщает объединённые ячейки: проверка открытой книги читает их по первой ячейке, как большинство программ.');
  return out;
}
