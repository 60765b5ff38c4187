import { compareReceivedPaths, inReceivedOrder } from './receivedOrder';

describe('the order received files are merged in', () => {
  test('files picked in any order are merged in the Russian alphabetical order a folder is read in', () => {
    // As the command line lists a folder: Cyrillic before Latin, «ё» with «е», case aside, digits as text.
    const picked = ['Школа № 10.xlsx', 'ёлочка.xlsx', 'Гимназия 2.xlsx', 'школа № 2.xlsx', 'Zeta.xlsx', 'Авангард.xls'];
    expect(inReceivedOrder(picked, (p) => p)).toEqual(['Авангард.xls', 'Гимназия 2.xlsx', 'ёлочка.xlsx', 'Школа № 10.xlsx', 'школа № 2.xlsx', 'Zeta.xlsx']);
    expect(inReceivedOrder([...picked].reverse(), (p) => p)).toEqual(inReceivedOrder(picked, (p) => p));
  });

  test('a folder picked whole is read folder by folder, as the command line walks it', () => {
    // «Район/…» sorts by the folder's name among the files beside it, not by the full path's characters.
    const paths = ['Свод/я.xlsx', 'Свод/Район/б.xlsx', 'Свод/Район/а.xlsx', 'Свод/Районы.xlsx'];
    expect(inReceivedOrder(paths, (p) => p)).toEqual(['Свод/Район/а.xlsx', 'Свод/Район/б.xlsx', 'Свод/Районы.xlsx', 'Свод/я.xlsx']);
    expect(compareReceivedPaths('a\\b.xlsx', 'a/b.xlsx')).toBe(0);
  });

  test('two files of one name keep the order they were given in', () => {
    const two = [{ n: 'отчёт.xlsx', id: 1 }, { n: 'отчёт.xlsx', id: 2 }, { n: 'а.xlsx', id: 3 }];
    expect(inReceivedOrder(two, (x) => x.n).map((x) => x.id)).toEqual([3, 1, 2]);
  });
});
