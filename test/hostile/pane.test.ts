/**
 * The pane in the browser: a picked file larger than the limit is refused from its size — its bytes are never
 * loaded — and the other files are still read (checking and merging alike).
 */
import { municipalSettings } from '../../src/domain/sample/schoolWorkbooks';
import { receiveFiles } from '../../src/files/receiveFiles';
import { readPicked } from '../../src/taskpane/services/flows';
import { schoolReportBytes } from './support';

/** A picked file as the browser gives it; reading a huge one fails the test. */
const picked = (name: string, bytes: Uint8Array | number) => ({
  name,
  lastModified: Date.UTC(2023, 9, 18, 9),
  size: typeof bytes === 'number' ? bytes : bytes.length,
  arrayBuffer: async () => {
    if (typeof bytes === 'number') throw new Error(`the bytes of «${name}» were loaded`);
    return bytes.slice().buffer as ArrayBuffer;
  },
});

const HUGE = 2 * 1024 * 1024 * 1024;

test('checking: a 2 GB file is refused from its size, the report beside it is read', async () => {
  const r = await readPicked([picked('огромный.xlsx', HUGE), picked('школа.xlsx', await schoolReportBytes())]);
  expect(r[0]).toEqual({ file: 'огромный.xlsx', received: expect.any(String), error: expect.stringMatching(/«огромный\.xlsx» слишком велик: 2048 МБ/) });
  expect('grid' in r[1]).toBe(true);
});

test('merging: a 2 GB file is refused from its size, the report beside it is received', async () => {
  const r = await receiveFiles([picked('огромный.xlsx', HUGE), picked('школа.xlsx', await schoolReportBytes())], municipalSettings());
  expect(r[0]).toMatchObject({ file: 'огромный.xlsx', error: expect.stringMatching(/слишком велик/) });
  expect('read' in r[1]).toBe(true);
});
