/** Reads a received workbook (.xlsx, .xlsm, .xls, .ods, .csv) into plain grids. No fs: works in the browser. */
import type { WorkbookGrid } from '../domain/grid';

/** A file that cannot be read at all; the message is Russian, names the file and says what to do. */
export class FileReadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'FileReadError';
  }
}

export function readWorkbookFile(bytes: Uint8Array, fileName: string): WorkbookGrid {
  throw new FileReadError(fileName, `Чтение файла «${fileName}» ещё не готово.`);
}
