/**
 * The same hostile files read as the merge reads them on the command line: zip parts inflated by Node's zlib,
 * capped (src/files/nativeInflate.ts), and .xlsx through the fast path (xlsxValues.ts) — the bombs must be refused
 * with the same messages, the huge sheets named the same way.
 */
import { useNativeInflate } from '../../src/files/nativeInflate';
import { hostileReadingCases } from './readingCases';
import { readingAs } from './support';
// Slow on purpose (hostile files): zip bombs and oversized parts are read until the guards refuse them.
jest.setTimeout(60_000);

useNativeInflate();
readingAs.options = { formulas: false };
describe('as the merge reads them (Node zlib, fast .xlsx path)', hostileReadingCases);
