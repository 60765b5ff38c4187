/**
 * The deflate worker: the season worker's writer hands it the parts of the consolidated workbook, piece by piece,
 * over a port of their own, and goes on making the next piece while this one deflates (xlsxDeflate.ts).
 */
import { serveDeflate, type DeflateReply, type DeflateRequest } from '../../files/xlsxDeflate';

type Port = { onmessage: ((e: MessageEvent<DeflateRequest>) => void) | null; postMessage(m: DeflateReply, transfer?: Transferable[]): void };
const scope = self as unknown as { onmessage: ((e: MessageEvent<{ port: Port }>) => void) | null };
scope.onmessage = (e) => serveDeflate(e.data.port);
