/**
 * School → municipality → region, as coordinators do it: the sample municipality merged on the command line (as
 * `npm run demo` does), a second municipality whose schools left «Общее количество педагогов» empty (the order's
 * Word form has no such column), a third merged through the pane's flow with half its schools giving it; then the
 * region merges the three consolidated workbooks, on the command line and through the pane's flow. Every figure of
 * the region's «Прил. 3 Свод» must be the sum of the municipalities' (partners: the distinct organisations of all),
 * nothing refused, no warning, and every «Проверка» of the consolidated forms, recalculated by LibreOffice, «ОК».
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { merge, type MergeJson } from '../src/cli/merge';
import { partnerKey } from '../src/domain/consolidate/names';
import { GRADES, PARTNER_CATEGORIES } from '../src/domain/forms/appendix3';
import { appendix3Layout } from '../src/domain/forms/appendix3Layout';
import { CHECK_OK } from '../src/domain/forms/rowChecks';
import { cellRef } from '../src/domain/a1';
import { sampleMunicipality } from '../src/domain/sample/municipality';
import { sampleSchoolWorkbooks, type SampleOptions } from '../src/domain/sample/schoolWorkbooks';
import { defaultSettings, type CampaignSettings } from '../src/domain/settings';
import { SHEET } from '../src/domain/sheetNames';
import { writeXlsx } from '../src/files/xlsxWriter';
import { mergeFiles, type PickedFile } from '../src/taskpane/services/flows';
import { writeSample } from '../scripts/sample';
import { runCommand } from './support/command';
import { recalculate, valueAt, type RecalculatedCell, type RecalculatedWorkbook } from './support/libreoffice';
// Slow on purpose (CLI and LibreOffice): three municipal merges, two regional ones, five workbooks recalculated.
jest.setTimeout(600_000);

const YEAR = 2023;
const REGION_DEADLINE = '2023-10-25';

/** The municipalities: who they are and which schools' files they received. */
const MUNICIPALITIES: { unit: string; opts: SampleOptions; host: 'cli' | 'pane' }[] = [
  { unit: 'Город Томск', opts: {}, host: 'cli' },
  { unit: 'ЗАТО Северск', opts: { schools: 20, seed: 7, teachersTotal: 'none', broken: false }, host: 'cli' },
  { unit: 'Асиновский район', opts: { schools: 12, seed: 11, teachersTotal: 'some', broken: false, twice: false }, host: 'pane' },
];

/** Leaf keys of table 3.1 that are summed upward. */
const SUMMED = [
  'schools', 'schoolsActive', 'events', 'students', 'participants', ...GRADES.map((g) => `g${g}`),
  'teachers', 'teachersTotal', 'ovzStudents', 'ovzParticipants', ...GRADES.map((g) => `ovzG${g}`),
];

let dir: string;
const municipal: { unit: string; bytes: Uint8Array; calc: RecalculatedWorkbook }[] = [];
let region: MergeJson;
let regionCalc: RecalculatedWorkbook;
let regionSettings: CampaignSettings;

const picked = (name: string, bytes: Uint8Array, received: string): PickedFile => {
  const copy = bytes.slice();
  return { name, lastModified: Date.parse(received), size: copy.length, arrayBuffer: async () => copy.buffer as ArrayBuffer };
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pk-upward-'));
  const up = path.join(dir, 'в регион');
  await mkdir(up, { recursive: true });
  for (const [i, m] of MUNICIPALITIES.entries()) {
    const out = path.join(up, `${m.unit}.xlsx`);
    if (m.host === 'cli') {
      const inbox = path.join(dir, `школы ${i}`);
      const sample = await writeSample(inbox, m.opts);
      const args = [inbox, '--out', out, '--units', path.join(inbox, 'units.csv'), '--deadline', sample.deadline, '--unit', m.unit, '--season', 'autumn', '--year', String(YEAR)];
      const { code, stderr } = await runCommand(merge, args);
      if (code !== 0) throw new Error(`merge → ${code}: ${stderr}`);
    } else {
      const sample = sampleSchoolWorkbooks(m.opts);
      const files = await Promise.all(sample.files.map(async (f) => picked(f.file, f.workbook ? await writeXlsx(f.workbook) : f.bytes!, f.received)));
      const settings = { ...sample.settings, unit: m.unit };
      const { plan } = await mergeFiles({ files, settings, expectedUnits: sample.expectedUnits, mergeWithErrors: false });
      await writeFile(out, await writeXlsx(plan));
    }
    const bytes = new Uint8Array(await readFile(out));
    municipal.push({ unit: m.unit, bytes, calc: await recalculate(bytes) });
  }
  const out = path.join(dir, 'Томская область.xlsx');
  const args = [up, '--out', out, '--unit', 'Томская область', '--level', 'region', '--season', 'autumn', '--year', String(YEAR), '--deadline', REGION_DEADLINE, '--json'];
  const { code, stdout, stderr } = await runCommand(merge, args);
  if (code !== 0) throw new Error(`merge → ${code}: ${stderr}`);
  region = JSON.parse(stdout) as MergeJson;
  regionCalc = await recalculate(new Uint8Array(await readFile(out)));
  regionSettings = defaultSettings('autumn', YEAR, { unit: 'Томская область', level: 'region' });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The consolidated Appendix 3's cells, from the stamper's own layout. */
function at(settings: CampaignSettings) {
  const L = appendix3Layout(settings, { rows: 1 });
  return {
    p: (key: string) => cellRef(L.participation.firstDataRow, L.participation.columns[key]),
    q: (key: string) => cellRef(L.partners.firstDataRow, L.partners.columns[key]),
    checks: [cellRef(L.participation.firstDataRow, L.participation.checkColumn), cellRef(L.partners.firstDataRow, L.partners.checkColumn)],
  };
}

const number = (v: RecalculatedCell) => (typeof v === 'number' ? v : v === null || v === '' ? null : Number.NaN);

test('each municipality’s consolidated Appendix 3 checks itself «ОК», «Общее количество педагогов» included', () => {
  const { p, checks } = at(regionSettings);
  for (const m of municipal) {
    const report = m.calc[SHEET.consolidatedReport];
    expect([m.unit, checks.map((c) => valueAt(report, c))]).toEqual([m.unit, [CHECK_OK, CHECK_OK]]);
    expect([m.unit, valueAt(report, p('unit'))]).toEqual([m.unit, m.unit]);
  }
  const teachersTotal = municipal.map((m) => number(valueAt(m.calc[SHEET.consolidatedReport], p('teachersTotal'))));
  // Tomsk's schools all gave it; Seversk's none, Asino's half: an unknown total is left empty, never a 0 below the teachers.
  expect(teachersTotal).toEqual([5298, null, null]);
});

test('the region takes every municipality, with no error and no warning, and its figures are their sums', () => {
  expect(region.files.map((f) => [f.unit, f.status, f.errors, f.warnings])).toEqual(
    [...MUNICIPALITIES].map((m) => [m.unit, 'merged', 0, 0]).sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'ru')),
  );
  expect(region.refused).toEqual([]);
  const { p, q, checks } = at(regionSettings);
  const report = regionCalc[SHEET.consolidatedReport];
  expect(checks.map((c) => valueAt(report, c))).toEqual([CHECK_OK, CHECK_OK]);
  for (const key of SUMMED) {
    const parts = municipal.map((m) => number(valueAt(m.calc[SHEET.consolidatedReport], p(key))));
    const expected = parts.some((v) => v === null) && key === 'teachersTotal' ? null : parts.reduce<number>((a, v) => a + (v ?? 0), 0);
    expect([key, number(valueAt(report, p(key)))]).toEqual([key, expected]);
  }
  // Partners: the distinct organisations the region's schools named, by category, counted from the generator's lists.
  const schools = MUNICIPALITIES.flatMap((m) => sampleMunicipality(m.opts).schools);
  const distinct = (c: (typeof PARTNER_CATEGORIES)[number]) => new Set(schools.flatMap((s) => s.partners[c]).map(partnerKey)).size;
  for (const c of PARTNER_CATEGORIES) expect([c, valueAt(report, q(`${c}Count`))]).toEqual([c, distinct(c)]);
  const all = new Set(schools.flatMap((s) => PARTNER_CATEGORIES.flatMap((c) => s.partners[c])).map(partnerKey)).size;
  expect(valueAt(report, q('partnersTotal'))).toBe(all);
  expect(valueAt(report, p('partnersCount'))).toBe(all);
  expect(region.totals.partners).toMatchObject({ distinct: all, professionalEducation: 48, companies: 56, business: 7 });
});

test('the pane’s flow merges the same municipal workbooks into the same region, refusing none', async () => {
  const files = municipal.map((m) => picked(`${m.unit}.xlsx`, m.bytes, '2023-10-21T10:00'));
  const { result } = await mergeFiles({ files, settings: { ...regionSettings, reportDue: REGION_DEADLINE }, expectedUnits: [], mergeWithErrors: false });
  expect(result.files.map((f) => [f.unit, f.status, f.problems.length])).toEqual(
    expect.arrayContaining(MUNICIPALITIES.map((m) => [m.unit, 'merged', 0])),
  );
  expect(result.files).toHaveLength(3);
  const { partners, ...totals } = result.totals;
  const { partners: cliPartners, ...cliTotals } = region.totals;
  expect({ ...totals, grades: Object.values(totals.grades), ovzGrades: Object.values(totals.ovzGrades) }).toEqual({
    ...cliTotals,
    grades: Object.values(cliTotals.grades),
    ovzGrades: Object.values(cliTotals.ovzGrades),
  });
  expect(partners.distinct).toBe(cliPartners.distinct);
});
