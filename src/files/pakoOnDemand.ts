/**
 * pako (the JavaScript inflater), loaded when a part is first inflated by it rather than with the readers: on the
 * command line Node's zlib inflates (nativeInflate.ts) and pako is only the fallback, and loading it cost each
 * reading thread ~20 ms at start (profiled). In the pane it loads with the first file, as part of the same bundle.
 */
import type * as Pako from 'pako';

let loaded: typeof Pako | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const pako = (): typeof Pako => (loaded ??= require('pako') as typeof Pako);
