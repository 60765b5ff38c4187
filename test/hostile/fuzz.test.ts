/** Mutated school reports read as the pane reads them (JavaScript inflate); see fuzzCases.ts. */
import { fuzzReading } from './fuzzCases';
// Slow on purpose (fuzz): hundreds of generated hostile files are read per test.
jest.setTimeout(120_000);

describe('in the pane (JavaScript inflate)', () => fuzzReading());
