/**
 * `npx tsx bench/readLargeReport.ts [ROWS]` — time reading and checking a region's stamped Appendix 3 with ROWS
 * units (default 2000) in each table: the reader must stay fast on large consolidated forms full of merges.
 */
import { stampAppendix3 } from '../src/domain/forms/stampAppendix3';
import { defaultSettings } from '../src/domain/settings';
import { readForms } from '../src/domain/read';
import { checkWorkbook } from '../src/domain/rules';
import { planToGrid, workbookOf } from '../test/support/formGrids';

const n = Number(process.argv[2] ?? 2000);
const settings = defaultSettings('autumn', 2023, { level: 'region' });
const row = {
  schools: 7, schoolsActive: 6, events: 42, students: 599, participants: 438, g5: 59, g6: 79, g7: 76, g8: 56, g9: 60, g10: 55, g11: 53,
  teachers: 33, ovzStudents: 109, ovzParticipants: 83, ovzG5: 11, ovzG6: 20, ovzG7: 17, ovzG8: 11, ovzG9: 22, ovzG10: 1, ovzG11: 1,
  partnersCount: 1, partnersNames: 'НИ ТГУ',
};
const units = Array.from({ length: n }, (_, i) => `Школа № ${i + 1}`);
const plan = stampAppendix3(settings, {
  fill: {
    participation: units.map((unit) => ({ unit, ...row })),
    partners: units.map((unit) => ({ unit, partnersTotal: 1, professionalEducationCount: 1, professionalEducationNames: 'НИ ТГУ' })),
  },
});
const grid = planToGrid(plan);
let t = performance.now();
const read = readForms(workbookOf('регион.xlsx', grid));
const readMs = performance.now() - t;
t = performance.now();
const problems = checkWorkbook(read, settings);
const checkMs = performance.now() - t;
process.stdout.write(
  `${grid.cells.length} строк, ${grid.merges.length} объединений: чтение ${readMs.toFixed(0)} мс ` +
    `(${read.report?.participation.length} + ${read.report?.partners.length} строк), проверка ${checkMs.toFixed(0)} мс, замечаний ${problems.length}\n`,
);
