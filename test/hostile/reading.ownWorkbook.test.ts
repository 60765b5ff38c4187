/**
 * The same hostile files read as the command line reads back the workbook it is about to overwrite: a few sheets
 * asked for, their parts inflated by the guards only when the fast reader reaches them (checkZip's `defer`), and
 * the whole package checked again should SheetJS have to read it. Every sheet is asked for here, so every bomb and
 * huge sheet is reached one way or the other — and must be refused with the same messages.
 */
import { useNativeInflate } from '../../src/files/nativeInflate';
import { hostileReadingCases } from './readingCases';
import { readingAs } from './support';
// Slow on purpose (hostile files): zip bombs and oversized parts are read until the guards refuse them.
jest.setTimeout(60_000);

useNativeInflate();
readingAs.options = { formulas: false, sheets: () => true };
describe('as the command line reads back its own output (sheets asked for, their parts checked when reached)', hostileReadingCases);
