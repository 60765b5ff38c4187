/**
 * Every sheet plan the project can produce, grouped as the workbooks that carry them: each form (Appendix 2, 3,
 * monitoring) at each level and season, blanks, and consolidated workbooks (with indicators, earlier campaign,
 * monitoring and targets) at each level that merges. For tests that hold all of them to Excel's limits.
 */
import { blankWorkbookPlan, levelBelow } from '../../src/domain/blanks/blank';
import { mergeReports, type ReceivedWorkbook } from '../../src/domain/consolidate/merge';
import { received } from '../../src/domain/consolidate/testing';
import { buildConsolidatedWorkbook } from '../../src/domain/consolidate/workbook';
import { MONITORING_KEYS, type MonitoringKey } from '../../src/domain/forms/monitoring';
import { stampAppendix2 } from '../../src/domain/forms/stampAppendix2';
import { stampAppendix3 } from '../../src/domain/forms/stampAppendix3';
import { stampMonitoring } from '../../src/domain/forms/monitoringStamp';
import { campaignFigures } from '../../src/domain/indicators';
import type { MonitoringRow } from '../../src/domain/monitoring/types';
import type { Read } from '../../src/domain/report';
import { defaultSettings, type Season, type UnitLevel } from '../../src/domain/settings';
import type { SheetPlan, WorkbookPlan } from '../../src/domain/sheetPlan';
import { withSettingsSheet } from '../../src/domain/consolidate/workbook';

export const LEVELS: UnitLevel[] = ['school', 'municipality', 'ogoo', 'region'];
export const SEASONS: Season[] = ['spring', 'autumn'];

function monitoringFile(name: string, unit: string, n: number): ReceivedWorkbook {
  const values = {} as Record<MonitoringKey, Read<number>>;
  MONITORING_KEYS.forEach((k, i) => (values[k] = { value: 10 + ((i * 7 + n) % 20), cell: `B${12 + i}` }));
  const row: MonitoringRow = { source: { file: name, sheet: 'Мониторинг', row: 12 }, unit: { value: unit, cell: 'A12' }, values };
  return { file: name, received: '2025-10-10T09:00:00', read: { file: name, problems: [], monitoring: { sheet: 'Мониторинг', header: { unit, coordinator: '' }, rows: [row] } }, problems: [] };
}

export interface LabelledWorkbook {
  label: string;
  plan: WorkbookPlan;
}

/** The workbooks; `units` received per consolidated workbook (each with a report, a plan and a monitoring form). */
export function everyWorkbook(opts: { seasons?: Season[]; units?: number } = {}): LabelledWorkbook[] {
  const out: LabelledWorkbook[] = [];
  for (const season of opts.seasons ?? SEASONS)
    for (const level of LEVELS) {
      const s = defaultSettings(season, 2025, { unit: 'Александровский район', level });
      const forms: SheetPlan[] = [stampAppendix2(s), stampAppendix3(s), stampMonitoring(s)];
      out.push({ label: `forms ${level} ${season}`, plan: withSettingsSheet(forms, s) });
      const long: SheetPlan[] = [stampAppendix2(s, { rows: 200 }), stampAppendix3(s, { rows: 200 }), stampMonitoring(s, { rows: 200 })];
      out.push({ label: `forms of 200 rows ${level} ${season}`, plan: withSettingsSheet(long, s) });
      if (level === 'municipality' || level === 'region')
        out.push({
          label: `blank from ${level} ${season}`,
          plan: blankWorkbookPlan('МБОУ СОШ № 1 имени Героя Советского Союза И. И. Иванова', { settings: s, forms: ['report', 'plan', 'monitoring'] }),
        });
      if (level === 'school') continue;
      const below = levelBelow(level);
      const units = Array.from({ length: opts.units ?? 120 }, (_, i) => `${below === 'school' ? 'МБОУ СОШ' : 'Район'} № ${i + 1}`);
      const files = [
        ...units.map((u, i) =>
          received(`${u}.xlsx`, '2025-10-10T09:00:00', [
            { unit: u, plan: 3, partners: { companies: [`ООО «Завод ${i}»`], professionalEducation: [`Колледж ${i % 7}`] } },
          ]),
        ),
        ...units.map((u, i) => monitoringFile(`${u} мониторинг.xlsx`, u, i)),
      ];
      const result = mergeReports({ files, expectedUnits: [...units, 'Не прислал'], policy: 'merge-with-errors' });
      const settings = { ...s, targets: { pupils: 85, ovz: 70, events: 100 } };
      const previous = [campaignFigures(result, defaultSettings(season, 2024, { level }))];
      out.push({ label: `consolidated ${level} ${season}`, plan: buildConsolidatedWorkbook(result, settings, { previous, territoryGenitive: 'Александровского района' }) });
    }
  return out;
}
