/** Hostile received files read as the pane reads them: SheetJS's and pako's own inflaters (see readingCases.ts). */
import { hostileReadingCases } from './readingCases';

describe('in the pane (JavaScript inflate)', hostileReadingCases);
