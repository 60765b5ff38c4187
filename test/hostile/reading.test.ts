/** Hostile received files read as the pane reads them: SheetJS's and pako's own inflaters (see readingCases.ts). */
import { hostileReadingCases } from './readingCases';
// Slow on purpose (hostile files): zip bombs and oversized parts are read until the guards refuse them.
jest.setTimeout(60_000);

describe('in the pane (JavaScript inflate)', hostileReadingCases);
