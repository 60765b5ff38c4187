/** Mutated school reports read as the pane reads them (JavaScript inflate); see fuzzCases.ts. */
import { fuzzReading } from './fuzzCases';

describe('in the pane (JavaScript inflate)', () => fuzzReading());
