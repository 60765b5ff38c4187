/**
 * SheetJS, loaded when first needed rather than when the program starts: loading it (with its code-page tables)
 * costs about 100 ms per thread, and the command line's commonest file, a school's .xlsx, is read without it
 * (xlsxValues.ts). Only the fallback reader, .xls/.ods/.csv and old Word files need it.
 */
import type * as XLSXModule from '@e965/xlsx';

export type SheetJS = typeof XLSXModule;

let loaded: SheetJS | undefined;
const whenLoaded: ((x: SheetJS) => void)[] = [];

export function sheetjs(): SheetJS {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require('@e965/xlsx') as SheetJS;
    for (const set of whenLoaded.splice(0)) set(loaded);
  }
  return loaded;
}

/** Configures SheetJS once it is loaded (at once, if it already is), without loading it. */
export function onSheetjsLoad(set: (x: SheetJS) => void): void {
  if (loaded) set(loaded);
  else whenLoaded.push(set);
}
