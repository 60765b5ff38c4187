import { sampleMunicipality, SEED_000, split } from './municipality';
import { sampleSchoolWorkbooks } from './schoolWorkbooks';

describe('the sample municipality', () => {
  test('66 schools give seed 000’s Tomsk figures exactly', () => {
    const { schools, totals } = sampleMunicipality();
    expect(schools).toHaveLength(66);
    expect(totals).toMatchObject({
      schools: 66, schoolsActive: 66, events: 3448, students: 35719, participants: 34290, ovzParticipants: 2277,
      teachers: 2702, teachersTotal: 5298, schoolsWithCommunity: 43,
      partners: { professionalEducation: 48, companies: 56, business: 7 },
    });
    expect(Math.round((totals.participants * 100) / totals.students)).toBe(96);
    expect(Math.round((totals.teachers * 100) / totals.teachersTotal)).toBe(51);
    expect(Math.round((totals.schoolsWithCommunity * 100) / 66)).toBe(65);
    expect(new Set(schools.map((s) => s.unit)).size).toBe(66);
    expect(schools.map((s) => s.unit)).toContain('МАОУ гимназия № 29');
  });

  test('every school’s row is consistent the way the rules ask', () => {
    for (const s of sampleMunicipality({ schools: 300 }).schools) {
      const participants = s.grades.reduce((a, b) => a + b, 0);
      const ovz = s.ovzGrades.reduce((a, b) => a + b, 0);
      expect(participants).toBeLessThanOrEqual(s.students);
      expect(ovz).toBeLessThanOrEqual(s.ovzStudents);
      expect(s.ovzStudents).toBeLessThanOrEqual(s.students);
      s.ovzGrades.forEach((g, i) => expect(g).toBeLessThanOrEqual(s.grades[i]));
      expect(s.teachers).toBeLessThanOrEqual(s.teachersTotal);
      expect(s.events).toBeGreaterThan(0);
      expect(s.plan.length).toBeGreaterThanOrEqual(24);
      expect(s.plan.length).toBeLessThanOrEqual(36);
    }
  });

  test('the same options give the same sample; another seed gives another', () => {
    const a = sampleSchoolWorkbooks({ schools: 20 });
    const b = sampleSchoolWorkbooks({ schools: 20 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = sampleMunicipality({ schools: 20, seed: 7 });
    expect(c.schools[0].students).not.toBe(sampleMunicipality({ schools: 20 }).schools[0].students);
  });

  test('the files: 66 schools, one sent twice, one broken extra file, seed 000’s three late schools', () => {
    const s = sampleSchoolWorkbooks();
    expect(s.files).toHaveLength(68);
    const late = s.files.filter((f) => f.received.slice(0, 10) > s.deadline).map((f) => f.unit);
    expect(late.sort()).toEqual(['МАОУ СОШ № 2', 'МАОУ СОШ № 3', 'МАОУ школа «Эврика-развитие»'].sort());
    expect(s.files.filter((f) => f.bytes)).toHaveLength(1);
    expect(s.files.filter((f) => f.note.includes('первая версия'))).toHaveLength(1);
    expect(new Set(s.files.map((f) => f.file.toLowerCase())).size).toBe(s.files.length);
    const sheets = s.files.find((f) => f.workbook)!.workbook!.sheets.map((p) => p.kind);
    expect(sheets).toEqual(['appendix2', 'appendix3']);
  });

  test('at benchmark scale the totals scale with the schools', () => {
    const { totals } = sampleMunicipality({ schools: 1000 });
    expect(totals.students).toBe(Math.round((SEED_000.students * 1000) / 66));
    expect(totals.participants).toBe(Math.round((SEED_000.participants * 1000) / 66));
  });

  test('split keeps the total and the minimum', () => {
    expect(split(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(split(5, [100, 1, 1], 1).reduce((a, b) => a + b, 0)).toBe(5);
    expect(Math.min(...split(5, [100, 1, 1], 1))).toBe(1);
  });
});
