import { serialize, deserialize } from 'node:v8';
import type { WorkbookGrid } from '../domain/grid';
import { textReceiver, textSender } from './textsSentOnce';

const HEADER = 'Количество обучающихся 5–11 классов, принявших участие в мероприятиях';

/** A school's grid: texts repeated within and across schools, numbers, empty cells, a missing row, a ragged row. */
function school(n: number): WorkbookGrid {
  const cells = [
    ['Приложение 3', null, null],
    ['Наименование ОО', HEADER, 'Проверка'],
    [`МАОУ СОШ № ${n}`, 400 + n, true],
    [],
    ['Итого', 0, '', 'Квест «УниверCity»'],
  ];
  delete (cells as unknown[])[3];
  return { file: `СОШ ${n}.xlsx`, sheets: [{ name: 'Прил. 3 Отчёт', cells, merges: [{ top: 1, left: 1, bottom: 1, right: 3 }] }, { name: 'Пусто', cells: [], merges: [] }] };
}

/** Through postMessage's copy (the structured clone Node's v8.serialize writes), as a worker would send it. */
const posted = <T>(value: T): T => deserialize(serialize(value)) as T;

describe('grids passed between threads, each text sent once', () => {
  test('every school read comes back as it was read: texts where they stood, numbers, booleans and empty cells untouched', () => {
    const sender = textSender();
    const receive = textReceiver();
    for (const n of [1, 2, 3, 2]) {
      const grid = school(n);
      const sent = sender.send(grid);
      const back = receive(...posted([grid, sent] as const));
      expect(back).toEqual(school(n));
      expect(3 in back.sheets[0].cells).toBe(false);
    }
  });

  test('a text already sent goes by its number: the second school sends only its own name', () => {
    const sender = textSender();
    const first = sender.send(school(1));
    expect(first.added).toEqual(['Приложение 3', 'Наименование ОО', HEADER, 'Проверка', 'МАОУ СОШ № 1', 'Итого', '', 'Квест «УниверCity»']);
    const second = sender.send(school(2));
    expect(second.added).toEqual(['МАОУ СОШ № 2']);
    expect(second.numbers).toHaveLength(first.numbers.length);
    // Posted, a school is smaller by at least the long title it did not send again (two bytes a character).
    const plain = serialize(school(2)).length;
    const grid = school(2);
    expect(serialize([grid, sender.send(grid)]).length).toBeLessThan(plain - 2 * HEADER.length);
  });

  test('past the most texts a sender numbers, new texts go in their cells as before, and still come back', () => {
    const sender = textSender(3);
    const receive = textReceiver();
    for (const n of [1, 2]) {
      const grid = school(n);
      const sent = sender.send(grid);
      expect(sent.added.length).toBeLessThanOrEqual(n === 1 ? 3 : 0);
      expect(receive(...posted([grid, sent] as const))).toEqual(school(n));
    }
  });

  test('a sheet of thousands of texts (a long plan) comes back whole', () => {
    const sender = textSender();
    const receive = textReceiver();
    const long = (): WorkbookGrid => ({ file: 'план.xlsx', sheets: [{ name: 'План', cells: Array.from({ length: 3000 }, (_, i) => [`Мероприятие ${i}`, i, `${i % 7} класс`]), merges: [] }] });
    const grid = long();
    const sent = sender.send(grid);
    expect(sent.numbers).toHaveLength(6000);
    expect(receive(...posted([grid, sent] as const))).toEqual(long());
  });

  test('a message that could not be posted is taken back: the next brings its texts, and every school comes back', () => {
    const sender = textSender();
    const receive = textReceiver();
    const lost = sender.send(school(1));
    sender.unsend(lost);
    const grid = school(1);
    const sent = sender.send(grid);
    expect(sent.added).toEqual(lost.added);
    expect(receive(...posted([grid, sent] as const))).toEqual(school(1));
    const next = school(2);
    expect(receive(...posted([next, sender.send(next)] as const))).toEqual(school(2));
  });
});
