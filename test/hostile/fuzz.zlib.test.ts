/** Mutated school reports read as the command line reads them (Node zlib, src/files/nativeInflate.ts): a third as many. */
import { useNativeInflate } from '../../src/files/nativeInflate';
import { fuzzReading } from './fuzzCases';

useNativeInflate();
describe('on the command line (Node zlib inflate)', () => fuzzReading(1 / 3));
