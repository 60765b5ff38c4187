/**
 * «Свести листы этой книги»: the open workbook's own sheets (the schools' sheets the coordinator collected into
 * it; the add-in's generated sheets left out) received like a file, so the merge takes each unit's form from its
 * sheet. A workbook keeps no date per sheet: its timeliness is not judged (`undated`), and it counts as received
 * now only to order it among the picked files.
 */
import type { ReceivedFile } from '../../domain/consolidate/merge';
import type { CampaignSettings } from '../../domain/settings';
import type { PaneHost } from './host';

/** Local date-time without a zone, as the coordinator sees it: 2023-10-19T14:05:00. */
function localNow(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}T${p(now.getHours())}:${p(now.getMinutes())}:${p(now.getSeconds())}`;
}

/** The open workbook's own sheets as one received workbook; undefined where the host cannot read them (a browser). */
export async function receiveOwnSheets(host: PaneHost, settings: CampaignSettings, now = new Date()): Promise<ReceivedFile | undefined> {
  if (!host.readUserSheets) return undefined;
  const grid = await host.readUserSheets();
  const { receiveGrid } = await import(/* webpackChunkName: "xlsx-reader" */ '../../files/receiveFiles');
  const received = receiveGrid(grid, localNow(now), settings);
  return 'error' in received ? received : { ...received, undated: true };
}
