/** Helpers for the files layer's tests (no shipped code imports this). */

/** The browser's inflate streams (DecompressionStream) made while `run` runs. */
export async function streamsMade(run: () => Promise<void>): Promise<number> {
  const Native = globalThis.DecompressionStream;
  let made = 0;
  globalThis.DecompressionStream = class extends Native {
    constructor(format: CompressionFormat) {
      super(format);
      made++;
    }
  };
  try {
    await run();
  } finally {
    globalThis.DecompressionStream = Native;
  }
  return made;
}
