/**
 * What refuses a report and what only warns about it. With the pane's default («Включать в свод отчёты с ошибками»
 * unticked, policy refuse-errors) a report whose partner count disagrees with its list or with table 3.2 is merged
 * with a warning — its pupils count in the totals — while numbers that cannot be right still refuse it, with a
 * message naming options that exist.
 */
import { mergeReports, type ReceivedFile } from '../src/domain/consolidate/merge';
import { FIX_OR_MERGE_WITH_ERRORS } from '../src/domain/consolidate/mergeTypes';
import { stampAppendix3 } from '../src/domain/forms/stampAppendix3';
import { readForms } from '../src/domain/read';
import { checkWorkbook } from '../src/domain/rules';
import { defaultSettings } from '../src/domain/settings';
import type { CellInput } from '../src/domain/sheetPlan';
import { STRINGS } from '../src/taskpane/strings';
import { MERGE_USAGE } from '../src/cli/merge';
import { planToGrid, workbookOf } from './support/formGrids';

const settings = defaultSettings('autumn', 2023, { unit: 'Томская область', level: 'region' });

/** A district's consolidated row: 599 pupils, 9 partners said, 7 named, 7 in table 3.2. */
const DISTRICT: Record<string, CellInput> = {
  unit: 'Бакчарский район', schools: 7, schoolsActive: 6, events: 42, students: 599, participants: 438,
  g5: 59, g6: 79, g7: 76, g8: 56, g9: 60, g10: 55, g11: 53, teachers: 33, teachersTotal: 40,
  ovzStudents: 109, ovzParticipants: 83, ovzG5: 11, ovzG6: 20, ovzG7: 17, ovzG8: 11, ovzG9: 22, ovzG10: 1, ovzG11: 1,
  partnersCount: 9, partnersNames: 'НИ ТГУ, ТПУ, ТУСУР, ТГАСУ, Колледж индустрии питания, торговли и сферы услуг, АО «НПЦ «Полюс», АО «Транснефть – Центральная Сибирь»',
};
const DISTRICT32: Record<string, CellInput> = {
  unit: 'Бакчарский район', partnersTotal: 7,
  professionalEducationCount: 5, professionalEducationNames: 'НИ ТГУ; ТПУ; ТУСУР; ТГАСУ; Колледж индустрии питания, торговли и сферы услуг',
  companiesCount: 2, companiesNames: 'АО «НПЦ «Полюс», АО «Транснефть – Центральная Сибирь»',
  businessCount: 0, communityCount: 0,
};

function receivedDistrict(over: Record<string, CellInput> = {}): ReceivedFile {
  const plan = stampAppendix3(settings, { fill: { participation: [{ ...DISTRICT, ...over }], partners: [DISTRICT32] } });
  const read = readForms(workbookOf('Бакчарский район.xlsx', planToGrid(plan)), { year: 2023 });
  return { file: 'Бакчарский район.xlsx', received: '2023-10-20T10:00', read, problems: checkWorkbook(read, settings) };
}

test('a partner count unlike its list and unlike table 3.2 warns, and the district’s 599 pupils stay in the totals', () => {
  const file = receivedDistrict();
  const problems = 'problems' in file ? file.problems : [];
  expect(problems.map((p) => [p.code, p.severity]).sort()).toEqual([
    ['partners-names-count', 'warning'],
    ['partners-total-mismatch', 'warning'],
  ]);
  expect(problems.find((p) => p.code === 'partners-names-count')!.message).toMatch(/Указано 9\s.*перечислено наименований: 7/);
  const result = mergeReports({ files: [file], expectedUnits: [], policy: 'refuse-errors' });
  expect(result.files.map((f) => f.status)).toEqual(['merged']);
  expect(result.totals).toMatchObject({ students: 599, participants: 438 });
  expect(result.partners.byCategory.professionalEducation.distinct).toBe(5);
  expect(result.partners.byCategory.companies.distinct).toBe(2);
});

test('numbers that cannot be right refuse the report under the pane’s default, naming the options that exist', () => {
  const result = mergeReports({ files: [receivedDistrict({ participants: 700 })], expectedUnits: [], policy: 'refuse-errors' });
  expect(result.files.map((f) => f.status)).toEqual(['refused']);
  const reason = result.files[0].reason ?? '';
  expect(reason).toContain(FIX_OR_MERGE_WITH_ERRORS);
  expect(reason).not.toMatch(/принимать с ошибками/);
  // The pane's check box and the command line's option, as they are named where the coordinator meets them.
  expect(FIX_OR_MERGE_WITH_ERRORS).toContain(`«${STRINGS.ru.mergeWithErrors}»`);
  expect(MERGE_USAGE).toContain('--refuse-errors');
  expect(FIX_OR_MERGE_WITH_ERRORS).toContain('--refuse-errors');
});
