/**
 * The same hostile files read as the pane reads them where the browser can inflate: the zip parts inflated first by
 * DecompressionStream('deflate-raw') (src/files/streamInflate.ts), the guards and the fast .xlsx path on those —
 * the bombs refused with the same messages, the huge sheets named the same way, the damaged parts left to pako.
 */
import { withNativeInflate } from '../../src/files/streamInflate';
import { hostileReadingCases } from './readingCases';
import { readingAs } from './support';
// Slow on purpose (hostile files): zip bombs and oversized parts are read until the guards refuse them.
jest.setTimeout(60_000);

readingAs.options = { formulas: false };
readingAs.around = withNativeInflate;
describe('in the pane with the browser’s own inflate (DecompressionStream, fast .xlsx path)', hostileReadingCases);
