/**
 * Node only: lets SheetJS inflate zip parts with Node's zlib instead of its own JavaScript inflater — a fifth of
 * the time of reading a school's workbook. The pane (browser) keeps SheetJS's own.
 *
 * SheetJS asks for an InflateRaw that reports how many input bytes a part used (`bytesRead`, deprecated in Node
 * and noisy on stderr); this adapter answers from `inflateRawSync(…, { info: true })`, which says so silently.
 * Sizes were already checked by src/files/guards.ts with a cap before SheetJS sees the bytes; the guards, too,
 * inflate with zlib here (capped), instead of pako.
 */
import * as XLSX from '@e965/xlsx';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { OutputCapExceeded, useCappedInflater } from './guards';
import { usePartCodec } from './readWorkbook';

class InflateRaw {
  bytesRead = 0;
  readonly _finishFlushFlag = 0;
  _processChunk(chunk: Uint8Array): Buffer {
    const { buffer, engine } = inflateRawSync(chunk, { info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    this.bytesRead = engine.bytesWritten;
    return buffer;
  }
}

/** For the guards: a part inflated whole by zlib, which stops at the cap instead of allocating past it. */
function cappedInflate(packed: Uint8Array, cap: number): Uint8Array {
  try {
    // cap + 1: a part of exactly the cap passes, one byte more is refused. A stream that does not end inside the
    // part throws («unexpected end of file»), as pako's `ended` tells in the pane: SheetJS inflates until it ends.
    const out = inflateRawSync(packed, { maxOutputLength: cap + 1 });
    if (out.length > cap) throw new OutputCapExceeded();
    return out;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new OutputCapExceeded();
    throw e;
  }
}

let installed = false;

export function useNativeInflate(): void {
  if (installed) return;
  (XLSX.CFB as { utils: { use_zlib(z: unknown): void } }).utils.use_zlib({ InflateRaw, deflateRawSync });
  useCappedInflater(cappedInflate);
  usePartCodec({
    inflate: (packed) => inflateRawSync(packed),
    utf8: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
  });
  installed = true;
}
