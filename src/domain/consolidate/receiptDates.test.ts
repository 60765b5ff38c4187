import { applyGivenDates, dateDoubts, parseGivenDate, parseGivenDates, registerSourceText, sourceOfRegisterText } from './receiptDates';
import { received } from './testing';
import type { ReceivedFile } from './mergeTypes';

describe('a dates file: a file or an organisation → the date its report came', () => {
  test('reads dd.mm.yyyy with or without a time, and ISO dates', () => {
    expect(parseGivenDate('18.10.2023')).toBe('2023-10-18T00:00');
    expect(parseGivenDate(' 8.9.2023 9:05 ')).toBe('2023-09-08T09:05');
    expect(parseGivenDate('2023-10-18 14:05')).toBe('2023-10-18T14:05');
  });

  test('refuses dates that are no dates', () => {
    for (const bad of ['31.02.2023', '18.13.2023', '18.10.23', '18.10.2023 24:00', '18.10.2023 12:60', 'вчера', ''])
      expect(parseGivenDate(bad)).toBeNull();
  });

  test('passes over titles, blank lines and comments; takes file names and organisations alike', () => {
    const { dates, errors } = parseGivenDates([
      ['Файл или организация', 'Дата получения'],
      ['# присланы почтой'],
      ['МБОУ СОШ № 1.xlsx', '18.10.2023 14:05'],
      [''],
      ['МБОУ СОШ № 2', '19.10.2023'],
    ]);
    expect(errors).toEqual([]);
    expect(dates).toEqual([
      { name: 'МБОУ СОШ № 1.xlsx', received: '2023-10-18T14:05', line: 3 },
      { name: 'МБОУ СОШ № 2', received: '2023-10-19T00:00', line: 5 },
    ]);
  });

  test('names every bad line by its number, in Russian, with what to write', () => {
    const { errors } = parseGivenDates([
      ['СОШ № 1', '18.10.2023'],
      ['СОШ № 2'],
      ['СОШ № 3', '32.10.2023'],
      ['', '18.10.2023'],
      ['СОШ № 4', '18.10.2023', 'опоздали'],
      ['СОШ № 1', '19.10.2023'],
    ]);
    expect(errors).toEqual([
      'строка 2: для «СОШ № 2» не указана дата (второй столбец, дд.мм.гггг или дд.мм.гггг чч:мм)',
      'строка 3: «32.10.2023» — не дата; пишите дд.мм.гггг или дд.мм.гггг чч:мм, например 18.10.2023 14:05',
      'строка 4: не указано имя файла или организации (первый столбец пуст)',
      'строка 5: лишние столбцы после даты («опоздали»): в строке должны быть только имя и дата',
      'строка 6: для «СОШ № 1» дата уже указана в строке 1, и другая',
    ]);
  });

  test('dates a file by its name (without folder or extension too) or by the organisation in it', () => {
    const files = [
      received('почта/СОШ 1.xlsx', '2023-10-25T10:00', [{ unit: 'МБОУ СОШ № 1' }]),
      received('СОШ 2.xlsx', '2023-10-25T10:00', [{ unit: 'МБОУ СОШ № 2' }]),
      received('СОШ 3.xlsx', '2023-10-25T10:00', [{ unit: 'МБОУ СОШ № 3' }]),
    ];
    const { files: out, unmatched } = applyGivenDates(files, [
      { name: 'СОШ 1', received: '2023-10-18T09:00', line: 1 },
      { name: 'мбоу сош №2', received: '2023-10-19T09:00', line: 2 },
      { name: 'Лицей', received: '2023-10-19T09:00', line: 3 },
    ]);
    expect(out.map((f) => [f.received, f.dateSource])).toEqual([
      ['2023-10-18T09:00', 'manual'],
      ['2023-10-19T09:00', 'manual'],
      ['2023-10-25T10:00', undefined],
    ]);
    expect(unmatched.map((g) => g.name)).toEqual(['Лицей']);
  });
});

describe('a modification time after the deadline that looks like a save is not a receipt', () => {
  const at = (file: string, when: string, extra: Partial<ReceivedFile> = {}): ReceivedFile => ({ ...received(file, when, [{ unit: file }]), ...extra });

  test('files modified within minutes of each other after the deadline: all in doubt, with what to do', () => {
    const files = [at('1.xlsx', '2023-10-25T10:00'), at('2.xlsx', '2023-10-25T10:00'), at('3.xlsx', '2023-10-25T10:07'), at('4.xlsx', '2023-10-18T10:00')];
    const d = dateDoubts(files, '2023-10-19');
    expect(d.slice(0, 3).every((x) => x?.includes('3 файлов изменены одновременно (с 25.10.2023 10:00 по 25.10.2023 10:07), после срока'))).toBe(true);
    expect(d[0]).toContain('впишите дату получения в столбец «Получен» листа «Реестр отчётов»');
    // One on or before the deadline proves the report came in time.
    expect(d[3]).toBeUndefined();
  });

  test('schools late one by one, hours apart, stay late; so do letters and dates given by hand', () => {
    const files = [
      at('1.xlsx', '2023-10-20T09:00'), at('2.xlsx', '2023-10-21T15:00'), at('3.xlsx', '2023-10-22T11:00'), at('0.xlsx', '2023-10-18T10:00'),
      at('п1.xlsx', '2023-10-25T10:00', { dateSource: 'message' }), at('п2.xlsx', '2023-10-25T10:00', { dateSource: 'message' }),
      at('р1.xlsx', '2023-10-25T10:00', { dateSource: 'manual' }), at('р2.xlsx', '2023-10-25T10:00', { dateSource: 'manual' }), at('р3.xlsx', '2023-10-25T10:00', { dateSource: 'manual' }),
    ];
    expect(dateDoubts(files, '2023-10-19')).toEqual(files.map(() => undefined));
  });

  test('two late files saved together are a save when they are all the files there are', () => {
    expect(dateDoubts([at('1.xlsx', '2023-10-25T10:00'), at('2.xlsx', '2023-10-25T10:01')], '2023-10-19').every(Boolean)).toBe(true);
    expect(dateDoubts([at('1.xlsx', '2023-10-25T10:00'), at('2.xlsx', '2023-10-25T10:01'), at('3.xlsx', '2023-10-17T10:01')], '2023-10-19').some(Boolean)).toBe(false);
  });

  test('a file modified together with files the earlier merge already had is in doubt', () => {
    const d = dateDoubts([at('новый.xlsx', '2023-10-25T10:02')], '2023-10-19', ['2023-10-25T10:00']);
    expect(d[0]).toContain('прежний свод в эту книгу уже получил');
    expect(dateDoubts([at('новый.xlsx', '2023-10-25T12:00')], '2023-10-19', ['2023-10-25T10:00'])[0]).toBeUndefined();
  });

  test('ten minutes apart is still one save, eleven is not; files saved together on the deadline day are on time', () => {
    const chain = (gap: number) => [0, 1, 2].map((k) => at(`${k}.xlsx`, `2023-10-25T10:${String(k * gap).padStart(2, '0')}`));
    expect(dateDoubts([...chain(10), at('0.xlsx', '2023-10-17T10:00')], '2023-10-19').slice(0, 3).every(Boolean)).toBe(true);
    expect(dateDoubts([...chain(11), at('0.xlsx', '2023-10-17T10:00')], '2023-10-19').some(Boolean)).toBe(false);
    expect(dateDoubts([at('новый.xlsx', '2023-10-25T10:10')], '2023-10-19', ['2023-10-25T10:00'])[0]).toBeDefined();
    expect(dateDoubts([at('новый.xlsx', '2023-10-25T10:11')], '2023-10-19', ['2023-10-25T10:00'])[0]).toBeUndefined();
    expect(dateDoubts(chain(1), '2023-10-25')).toEqual([undefined, undefined, undefined]);
  });

  test('without a deadline nothing is late, so nothing is in doubt', () => {
    expect(dateDoubts([at('1.xlsx', '2023-10-25T10:00'), at('2.xlsx', '2023-10-25T10:00'), at('3.xlsx', '2023-10-25T10:00')], undefined)).toEqual([undefined, undefined, undefined]);
  });
});

describe('«Откуда дата» in the register tells a date the coordinator typed from one the merge found', () => {
  test('the date as written beside its source: unchanged keeps the source, changed is the coordinator\'s', () => {
    const text = registerSourceText('modified', '2023-10-25T10:00');
    expect(text).toBe('время изменения файла 25.10.2023 10:00');
    expect(sourceOfRegisterText('2023-10-25T10:00', text)).toBe('modified');
    expect(sourceOfRegisterText('2023-10-18T00:00', text)).toBe('manual');
    expect(sourceOfRegisterText('2023-10-25T10:00', registerSourceText('message', '2023-10-25T10:00'))).toBe('message');
    expect(sourceOfRegisterText('2023-10-18T00:00', registerSourceText('manual', '2023-10-18T00:00'))).toBe('manual');
  });

  test('a register written before the column gives no source', () => {
    expect(sourceOfRegisterText('2023-10-25T10:00', undefined)).toBeUndefined();
  });
});
