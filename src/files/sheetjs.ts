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

/**
 * Bytes as SheetJS reads them fastest on this host. In Node, a Buffer (a view, no copy) with `type: 'buffer'`
 * («nodejs buffer»: SheetJS's documentation, «Parse Options», «Input Type»):
 * its compound-file (CFB) reader then joins an .xls's sectors with Buffer.concat; handed a Uint8Array it copies
 * them byte by byte into plain arrays instead — 12 ms of a 13 ms .xls read (measured, bench/run.ts «.xls»). In the
 * browser SheetJS does not use Buffer at all (its has_buf test wants Node's `process.versions.node`): bytes as
 * they are, `type: 'array'`.
 */
export function sheetjsInput(bytes: Uint8Array): { data: Uint8Array; type: 'buffer' | 'array' } {
  const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
  const node = typeof process !== 'undefined' && Boolean(process.versions?.node) && NodeBuffer !== undefined;
  return node ? { data: NodeBuffer!.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), type: 'buffer' } : { data: bytes, type: 'array' };
}

/** Configures SheetJS once it is loaded (at once, if it already is), without loading it. */
export function onSheetjsLoad(set: (x: SheetJS) => void): void {
  if (loaded) set(loaded);
  else whenLoaded.push(set);
}
