/**
 * A sender's own «Итого» row under table 3.1 is not merged, but when it disagrees with the rows above it a row is
 * probably missing or mistyped: say so at the total's cell (a warning — the rows are what gets merged).
 */
import { fieldTitle } from '../read/fieldTitles';
import type { ParticipationRow, Read } from '../report';
import { cellOf, num, report, type RuleSink } from './context';

const SUMMED: (keyof ParticipationRow)[] = ['schools', 'schoolsActive', 'events', 'students', 'participants', 'teachers', 'ovzStudents', 'ovzParticipants'];

export function checkTotalRow(sink: RuleSink, total: ParticipationRow, rows: ParticipationRow[], unit: string): void {
  if (rows.length === 0) return;
  for (const key of SUMMED) {
    const t = (total[key] as Read<number>).value;
    if (t === null) continue;
    const values = rows.map((r) => (r[key] as Read<number>).value);
    // A row whose value is missing or bad is reported on its own; the sum would only repeat it.
    if (values.some((v) => v !== null && (!Number.isInteger(v) || v < 0))) continue;
    const sum = values.reduce<number>((a, v) => a + (v ?? 0), 0);
    if (sum !== t)
      report(sink, total.source, cellOf(total[key] as Read<number>, total.source), unit, 'total-row-mismatch', 'warning',
        `В строке «Итого» «${fieldTitle(key)}» = ${num(t)}, а сумма строк таблицы выше — ${num(sum)}. ` +
          'Проверьте, не пропущена ли строка; в свод попадают строки, а не итог.');
  }
}
