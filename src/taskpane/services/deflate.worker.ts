/**
 * The deflate worker: the season worker's writer hands it the parts of one consolidated workbook, piece by piece,
 * and goes on making the next piece while this one deflates (xlsxDeflate.ts). Ended once the workbook is written.
 */
import { serveDeflate } from '../../files/xlsxDeflate';

serveDeflate(self as unknown as Parameters<typeof serveDeflate>[0]);
