/** How a campaign is named in tables and prose: «осенняя кампания 2023 г.», «по сравнению с осенней кампанией 2023 г.». */
import { SEASON_TITLE, type Season } from '../settings';

export interface CampaignId {
  season: Season;
  year: number;
}

export const campaignLabel = (c: CampaignId): string => `${SEASON_TITLE[c.season].adjective} кампания ${c.year} г.`;

/** Instrumental, after «с»: «весенней кампанией 2023 г.» (the adjective's genitive and instrumental coincide). */
export const campaignInstrumental = (c: CampaignId): string => `${SEASON_TITLE[c.season].genitive} кампанией ${c.year} г.`;

/** Prepositional, after «в»: «весенней кампании 2023 г.». */
export const campaignPrepositional = (c: CampaignId): string => `${SEASON_TITLE[c.season].genitive} кампании ${c.year} г.`;

/** Back from a label this module wrote; null for anything else. */
export function parseCampaignLabel(label: string): CampaignId | null {
  const m = /^\s*(весенняя|осенняя)\s+кампания\s+(\d{4})/i.exec(label);
  if (!m) return null;
  return { season: m[1].toLowerCase() === 'весенняя' ? 'spring' : 'autumn', year: Number(m[2]) };
}
