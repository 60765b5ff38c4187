/** jszip 3.10.1's stream worker, which nativeInflate.ts builds Node's deflate on (jszip ships no typings for it). */
declare module 'jszip/lib/stream/GenericWorker' {
  export default class GenericWorker {
    constructor(name: string);
    push(chunk: { data: Uint8Array; meta: unknown }): boolean;
    processChunk(chunk: { data: unknown; meta: unknown }): void;
    flush(): void;
  }
}
