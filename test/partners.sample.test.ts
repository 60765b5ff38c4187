/**
 * The sample municipality's school workbooks, read as the merge reads them (lists written with semicolons, commas,
 * line breaks and numbers; «Колледж индустрии питания, торговли и сферы услуг» and «АО «НПЦ «Полюс»» among the
 * names): distinct partners by category are exactly the organisations the schools were given, counted from the
 * generator's own lists, not by any matcher.
 */
import { mergeReports, type ReceivedFile } from '../src/domain/consolidate/merge';
import { partnerKey } from '../src/domain/consolidate/names';
import type { Problem } from '../src/domain/problems';
import { PARTNER_CATEGORIES } from '../src/domain/forms/appendix3';
import { readForms } from '../src/domain/read';
import { checkWorkbook } from '../src/domain/rules';
import { sampleSchoolWorkbooks } from '../src/domain/sample/schoolWorkbooks';
import { sampleMunicipality } from '../src/domain/sample/municipality';
import { planToGrid } from './support/formGrids';

test('the sample municipality’s distinct partners by category are the organisations its schools name, and no list is taken for a wrong count', () => {
  const sample = sampleSchoolWorkbooks({ broken: false, twice: false });
  const files: (ReceivedFile & { problems: Problem[] })[] = sample.files.map((f) => {
    const read = readForms({ file: f.file, sheets: f.workbook!.sheets.map(planToGrid) }, { year: sample.settings.year });
    return { file: f.file, received: f.received, read, problems: checkWorkbook(read, sample.settings) };
  });
  const result = mergeReports({ files, expectedUnits: sample.expectedUnits, deadline: sample.deadline, policy: 'refuse-errors' });

  // By hand: the names the generator gave the schools, one per organisation (spelled once, as the pools are).
  const { schools } = sampleMunicipality();
  const expected = Object.fromEntries(PARTNER_CATEGORIES.map((c) => [c, new Set(schools.flatMap((s) => s.partners[c])).size]));
  expect(expected).toMatchObject({ professionalEducation: 48, companies: 56, business: 7 });
  const found = Object.fromEntries(PARTNER_CATEGORIES.map((c) => [c, result.partners.byCategory[c].distinct]));
  expect(found).toEqual(expected);
  expect(result.partners.byCategory.unspecified.distinct).toBe(0);
  // The college with a comma in its name is one partner, and «Полюс» is not glued to its neighbour.
  const names = result.partners.entries.map((e) => partnerKey(e.name));
  expect(names).toContain(partnerKey('Колледж индустрии питания торговли и сферы услуг'));
  expect(names.filter((n) => n.includes('торговли'))).toHaveLength(1);
  expect(names.filter((n) => n.includes('полюс'))).toEqual([partnerKey('АО «НПЦ «Полюс»»')]);
  // Every school's lists read as written: no count-vs-names warning anywhere, nothing refused.
  const listWarnings = files.flatMap((f) => f.problems).filter((p) => p.code === 'partners-names-count' || p.code === 'partners-total-mismatch');
  expect(listWarnings).toEqual([]);
  expect(result.files.filter((f) => f.status === 'refused')).toEqual([]);
});
