/**
 * The rules a filled report must satisfy (DOMAIN.md, «Rules a filled report must satisfy») → located problems
 * with stable codes (docs/validation-codes.md). Each defect is reported once, at the cell of the offending value.
 */
import type { Problem } from '../problems';
import { reportsOf, type ReadWorkbook } from '../report';
import { defaultSettings, seasonFor, type CampaignSettings } from '../settings';
import { checkParticipationRow } from './participation';
import { checkPartnersAgreement, checkPartnersRow } from './partners';
import { checkPlanRow } from './plan';
import { checkTotalRow } from './totalRow';
import { checkMonitoring } from '../monitoring/rules';

/**
 * All problems of a read workbook: the reading problems (`read.problems`) first, then the rule violations.
 * Without settings, the campaign window is the default one for the current season and year.
 */
export function checkWorkbook(read: ReadWorkbook, settings?: CampaignSettings): Problem[] {
  const now = seasonFor(new Date());
  const s = settings ?? defaultSettings(now.season, now.year);
  const sink = { file: read.file, problems: [...read.problems] };
  // Each report of the workbook (a school's sheets collected into one book): its problems stay under its sheets.
  // A copy that is not merged is not checked either: the reader has said why it is left out.
  for (const { report, plan, notMerged } of reportsOf(read)) {
    if (notMerged) continue;
    if (report) {
      const { header, participation, partners } = report;
      for (const row of participation) checkParticipationRow(sink, row, header.unit);
      if (report.participationTotal) checkTotalRow(sink, report.participationTotal, participation, header.unit);
      for (const row of partners) checkPartnersRow(sink, row, header.unit);
      checkPartnersAgreement(sink, participation, partners, header.unit);
    }
    if (plan) for (const row of plan.rows) checkPlanRow(sink, row, plan.header.unit, s);
  }
  if (read.monitoring) sink.problems.push(...checkMonitoring(read.file, read.monitoring));
  return sink.problems;
}

/**
 * A workbook's problems under the campaign's rules. Should the rules themselves fail on a file (a bug), the file is
 * taken unchecked with a warning saying so — never with problems computed under other settings.
 */
export function checkReceived(read: ReadWorkbook, settings: CampaignSettings, file: string): Problem[] {
  try {
    return checkWorkbook(read, settings);
  } catch (e) {
    return [
      ...read.problems,
      {
        file, sheet: '', cell: '', code: 'check-failed', severity: 'warning',
        message: `Файл не удалось проверить по правилам форм (${(e as Error).message}); принят без проверки. Сообщите разработчикам, приложив файл.`,
      },
    ];
  }
}
