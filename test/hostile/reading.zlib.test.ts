/**
 * The same hostile files read as the command line reads them: zip parts inflated by Node's zlib, capped
 * (src/files/nativeInflate.ts) — the bombs must be refused with the same messages.
 */
import { useNativeInflate } from '../../src/files/nativeInflate';
import { hostileReadingCases } from './readingCases';

useNativeInflate();
describe('on the command line (Node zlib inflate)', hostileReadingCases);
