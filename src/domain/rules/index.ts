/** The rules a filled report must satisfy (DOMAIN.md) → located problems with stable codes. */
import type { Problem } from '../problems';
import type { ReadWorkbook } from '../report';
import type { CampaignSettings } from '../settings';

export function checkWorkbook(read: ReadWorkbook, settings?: CampaignSettings): Problem[] {
  throw new Error(`checkWorkbook: not implemented yet (${read.file}, ${settings?.season})`);
}
