import { LEAN_FROM_FILES } from '../../domain/consolidate/stringPool';
import { partsDecodedInScript } from '../../files/readWorkbook';
import { seasonWorkerPick } from './scriptReading';

test('the season worker decodes text by script for a large pick only, and by TextDecoder again after it', () => {
  seasonWorkerPick(1000);
  expect(partsDecodedInScript()).toBe(false);
  seasonWorkerPick(LEAN_FROM_FILES);
  expect(partsDecodedInScript()).toBe(true);
  seasonWorkerPick(5000);
  expect(partsDecodedInScript()).toBe(true);
  seasonWorkerPick(LEAN_FROM_FILES - 1);
  expect(partsDecodedInScript()).toBe(false);
});
