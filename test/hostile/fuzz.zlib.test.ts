/**
 * Mutated school reports read as the merge reads them on the command line: Node's zlib (nativeInflate.ts) and the
 * fast .xlsx path (xlsxValues.ts, formulas: false), SheetJS where it steps aside. A third as many as fuzz.test.ts.
 */
import { useNativeInflate } from '../../src/files/nativeInflate';
import { fuzzReading } from './fuzzCases';
// Slow on purpose (fuzz): hundreds of generated hostile files are read per test.
jest.setTimeout(120_000);

useNativeInflate();
describe('as the merge reads them (Node zlib, fast .xlsx path)', () => fuzzReading(1 / 3, { formulas: false }));
