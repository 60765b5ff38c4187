/** Runs before every test file (jest.config.js setupFiles). */
import { failOnFastReaderBug } from '../../src/files/xlsxValues';

// A bug in the fast .xlsx reader fails the test that meets it, instead of passing quietly through SheetJS.
failOnFastReaderBug();
