/**
 * Node only: lets SheetJS inflate zip parts with Node's zlib instead of its own JavaScript inflater — a fifth of
 * the time of reading a school's workbook. The pane (browser) keeps SheetJS's own.
 *
 * SheetJS asks for an InflateRaw that reports how many input bytes a part used (`bytesRead`, deprecated in Node
 * and noisy on stderr); this adapter answers from `inflateRawSync(…, { info: true })`, which says so silently.
 * Sizes were already checked by src/files/guards.ts with a cap before SheetJS sees the bytes.
 */
import * as XLSX from '@e965/xlsx';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

class InflateRaw {
  bytesRead = 0;
  readonly _finishFlushFlag = 0;
  _processChunk(chunk: Uint8Array): Buffer {
    const { buffer, engine } = inflateRawSync(chunk, { info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    this.bytesRead = engine.bytesWritten;
    return buffer;
  }
}

let installed = false;

export function useNativeInflate(): void {
  if (installed) return;
  (XLSX.CFB as { utils: { use_zlib(z: unknown): void } }).utils.use_zlib({ InflateRaw, deflateRawSync });
  installed = true;
}
