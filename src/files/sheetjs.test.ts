/**
 * Loading SheetJS costs about 100 ms on every thread of every merge, so a school's .xlsx — the commonest file by
 * far — is read, its forms found and checked without it. Any eager import of it fails this file.
 */
import { sampleSchoolWorkbooks, municipalSettings } from '../domain/sample/schoolWorkbooks';
import { writeXlsx } from './xlsxWriter';
import type * as ReceiveFiles from './receiveFiles';

test("a school's .xlsx is read, and its forms found and checked, without loading SheetJS", async () => {
  const sample = sampleSchoolWorkbooks({ schools: 2, late: 0, twice: false, broken: false, messy: false });
  const school = sample.files[0];
  const bytes = await writeXlsx(school.workbook!);
  // A fresh set of modules (the test setup has loaded the readers already), with SheetJS refusing to load.
  jest.resetModules();
  jest.doMock('@e965/xlsx', () => {
    throw new Error('SheetJS was loaded');
  });
  const { receiveBytes } = jest.requireActual<typeof ReceiveFiles>('./receiveFiles');
  const received = receiveBytes(bytes, school.file, school.received, municipalSettings());
  expect('error' in received && received.error).toBe(false);
  expect('read' in received && received.read.report?.participation.length).toBe(1);
});
