/** The office.js adapter: the only place that touches Excel's JavaScript API. */
export { applySheetPlans, freeName, userCells, type ApplyOptions, type ApplyResult, type Conflict, type Resolution } from './applySheetPlans';
export { readWorkbookGrids, sheetNames } from './readWorkbookGrids';
export { markProblems, clearMarks, selectCell } from './marks';
export { detectSupport, supportNotes, MIN_EXCEL_API, type ApiSupport, type ExcelRun } from './support';
export { ExcelActionError, excelErrorMessage } from './errors';
export { toExcelInput, needsTextMark } from './excelValues';
export { openAsNewWorkbook, officeCreateWorkbook, toBase64, type CreateWorkbook } from './newWorkbook';
