/**
 * Node only: lets SheetJS inflate zip parts with Node's zlib instead of its own JavaScript inflater — a fifth of
 * the time of reading a school's workbook. The pane (browser) keeps SheetJS's own.
 *
 * SheetJS asks for an InflateRaw that reports how many input bytes a part used (`bytesRead`, deprecated in Node
 * and noisy on stderr); this adapter answers from `inflateRawSync(…, { info: true })`, which says so silently.
 * Sizes were already checked by src/files/guards.ts with a cap before SheetJS sees the bytes; the guards, too,
 * inflate with zlib here (capped), instead of pako.
 */
import { isAscii } from 'node:buffer';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type GenericWorkerType from 'jszip/lib/stream/GenericWorker';
import { OutputCapExceeded, useCappedInflater } from './guards';
import { usePartCodec } from './readWorkbook';
import { onSheetjsLoad } from './sheetjs';

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

/**
 * JSZip's DEFLATE through Node's zlib instead of pako, for what the command line still zips through JSZip (the
 * .docx note, written by the docx package); the workbooks themselves go through the one writer (xlsxWriter.ts) and
 * nativeDeflate.ts. pako's JavaScript deflate was a third of the writing when exceljs's writer used JSZip. A part is gathered whole and deflated in one call (the parts are in memory anyway); the output is the
 * same format, read back by every test. Inflating is left to pako: JSZip inflates only the few parts it edits.
 * JSZip's modules are loaded here, only when something will zip through JSZip: the readers never do, and loading
 * them (with the stream library under them) cost each reading thread ~30 ms at start (profiled).
 */
let jszipOnZlib = false;
export function useNativeJszipDeflate(): void {
  if (jszipOnZlib) return;
  // JSZip's own CommonJS modules (the one copy in node_modules), required, not imported: a bundler's import wrapper
  // would be a copy, and the DEFLATE method must be replaced on the module object JSZip itself reads.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const jszipFlate = require('jszip/lib/flate') as { compressWorker: (options: { level?: number }) => unknown };
  const GenericWorker = require('jszip/lib/stream/GenericWorker') as typeof GenericWorkerType;
  /* eslint-enable @typescript-eslint/no-require-imports */
  class ZlibDeflateWorker extends GenericWorker {
    private chunks: Uint8Array[] = [];
    private meta: unknown = {};
    constructor(private readonly level: number) {
      super('ZlibDeflateWorker');
    }
    processChunk(chunk: { data: Uint8Array | string | number[]; meta: unknown }): void {
      this.meta = chunk.meta;
      const data = chunk.data;
      this.chunks.push(typeof data === 'string' ? Buffer.from(data, 'binary') : data instanceof Uint8Array ? data : Uint8Array.from(data));
    }
    flush(): void {
      super.flush();
      const out = deflateRawSync(Buffer.concat(this.chunks), { level: this.level });
      this.chunks = [];
      this.push({ data: new Uint8Array(out.buffer, out.byteOffset, out.byteLength), meta: this.meta });
    }
  }
  jszipFlate.compressWorker = (options: { level?: number }) => new ZlibDeflateWorker(options?.level ?? 6);
  jszipOnZlib = true;
}

let installed = false;

export function useNativeInflate(): void {
  if (installed) return;
  onSheetjsLoad((XLSX) => (XLSX.CFB as { utils: { use_zlib(z: unknown): void } }).utils.use_zlib({ InflateRaw, deflateRawSync }));
  useCappedInflater(cappedInflate);
  usePartCodec({
    inflate: (packed) => inflateRawSync(packed),
    utf8: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
    latin1: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'),
    utf8OfLatin1: (text) => Buffer.from(text, 'latin1').toString('utf8'),
    isAscii: (bytes) => isAscii(bytes),
  });
  installed = true;
}
