/** Builders of read reports for the merge's tests: a unit's row as the reader would hand it over. */
import type { Problem } from '../problems';
import type { ParticipationRow, PartnersRow, PlanRow, Read, ReadWorkbook } from '../report';
import type { ReceivedWorkbook } from './merge';

export interface UnitFigures {
  unit: string;
  schools?: number;
  schoolsActive?: number;
  events?: number;
  students?: number;
  grades?: number[];
  teachers?: number;
  teachersTotal?: number;
  ovzStudents?: number;
  ovzGrades?: number[];
  partners?: Partial<Record<'professionalEducation' | 'companies' | 'business' | 'community', string[]>>;
  /** Names in table 3.1 (default: every partner of table 3.2). */
  partnersNames?: string[];
  plan?: number; // planned events
}

const r = <T>(value: T | null, cell: string): Read<T> => ({ value, cell });

export function participationRow(file: string, row: number, u: UnitFigures): ParticipationRow {
  const grades = u.grades ?? [1, 1, 1, 1, 1, 1, 1];
  const ovz = u.ovzGrades ?? [0, 0, 0, 0, 0, 0, 0];
  const names = u.partnersNames ?? Object.values(u.partners ?? {}).flat();
  const sum = (a: number[]) => a.reduce((s, x) => s + x, 0);
  return {
    source: { file, sheet: 'Прил. 3 Отчёт', row },
    unit: r(u.unit, `A${row}`),
    schools: r(u.schools ?? 1, `B${row}`),
    schoolsActive: r(u.schoolsActive ?? 1, `C${row}`),
    events: r(u.events ?? 10, `D${row}`),
    students: r(u.students ?? sum(grades) + 10, `E${row}`),
    participants: r(sum(grades), `F${row}`),
    grades: grades.map((g, i) => r(g, `${String.fromCharCode(71 + i)}${row}`)),
    teachers: r(u.teachers ?? 5, `N${row}`),
    teachersTotal: r(u.teachersTotal ?? 10, `AB${row}`),
    ovzStudents: r(u.ovzStudents ?? sum(ovz), `O${row}`),
    ovzParticipants: r(sum(ovz), `P${row}`),
    ovzGrades: ovz.map((g, i) => r(g, `${String.fromCharCode(81 + i)}${row}`)),
    partnersCount: r(names.length, `X${row}`),
    partnersNames: r(names, `Y${row}`),
  };
}

export function partnersRow(file: string, row: number, u: UnitFigures): PartnersRow {
  const p = u.partners ?? {};
  const cat = (k: keyof typeof p, c: string) => ({ count: r(p[k]?.length ?? 0, `${c}${row}`), names: r(p[k] ?? [], `${c}${row}`) });
  return {
    source: { file, sheet: 'Прил. 3 Отчёт', row },
    unit: r(u.unit, `A${row}`),
    partnersTotal: r(Object.values(p).flat().length, `B${row}`),
    professionalEducation: cat('professionalEducation', 'C'),
    companies: cat('companies', 'E'),
    business: cat('business', 'G'),
    community: cat('community', 'I'),
  };
}

export function planRows(file: string, n: number): PlanRow[] {
  return Array.from({ length: n }, (_, i) => ({
    source: { file, sheet: 'Прил. 2 План', row: 8 + i },
    level: r('Школьный' as const, `A${8 + i}`),
    name: r(`Мероприятие ${i + 1}`, `B${8 + i}`),
    dates: r({ from: '2023-09-20', to: '2023-09-20' }, `C${8 + i}`),
    targetGroup: r('8 класс', `D${8 + i}`),
    expectedParticipants: r(20, `E${8 + i}`),
    expectedResults: r('Знакомство с профессиями', `F${8 + i}`),
    responsible: r('Иванова И.И., 8 (3822) 00-00-00', `G${8 + i}`),
  }));
}

/** A received workbook with one or more units' rows (a school: one; a municipality's detail: many). */
export function received(file: string, receivedAt: string, units: UnitFigures[], problems: Problem[] = []): ReceivedWorkbook {
  const read: ReadWorkbook = {
    file,
    report: {
      sheet: 'Прил. 3 Отчёт',
      header: { unit: units.length === 1 ? units[0].unit : '', coordinator: '' },
      participation: units.map((u, i) => participationRow(file, 10 + i, u)),
      partners: units.map((u, i) => partnersRow(file, 20 + i, u)),
    },
    problems: [],
  };
  const plan = units.length === 1 ? units[0].plan : undefined;
  if (plan) read.plan = { sheet: 'Прил. 2 План', header: { unit: units[0].unit, coordinator: '' }, rows: planRows(file, plan) };
  return { file, received: receivedAt, read, problems };
}
