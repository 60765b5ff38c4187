/**
 * The note's appendix table of participants by grade: each grade's share is of the participants (not of all
 * pupils), to one decimal, rounded as a person rounds; the column adds up to about 100.
 */
import { defaultSettings } from '../settings';
import { figuresFromDetail } from './figures';
import { noteDocument } from './noteDocument';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the note’s table of participants by grade', () => {
  // The order's example row (seed 002): 599 pupils, 438 took part, 59 + 79 + 76 + 56 + 60 + 55 + 53.
  const f = figuresFromDetail(
    [{ unit: 'Александровский район', schools: 7, schoolsActive: 6, events: 42, students: 599, participants: 438,
      g5: 59, g6: 79, g7: 76, g8: 56, g9: 60, g10: 55, g11: 53, ovzStudents: 109, ovzParticipants: 83,
      ovzG5: 11, ovzG6: 20, ovzG7: 17, ovzG8: 11, ovzG9: 22, ovzG10: 1, ovzG11: 1 }],
    'осенняя кампания 2026 г.',
  );
  const table = noteDocument(f, { settings: defaultSettings('autumn', 2026) }).tables[0];

  it('gives each grade’s share of the participants, rounded to one decimal (59 of 438 = 13,47 → 13,5)', () => {
    expect(table.rows.map((r) => [r[0], plain(r[1]), r[2], r[3]])).toEqual([
      ['5 класс', '59', '13,5', '11'],
      ['6 класс', '79', '18', '20'],
      ['7 класс', '76', '17,4', '17'],
      ['8 класс', '56', '12,8', '11'],
      ['9 класс', '60', '13,7', '22'],
      ['10 класс', '55', '12,6', '1'],
      ['11 класс', '53', '12,1', '1'],
      ['Итого', '438', '100', '83'],
    ]);
  });
});
