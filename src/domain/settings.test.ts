/** The default campaign calendar is seed 002's (DOMAIN.md «Calendar»), moved to the year asked for. */
import { defaultSettings } from './settings';

describe('the default calendar of a campaign', () => {
  it.each([
    ['spring', { windowFrom: '2027-03-15', windowTo: '2027-04-16', planDue: '2027-03-19', schoolReportsDue: '2027-04-20', reportDue: '2027-04-23' }],
    ['autumn', { windowFrom: '2026-09-13', windowTo: '2026-10-15', planDue: '2026-09-17', schoolReportsDue: '2026-10-19', reportDue: '2026-10-22' }],
  ] as const)('%s: window, plan due, schools’ reports due, report due as the order sets them', (season, dates) => {
    expect(defaultSettings(season, season === 'spring' ? 2027 : 2026)).toMatchObject(dates);
  });
});
