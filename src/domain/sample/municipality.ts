/**
 * A synthetic municipality built to match seed 000 (Tomsk, autumn 2023): 66 schools, all of them organised events,
 * 34 290 of 35 719 pupils of grades 5–11 took part (96 %), 2 277 pupils with ОВЗ took part, 2 702 of 5 298
 * teachers (51 %), 3 448 events, partners whose distinct counts are 48 / 56 / 7, and 43 of 66 schools (65 %)
 * naming parents or graduates. Deterministic: the same options always give the same schools.
 * With another number of schools the seed's totals are scaled, so benchmarks get the same shape at any size.
 */
import { COMPANIES, ENTREPRENEURS, INITIALS, PLAN_EVENTS, PROFESSIONAL_EDUCATION, SURNAMES, TOMSK_SCHOOLS } from './names';

/** Seed 000's totals for its 66 schools. */
export const SEED_000 = {
  schools: 66,
  students: 35719,
  participants: 34290,
  ovzStudents: 2381,
  ovzParticipants: 2277,
  teachersTotal: 5298,
  teachers: 2702,
  events: 3448,
  professionalEducation: 48,
  companies: 56,
  business: 7,
  schoolsWithCommunity: 43,
} as const;

export interface SchoolPlanEvent {
  level: (typeof PLAN_EVENTS)[number][0];
  name: string;
  dates: string;
  targetGroup: string;
  expectedParticipants: number;
  expectedResults: string;
  responsible: string;
}

export interface SchoolFigures {
  unit: string;
  events: number;
  students: number;
  /** Participants by grade 5…11. */
  grades: number[];
  teachers: number;
  teachersTotal: number;
  ovzStudents: number;
  ovzGrades: number[];
  partners: { professionalEducation: string[]; companies: string[]; business: string[]; community: string[] };
  plan: SchoolPlanEvent[];
}

export interface MunicipalityTotals {
  schools: number;
  schoolsActive: number;
  events: number;
  students: number;
  participants: number;
  grades: number[];
  teachers: number;
  teachersTotal: number;
  ovzStudents: number;
  ovzParticipants: number;
  ovzGrades: number[];
  /** Distinct organisations by category, as the generator chose them (not as any matcher counts them). */
  partners: { professionalEducation: number; companies: number; business: number; community: number };
  schoolsWithCommunity: number;
  planRows: number;
}

/** mulberry32: a small seeded generator, enough for reproducible samples. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Split `total` into integers proportional to `weights` (largest remainder), each at least `min`. */
export function split(total: number, weights: number[], min = 0): number[] {
  const free = total - min * weights.length;
  if (free < 0) throw new Error(`Нельзя разделить ${total} на ${weights.length} частей не меньше ${min}`);
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const raw = weights.map((w) => (free * w) / sum);
  const out = raw.map(Math.floor);
  let rest = free - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k][1]]++;
  return out.map((x) => x + min);
}

const scaled = (x: number, n: number) => Math.round((x * n) / SEED_000.schools);

/** School names: Tomsk's 66 first, then more in the same style for larger samples. */
export function schoolNames(n: number): string[] {
  const out = TOMSK_SCHOOLS.slice(0, n);
  for (let i = out.length; i < n; i++) {
    const kind = i % 7 === 0 ? 'гимназия' : i % 11 === 0 ? 'лицей' : 'СОШ';
    out.push(`${i % 3 === 0 ? 'МБОУ' : 'МАОУ'} ${kind} № ${100 + i}`);
  }
  return out;
}

/** Pick `k` distinct indexes of a pool, popular ones (low indexes) more often. */
function pick(rnd: () => number, poolSize: number, k: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(k, poolSize)) chosen.add(Math.floor(poolSize * Math.pow(rnd(), 2.2)));
  return [...chosen];
}

const pad = (n: number) => String(n).padStart(2, '0');
const ruDate = (d: Date) => `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;

export interface MunicipalityOptions {
  schools?: number;
  seed?: number;
  /** Plan rows per school on average (default 30). */
  planRows?: number;
}

/** The schools' figures; totals match seed 000 exactly at 66 schools. */
export function sampleMunicipality(opts: MunicipalityOptions = {}): { schools: SchoolFigures[]; totals: MunicipalityTotals } {
  const n = opts.schools ?? SEED_000.schools;
  if (!Number.isInteger(n) || n < 1) throw new Error(`Число школ должно быть целым и больше 0: ${n}`);
  const rnd = seededRandom(opts.seed ?? 2023);
  const names = schoolNames(n);
  const size = names.map(() => 0.45 + rnd() * 1.3);

  const students = split(scaled(SEED_000.students, n), size);
  // Non-participants spread by size too, so every school's share stays near the municipality's 96 %.
  const absent = split(scaled(SEED_000.students, n) - scaled(SEED_000.participants, n), size);
  const events = split(scaled(SEED_000.events, n), size.map((s) => s * (0.6 + rnd())), 1);
  const teachersTotal = split(scaled(SEED_000.teachersTotal, n), size);
  const teachers = split(scaled(SEED_000.teachers, n), size);
  const ovzWeights = names.map((u, i) => (/ОВЗ/.test(u) ? 8 : 0.4 + rnd()) * size[i]);
  const ovzParticipants = split(scaled(SEED_000.ovzParticipants, n), ovzWeights);
  const ovzAbsent = split(scaled(SEED_000.ovzStudents, n) - scaled(SEED_000.ovzParticipants, n), ovzWeights);

  const gradeShape = [1.12, 1.1, 1.06, 1.02, 1.0, 0.62, 0.58];
  const schools: SchoolFigures[] = names.map((unit, i) => {
    const participants = students[i] - absent[i];
    const grades = split(participants, gradeShape.map((g) => g * (0.9 + rnd() * 0.2)));
    const ovzGrades = split(ovzParticipants[i], gradeShape.map((g) => g * (0.7 + rnd() * 0.6)));
    // A grade's pupils with ОВЗ who took part are among all who took part in it.
    for (let g = 0; g < 7; g++) {
      while (ovzGrades[g] > grades[g]) {
        const to = ovzGrades.findIndex((x, k) => k !== g && x < grades[k]);
        ovzGrades[g]--;
        ovzGrades[to]++;
      }
    }
    return {
      unit,
      events: events[i],
      students: students[i],
      grades,
      teachers: Math.min(teachers[i], teachersTotal[i]),
      teachersTotal: teachersTotal[i],
      ovzStudents: ovzParticipants[i] + ovzAbsent[i],
      ovzGrades,
      partners: { professionalEducation: [], companies: [], business: [], community: [] },
      plan: [],
    };
  });

  // Partners: every organisation of a pool is named by at least one school, so the distinct counts are the pools.
  const assign = (key: 'professionalEducation' | 'companies', pool: readonly string[], min: number, max: number) => {
    const used = new Set<number>();
    for (const s of schools) {
      const idx = pick(rnd, pool.length, min + Math.floor(rnd() * (max - min + 1)));
      idx.forEach((k) => used.add(k));
      s.partners[key] = idx.map((k) => pool[k]);
    }
    pool.forEach((name, k) => {
      if (!used.has(k)) schools[k % n].partners[key].push(name);
    });
  };
  assign('professionalEducation', PROFESSIONAL_EDUCATION, 3, 8);
  assign('companies', COMPANIES, 0, 4);
  ENTREPRENEURS.forEach((name, k) => {
    schools[(k * 9 + 4) % n].partners.business.push(name);
    if (k % 2 === 0 && n > 1) {
      const other = schools[(k * 9 + 31) % n].partners.business;
      if (!other.includes(name)) other.push(name);
    }
  });
  // 65 % of schools name parents or graduates; those partners are their own, so each is distinct.
  const withCommunity = Math.round((SEED_000.schoolsWithCommunity * n) / SEED_000.schools);
  const order = schools.map((_, i) => [rnd(), i] as const).sort((a, b) => a[0] - b[0]).map(([, i]) => i);
  for (const i of order.slice(0, withCommunity)) {
    const s = schools[i];
    const k = 1 + Math.floor(rnd() * 3);
    const person = () => `${SURNAMES[Math.floor(rnd() * SURNAMES.length)]} ${INITIALS[Math.floor(rnd() * INITIALS.length)]}`;
    const options = [
      `Родительский комитет ${s.unit}`,
      `Успешный выпускник ${s.unit} — ${person()}`,
      `Совет отцов ${s.unit}`,
    ];
    s.partners.community = options.slice(0, k);
  }

  // Plans: about 30 events each, within the campaign window of seed 000 (19 Sep – 13 Oct 2023).
  const from = Date.UTC(2023, 8, 19);
  const days = 24;
  const meanRows = opts.planRows ?? 30;
  schools.forEach((s, i) => {
    const rows = Math.max(1, meanRows - 6 + Math.floor(rnd() * 13));
    const who = `${SURNAMES[i % SURNAMES.length]}а ${INITIALS[i % INITIALS.length]}, заместитель директора, 8 (3822) ${40 + (i % 50)}-${pad(i % 100)}-${pad((i * 7) % 100)}`;
    for (let r = 0; r < rows; r++) {
      const [level, name, targetGroup] = PLAN_EVENTS[Math.floor(rnd() * PLAN_EVENTS.length)];
      const d1 = new Date(from + Math.floor(rnd() * days) * 86400000);
      const long = rnd() < 0.2;
      const d2 = new Date(Math.min(d1.getTime() + (1 + Math.floor(rnd() * 5)) * 86400000, from + days * 86400000));
      s.plan.push({
        level,
        name,
        dates: long ? `${ruDate(d1)} - ${ruDate(d2)}` : ruDate(d1),
        targetGroup,
        expectedParticipants: 15 + Math.floor(rnd() * 100),
        expectedResults: 'Знакомство обучающихся с профессиями и путями их получения',
        responsible: who,
      });
    }
  });

  const sum = (f: (s: SchoolFigures) => number) => schools.reduce((a, s) => a + f(s), 0);
  const sumAt = (f: (s: SchoolFigures) => number[]) => [0, 1, 2, 3, 4, 5, 6].map((g) => sum((s) => f(s)[g]));
  const grades = sumAt((s) => s.grades);
  const ovzGrades = sumAt((s) => s.ovzGrades);
  return {
    schools,
    totals: {
      schools: n,
      schoolsActive: n,
      events: sum((s) => s.events),
      students: sum((s) => s.students),
      participants: grades.reduce((a, b) => a + b, 0),
      grades,
      teachers: sum((s) => s.teachers),
      teachersTotal: sum((s) => s.teachersTotal),
      ovzStudents: sum((s) => s.ovzStudents),
      ovzParticipants: ovzGrades.reduce((a, b) => a + b, 0),
      ovzGrades,
      partners: {
        professionalEducation: PROFESSIONAL_EDUCATION.length,
        companies: COMPANIES.length,
        business: ENTREPRENEURS.length,
        community: sum((s) => s.partners.community.length),
      },
      schoolsWithCommunity: withCommunity,
      planRows: sum((s) => s.plan.length),
    },
  };
}
