import { received } from './consolidate/testing';
import type { ReceivedFile, ReceivedWorkbook } from './consolidate/mergeTypes';
import { checkReceived } from './rules';
import { figuresFromDetail, type CampaignFigures } from './indicators/figures';
import { SHEET } from './sheetNames';
import { defaultSettings } from './settings';
import { AccountingError, assertAccounted, assumeCampaignOfReports, compareCampaigns, documentDateOf, mergeSeason } from './season';

const settings = defaultSettings('autumn', 2023);
const files = [
  received('СОШ 1.xlsx', '2023-10-18T10:05', [{ unit: 'СОШ № 1', plan: 2 }]),
  received('СОШ 2.xlsx', '2023-10-20T16:40', [{ unit: 'СОШ № 2' }]),
];

describe('one season merge for the pane and the command line', () => {
  test('the merged workbook carries every sheet, its register names every file, and is dated by the latest report', () => {
    const s = mergeSeason({ files, settings, expectedUnits: ['СОШ № 1', 'СОШ № 2', 'СОШ № 3'], policy: 'merge-with-errors', deadline: '2023-10-19' });
    expect(s.plan.sheets.map((p) => p.name)).toEqual(expect.arrayContaining([SHEET.detail, SHEET.register, SHEET.indicators, SHEET.note, SHEET.settings]));
    expect(s.result.organisations.map((o) => [o.unit, o.label])).toEqual([
      ['СОШ № 1', 'в срок'],
      ['СОШ № 2', 'с опозданием'],
      ['СОШ № 3', 'не прислал'],
    ]);
    expect(s.documentDate).toBe('2023-10-20T16:40:00Z');
  });

  test('a merge that loses a row writes nothing and says so in Russian', () => {
    const { result } = mergeSeason({ files, settings, expectedUnits: [], policy: 'merge-with-errors' });
    expect(() => assertAccounted(result, files)).not.toThrow();
    const lost = { ...result, accounting: { ...result.accounting, plan: { ...result.accounting.plan, merged: result.accounting.plan.merged - 1 } } };
    expect(() => assertAccounted(lost, files)).toThrow(AccountingError);
  });

  test('earlier campaigns are shown oldest first, spring before autumn, an undated one first', () => {
    const c = (label: string, campaign?: CampaignFigures['campaign']) => figuresFromDetail([], label, { campaign });
    const sorted = [c('осень 2022', { season: 'autumn', year: 2022 }), c('без даты'), c('весна 2023', { season: 'spring', year: 2023 }), c('весна 2022', { season: 'spring', year: 2022 })]
      .sort(compareCampaigns)
      .map((x) => x.label);
    expect(sorted).toEqual(['без даты', 'весна 2022', 'осень 2022', 'весна 2023']);
    const s = mergeSeason({ files, settings, expectedUnits: [], policy: 'merge-with-errors', previous: [c('осень 2022', { season: 'autumn', year: 2022 }), c('весна 2022', { season: 'spring', year: 2022 })] });
    expect(s.previous.map((p) => p.label)).toEqual(['весна 2022', 'осень 2022']);
  });

  test('with no file dated, the workbook is dated by the campaign’s first day, not the clock', () => {
    const s = mergeSeason({ files: [], settings, expectedUnits: [], policy: 'merge-with-errors' });
    expect(s.documentDate).toBe(`${settings.windowFrom}T00:00:00Z`);
    expect(documentDateOf({ ...s.result, files: [{ ...s.result.files[0], received: '2023-10-18' } as never] }, settings)).toBe('2023-10-18T00:00:00Z');
  });
});

describe('a campaign taken from the received plans’ dates', () => {
  test('the rules run again under the plans’ campaign: an older campaign’s events are not flagged as outside today’s window', () => {
    const spring = defaultSettings('spring', 2025);
    const before = files.map((f) => ({ ...f, problems: [{ file: f.file, sheet: 'x', cell: 'A1', code: 'plan-dates-outside-window' as const, severity: 'warning' as const, message: 'вне окна' }] }));
    const { files: checked, assumed } = assumeCampaignOfReports(before, spring);
    expect(assumed?.campaign).toEqual({ season: 'autumn', year: 2023 });
    expect(assumed?.settings).toMatchObject({ season: 'autumn', year: 2023 });
    expect(checked.flatMap((f) => (f as ReceivedWorkbook).problems).map((p) => p.code)).not.toContain('plan-dates-outside-window');
    const same = assumeCampaignOfReports(files, settings);
    expect(same.assumed).toBeUndefined();
    expect(same.files).toEqual(files);
  });

  test('a file the rules fail on under the assumed campaign keeps no problems found under the wrong one: it says it went unchecked', () => {
    const broken: ReceivedWorkbook = {
      ...files[0],
      // A participation row the rules cannot walk (a reader bug): checking throws.
      read: { ...files[0].read, report: { ...files[0].read.report!, participation: [null as never] } },
      problems: [{ file: 'СОШ 1.xlsx', sheet: 'Прил. 2 План', cell: 'C8', code: 'plan-dates-outside-window', severity: 'warning', message: 'вне окна' }],
    };
    const assumed = assumeCampaignOfReports([broken], defaultSettings('spring', 2025));
    const problems = (assumed.files[0] as ReceivedWorkbook).problems;
    expect(problems.map((p) => p.code)).toEqual(['check-failed']);
    expect(problems[0].message).toMatch(/принят без проверки/);
  });

  // A file checked while reading under a guess at the campaign (the command line, cli/receive.ts) says which.
  const marker = (f: ReceivedWorkbook) => ({ ...f, problems: [{ file: f.file, sheet: 'x', cell: 'A1', code: 'plan-dates-outside-window' as const, severity: 'warning' as const, message: 'под догадкой' }] });
  const messages = (fs: ReceivedFile[]) => fs.map((f) => (f as ReceivedWorkbook).problems.map((p) => p.message));

  test('a file checked under the campaign the merge then takes is not checked again, and no longer says it was guessed', () => {
    const guessed = files.map((f) => ({ ...marker(f), checkedFor: { season: 'autumn' as const, year: 2023 } }));
    const { files: checked, assumed } = assumeCampaignOfReports(guessed, defaultSettings('spring', 2025));
    expect(assumed?.campaign).toEqual({ season: 'autumn', year: 2023 });
    expect(messages(checked)).toEqual([['под догадкой'], ['под догадкой']]);
    expect(checked.map((f) => 'checkedFor' in f)).toEqual([false, false]);
  });

  test('a file checked under a wrong guess is checked again under the campaign taken, and one checked under the settings too', () => {
    const [first, second] = files;
    const mixed = [{ ...marker(first), checkedFor: { season: 'spring' as const, year: 2022 } }, marker(second)];
    const { files: checked, assumed } = assumeCampaignOfReports(mixed, defaultSettings('spring', 2025));
    expect(assumed?.campaign).toEqual({ season: 'autumn', year: 2023 });
    expect(messages(checked)).toEqual(messages(files.map((f) => ({ ...f, problems: checkReceived(f.read, assumed!.settings, f.file) }))));
    expect(messages(checked).flat()).not.toContain('под догадкой');
  });

  test('when the plans name the settings’ own campaign, a file checked under a guess is checked again under the settings', () => {
    const guessed = [{ ...marker(files[0]), checkedFor: { season: 'spring' as const, year: 2022 } }, marker(files[1])];
    const { files: checked, assumed } = assumeCampaignOfReports(guessed, settings);
    expect(assumed).toBeUndefined();
    expect(messages(checked)).toEqual([(checkReceived(files[0].read, settings, files[0].file)).map((p) => p.message), ['под догадкой']]);
  });
});
