/** Rules of table 3.1 («Участие образовательных организаций, обучающихся и педагогов…»), per row. */
import { GRADES } from '../forms/appendix3';
import type { ProblemCode } from '../problems';
import { fieldTitle } from '../read/fieldTitles';
import type { ParticipationRow, Read } from '../report';
import { parseCount } from '../values/count';
import { countOf, NOUN } from '../text';
import { cellOf, countValue, num, report, unreadableAt, type RuleSink } from './context';

export const PARTNERS = ['организация-партнёр', 'организации-партнёра', 'организаций-партнёров'] as const;

/** Counts that every filled row should have; an empty cell is a warning (a dash or «нет» means none and is fine). */
const EXPECTED: (keyof ParticipationRow)[] = ['schools', 'schoolsActive', 'events', 'students', 'participants', 'teachers'];

export function checkParticipationRow(sink: RuleSink, row: ParticipationRow, headerUnit: string): void {
  const unit = row.unit.value ?? headerUnit;
  const src = row.source;
  const reported = new Set<string>();
  const v = (key: string, r: Read<number>) => countValue(sink, src, unit, r, fieldTitle(key), reported);
  const at = (r: Read<unknown>) => cellOf(r, src);

  const schools = v('schools', row.schools);
  const active = v('schoolsActive', row.schoolsActive);
  const events = v('events', row.events);
  const students = v('students', row.students);
  const took = v('participants', row.participants);
  const grades = row.grades.map((g, i) => v(`g${GRADES[i]}`, g));
  const teachers = v('teachers', row.teachers);
  const teachersTotal = v('teachersTotal', row.teachersTotal);
  const ovz = v('ovzStudents', row.ovzStudents);
  const ovzTook = v('ovzParticipants', row.ovzParticipants);
  const ovzGrades = row.ovzGrades.map((g, i) => v(`ovzG${GRADES[i]}`, g));
  const partners = v('partnersCount', row.partnersCount);
  const who = unit ? ` (${unit})` : '';

  if (schools !== undefined && active !== undefined && active > schools)
    report(sink, src, at(row.schoolsActive), unit, 'schools-active-over-total', 'error',
      `Организовавших мероприятия ОО (${num(active)}) больше, чем всего ОО (${num(schools)})${who}. Проверьте оба числа: организовавших не может быть больше, чем всего.`);

  if (students !== undefined && took !== undefined && took > students)
    report(sink, src, at(row.participants), unit, 'participants-over-students', 'error',
      `Приняли участие ${countOf(took, NOUN.pupil)}, а всего обучающихся 5-11 классов ${num(students)}${who}. Участников не может быть больше, чем обучающихся.`);

  gradesSum(sink, row, unit, 'grades-sum', took, grades, row.participants, '');

  if (ovz !== undefined && ovzTook !== undefined && ovzTook > ovz)
    report(sink, src, at(row.ovzParticipants), unit, 'ovz-participants-over-ovz-students', 'error',
      `Приняли участие ${countOf(ovzTook, NOUN.pupil)} с ОВЗ, а всего обучающихся с ОВЗ ${num(ovz)}${who}. Участников не может быть больше.`);

  if (ovz !== undefined && students !== undefined && ovz > students)
    report(sink, src, at(row.ovzStudents), unit, 'ovz-over-students', 'error',
      `Обучающихся с ОВЗ (${num(ovz)}) больше, чем всего обучающихся 5-11 классов (${num(students)})${who}. Обучающиеся с ОВЗ входят в общее число.`);

  if (ovzTook !== undefined && took !== undefined && ovzTook > took)
    report(sink, src, at(row.ovzParticipants), unit, 'ovz-over-participants', 'error',
      `Участников с ОВЗ (${num(ovzTook)}) больше, чем всех участников (${num(took)})${who}. Участники с ОВЗ входят в общее число участников.`);

  GRADES.forEach((g, i) => {
    const all = grades[i];
    const o = ovzGrades[i];
    if (all !== undefined && o !== undefined && o > all)
      report(sink, src, at(row.ovzGrades[i]), unit, 'ovz-grade-over-grade', 'error',
        `${g} класс: участников с ОВЗ ${num(o)}, а всех участников этого класса ${num(all)}${who}. Участники с ОВЗ входят в число участников класса.`);
  });

  gradesSum(sink, row, unit, 'ovz-grades-sum', ovzTook, ovzGrades, row.ovzParticipants, ' с ОВЗ');

  const organised = (active ?? 0) > 0;
  // «—» or «нет» in the events cell says none; unreadable text was reported where it was read.
  const eventsNone = row.events.value === null && (row.events.interpreted === undefined || parseCount(row.events.interpreted).kind === 'none');
  if (organised && (events === 0 || eventsNone))
    report(sink, src, at(row.events), unit, 'events-missing', 'error',
      `${num(active as number)} ОО организовали мероприятия, но количество мероприятий ${events === 0 ? 'указано 0' : row.events.interpreted ? `указано «${row.events.interpreted}»` : 'не указано'}${who}. Укажите, сколько мероприятий проведено.`);

  if (teachers !== undefined && teachersTotal !== undefined && teachers > teachersTotal)
    report(sink, src, at(row.teachers), unit, 'teachers-over-total', 'error',
      `Педагогов, принявших участие (${num(teachers)}), больше, чем всего педагогов (${num(teachersTotal)})${who}.`);

  namesCount(sink, src, unit, 'partners-names-count', partners, row.partnersNames.value, Boolean(row.partnersNamesOpen), row.partnersCount, 'табл. 3.1');

  if (!unit)
    report(sink, src, at(row.unit), '', 'unit-missing', 'warning',
      'Не указано, чья это строка: впишите муниципальное образование (или ОО) в первый столбец или в строку над таблицей.');

  const missingCells = new Set<string>();
  for (const key of EXPECTED) {
    const r = row[key] as Read<number>;
    if (r.value !== null || r.interpreted !== undefined) continue;
    if (key === 'events' && organised) continue; // events-missing says it
    // In the Word-like layout one cell holds two values: one message for the empty cell.
    if (r.cell && missingCells.has(r.cell)) continue;
    missingCells.add(r.cell);
    report(sink, src, at(r), unit, 'value-missing', 'warning',
      `Не заполнено «${fieldTitle(key)}»${who}. Укажите число (0 или «—», если не было).`);
  }
}

function gradesSum(
  sink: RuleSink,
  row: ParticipationRow,
  unit: string,
  code: ProblemCode,
  total: number | undefined,
  grades: (number | undefined)[],
  totalRead: Read<number>,
  whom: string,
): void {
  if (total === undefined) return;
  const src = row.source;
  const reads = code === 'grades-sum' ? row.grades : row.ovzGrades;
  // A grade that failed its own check is reported there; the sum would repeat it.
  if (reads.some((r, i) => (r.value !== null && grades[i] === undefined) || unreadableAt(sink, src.sheet, r.cell))) return;
  const given = grades.filter((g): g is number => g !== undefined);
  if (given.length === 0) {
    if (total > 0)
      report(sink, src, cellOf(totalRead, src), unit, code, 'warning',
        `Приняли участие ${countOf(total, NOUN.pupil)}${whom}, но число участников по классам (5–11) не указано. Заполните разбивку по классам.`);
    return;
  }
  const sum = given.reduce((a, b) => a + b, 0);
  if (sum !== total) {
    const parts = GRADES.map((g, i) => `${g} кл. — ${grades[i] === undefined ? '—' : num(grades[i] as number)}`).join(', ');
    report(sink, src, cellOf(totalRead, src), unit, code, 'error',
      `Сумма по классам (${parts}) равна ${num(sum)}, а приняли участие ${countOf(total, NOUN.pupil)}${whom}${unit ? ` (${unit})` : ''}. Исправьте число участников или разбивку по классам.`);
  }
}

/** A partner count against the names listed beside it (a warning: lists are often shortened). */
export function namesCount(
  sink: RuleSink,
  src: ParticipationRow['source'],
  unit: string,
  code: ProblemCode,
  count: number | undefined,
  names: string[] | null,
  open: boolean,
  countRead: Read<number>,
  where: string,
): void {
  const listed = names?.length ?? 0;
  if (count === undefined) return;
  if (listed === 0) {
    if (count > 0)
      report(sink, src, cellOf(countRead, src), unit, code, 'warning',
        `Указано ${countOf(count, PARTNERS)} (${where}), но их наименования не перечислены. Перечислите наименования, как требует форма.`);
    return;
  }
  if (listed === count || (open && listed < count)) return;
  report(sink, src, cellOf(countRead, src), unit, code, 'warning',
    `Указано ${countOf(count, PARTNERS)} (${where}), а перечислено наименований: ${listed} (${names!.join(', ')}). Проверьте число или список.`);
}
