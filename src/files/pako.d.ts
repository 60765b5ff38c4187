// pako 1.x ships no types; the streaming raw inflater (src/files/guards.ts) and the one-shot one (readWorkbook.ts).
declare module 'pako' {
  export class Inflate {
    constructor(options?: { raw?: boolean; chunkSize?: number });
    push(data: Uint8Array, mode?: boolean | number): boolean;
    onData(chunk: Uint8Array): void;
    onEnd(status: number): void;
    /** 0 = ok; set when the stream is broken. */
    err: number;
    msg: string;
    /** True once the deflate stream's last block has been read. */
    ended: boolean;
    strm: { avail_in: number; next_in: number; total_in: number };
  }
  export function inflateRaw(data: Uint8Array): Uint8Array;
}
// pako's CRC-32 (the one the zip format uses), for the one writer's native deflate (xlsxDeflate.ts).
declare module 'pako/lib/zlib/crc32' {
  /** CRC-32 of buf[pos, pos + len), continuing from `crc` (0 to start). */
  export default function crc32(crc: number, buf: Uint8Array, len: number, pos: number): number;
}
