/**
 * The merge never says «с опозданием» on a date it does not have: attachments saved after the deadline are «срок не
 * подтверждён», not late; a date the coordinator types into «Получен» (or gives in a dates file) decides instead.
 */
import { parseCell } from '../a1';
import { heldRows, isFormula, type CellInput } from '../sheetPlan';
import { SHEET } from '../sheetNames';
import { defaultSettings } from '../settings';
import type { SheetGrid } from '../grid';
import { mergeReports, type MergeInput, type ReceivedFile } from './merge';
import { organisationCounts } from './organisations';
import { readEarlierRegister, registerColumn, registerSheet, REGISTER_HEADER_ROW } from './registerSheet';
import { detailSheet } from './detailSheet';
import { ON_TIME_UNCONFIRMED } from './cells';
import { detailColumn, DETAIL_FIRST_ROW } from './detailLayout';
import { received } from './testing';
import { noteOfMerge, noteOfWorkbook } from '../indicators/noteDocument';
import { buildConsolidatedWorkbook } from './workbook';

const settings = defaultSettings('autumn', 2023, { unit: 'Город Томск' });
const DEADLINE = '2023-10-19';
const SCHOOLS = Array.from({ length: 12 }, (_, i) => `МАОУ СОШ № ${i + 1}`);

/** Every school's report copied into a new folder on 25.10, one after another within a minute or two. */
function copiedAfterDeadline(): ReceivedFile[] {
  return SCHOOLS.map((u, i) => ({ ...received(`${u}.xlsx`, `2023-10-25T10:0${Math.floor(i / 6)}`, [{ unit: u }]), fingerprint: `f${i}` }));
}

const merge = (files: ReceivedFile[], extra: Partial<MergeInput> = {}) =>
  mergeReports({ files, policy: 'merge-with-errors', deadline: DEADLINE, expectedUnits: SCHOOLS, ...extra });

function gridOf(plan: ReturnType<typeof registerSheet>): SheetGrid {
  const g: CellInput[][] = [];
  for (const b of plan.blocks) {
    const { row, col } = parseCell(b.at);
    heldRows(b.rows).forEach((r, i) => r.forEach((v, j) => ((g[row - 1 + i] ??= [])[col - 1 + j] = v)));
  }
  return { name: SHEET.register, merges: [], cells: g.map((r) => (r ?? []).map((v) => (v === undefined || v === null || isFormula(v) ? null : v)) as (string | number | null)[]) };
}

describe('reports saved into a folder after the deadline', () => {
  it('are not «с опозданием» but «срок не подтверждён», and not counted late anywhere', () => {
    const result = merge(copiedAfterDeadline());
    const c = organisationCounts(result.organisations);
    expect([c.onTime, c.late, c.unconfirmed, c.merged]).toEqual([0, 0, 12, 12]);
    expect(result.organisations.every((o) => o.label === 'срок не подтверждён' && o.onTime === null)).toBe(true);
    expect(result.files.every((f) => f.onTime === null && f.dateDoubt)).toBe(true);
    // The detail sheet (what «Показатели» and the note count) says neither yes nor no, nor «no deadline».
    const detail = detailSheet(result, settings).blocks.find((b) => parseCell(b.at).row === DETAIL_FIRST_ROW)!;
    expect(new Set(heldRows(detail.rows).map((r) => r[detailColumn('onTime') - 1]))).toEqual(new Set([ON_TIME_UNCONFIRMED]));
  });

  it('tells the coordinator why and what to do, in the register and each organisation\'s reason', () => {
    const result = merge(copiedAfterDeadline());
    expect(result.organisations[0].reason).toMatch(/дата получения не подтверждена: это время изменения файла, а 12 файлов изменены одновременно \(с 25\.10\.2023 10:00 по 25\.10\.2023 10:01\), после срока/);
    expect(result.organisations[0].reason).toContain('сведите сами письма (.eml, .msg, папку почты)');
    const g = gridOf(registerSheet(result, settings));
    const summary = String(g.cells[1][0]);
    expect(summary).toContain('получено с опозданием: 0; срок не подтверждён: 12');
    expect(summary).toContain('Даты получения 12 файлов после срока — время их изменения');
    expect(summary).toContain('впишите дату получения в столбец «Получен» листа «Реестр отчётов»');
    const line = g.cells[REGISTER_HEADER_ROW];
    expect(line[registerColumn('Статус') - 1]).toBe('срок не подтверждён');
    expect(line[registerColumn('В срок') - 1]).toBe('');
    expect(String(line[registerColumn('Причина, примечание') - 1])).toContain('дата получения не подтверждена');
    expect(line[registerColumn('Откуда дата') - 1]).toBe('время изменения файла 25.10.2023 10:00');
  });

  it('a school sending before the deadline is still «в срок»: a save is never earlier than the receipt', () => {
    const files = [...copiedAfterDeadline().slice(1), received(`${SCHOOLS[0]}.xlsx`, '2023-10-18T12:00', [{ unit: SCHOOLS[0] }])];
    const result = merge(files);
    expect(result.organisations.find((o) => o.unit === SCHOOLS[0])).toMatchObject({ fate: 'onTime', onTime: true });
  });

  it('a school saved on its own, days after the others, stays «с опозданием»', () => {
    const files = [
      ...SCHOOLS.slice(1).map((u, i) => received(`${u}.xlsx`, `2023-10-1${i % 8}T09:00`, [{ unit: u }])),
      received(`${SCHOOLS[0]}.xlsx`, '2023-10-23T16:40', [{ unit: SCHOOLS[0] }]),
    ];
    expect(merge(files).organisations.find((o) => o.unit === SCHOOLS[0])).toMatchObject({ fate: 'late', label: 'с опозданием', onTime: false });
  });
});

describe('a receipt date the coordinator gives', () => {
  it('typed into «Получен» of «Реестр отчётов», is kept by the next merge and decides «в срок»', () => {
    const first = merge(copiedAfterDeadline());
    const g = gridOf(registerSheet(first, settings));
    const lineOf = (file: string) => g.cells.findIndex((r) => r?.[registerColumn('Файл') - 1] === file);
    // One typed as text into the text column, one that Excel turned into a date (serial 45216 = 18.10.2023), one late.
    g.cells[lineOf(`${SCHOOLS[0]}.xlsx`)][registerColumn('Получен') - 1] = '17.10.2023';
    g.cells[lineOf(`${SCHOOLS[1]}.xlsx`)][registerColumn('Получен') - 1] = 45217.5;
    g.cells[lineOf(`${SCHOOLS[2]}.xlsx`)][registerColumn('Получен') - 1] = '20.10.2023 09:15';
    const earlier = readEarlierRegister({ file: 'Свод.xlsx', sheets: [g] })!;
    expect(earlier.filter((e) => e.dateSource === 'manual').map((e) => [e.file, e.received])).toEqual([
      [`${SCHOOLS[0]}.xlsx`, '2023-10-17T00:00'],
      [`${SCHOOLS[1]}.xlsx`, '2023-10-18T12:00'],
      [`${SCHOOLS[2]}.xlsx`, '2023-10-20T09:15'],
    ]);
    // The same files merged again (copied again on another day: their times now later still).
    const again = copiedAfterDeadline().map((f) => ({ ...f, received: '2023-10-26T08:00' }));
    const second = merge(again, { earlierRegister: earlier });
    const by = (u: string) => second.organisations.find((o) => o.unit === u)!;
    expect([by(SCHOOLS[0]).fate, by(SCHOOLS[0]).received]).toEqual(['onTime', '2023-10-17T00:00']);
    expect([by(SCHOOLS[1]).fate, by(SCHOOLS[1]).received]).toEqual(['onTime', '2023-10-18T12:00']);
    expect([by(SCHOOLS[2]).fate, by(SCHOOLS[2]).label]).toEqual(['late', 'с опозданием']);
    // The others keep the first merge's dates, still in doubt.
    expect(by(SCHOOLS[5]).fate).toBe('unconfirmed');
    const line = gridOf(registerSheet(second, settings)).cells.find((r) => r?.[registerColumn('Файл') - 1] === `${SCHOOLS[0]}.xlsx`)!;
    expect([line[registerColumn('Получен') - 1], line[registerColumn('Откуда дата') - 1], line[registerColumn('В срок') - 1]]).toEqual(['17.10.2023 00:00', 'указана вручную', 'да']);
    // And the third merge keeps it again.
    const third = merge(again, { earlierRegister: readEarlierRegister({ file: 'Свод.xlsx', sheets: [gridOf(registerSheet(second, settings))] })! });
    expect(third.organisations.find((o) => o.unit === SCHOOLS[0])).toMatchObject({ fate: 'onTime', received: '2023-10-17T00:00' });
  });

  it('given in a dates file (by file or by organisation), wins over every other date', () => {
    const result = merge(copiedAfterDeadline(), {
      givenDates: [
        { name: `${SCHOOLS[0]}.xlsx`, received: '2023-10-18T10:00', line: 1 },
        { name: SCHOOLS[1], received: '2023-10-21T10:00', line: 2 },
        { name: 'Лицей № 99', received: '2023-10-21T10:00', line: 3 },
      ],
    });
    const by = (u: string) => result.organisations.find((o) => o.unit === u)!;
    expect(by(SCHOOLS[0]).fate).toBe('onTime');
    expect(by(SCHOOLS[1]).fate).toBe('late');
    expect(result.files[0].dateSource).toBe('manual');
    expect(result.givenDatesUnmatched?.map((g) => [g.name, g.line])).toEqual([['Лицей № 99', 3]]);
  });
});

describe('merging again into the same workbook', () => {
  it('a new file modified together with files the earlier merge already had is in doubt', () => {
    const old = SCHOOLS.slice(0, 2).map((u, i) => ({ ...received(`${u}.xlsx`, '2023-10-27T09:00', [{ unit: u }]), fingerprint: `f${i}` }));
    const fresh = { ...received(`${SCHOOLS[2]}.xlsx`, '2023-10-27T09:01', [{ unit: SCHOOLS[2] }]), fingerprint: 'f2' };
    const earlierRegister = [
      { file: `${SCHOOLS[0]}.xlsx`, received: '2023-10-17T11:00', fingerprint: 'f0', dateSource: 'modified' as const },
      { file: `${SCHOOLS[1]}.xlsx`, received: '2023-10-18T15:00', fingerprint: 'f1', dateSource: 'modified' as const },
    ];
    const result = merge([...old, fresh], { earlierRegister });
    const by = (u: string) => result.organisations.find((o) => o.unit === u)!;
    expect([by(SCHOOLS[0]).fate, by(SCHOOLS[1]).fate]).toEqual(['onTime', 'onTime']);
    expect(by(SCHOOLS[2]).fate).toBe('unconfirmed');
    expect(by(SCHOOLS[2]).reason).toContain('прежний свод в эту книгу уже получил');
  });

  it('letters merged after their saved attachments: the letter\'s date wins over the file time kept', () => {
    const earlierRegister = [{ file: `${SCHOOLS[0]}.xlsx`, received: '2023-10-25T10:00', fingerprint: 'f0', dateSource: 'modified' as const }];
    const letter = { ...received(`${SCHOOLS[0]}.xlsx`, '2023-10-18T16:20', [{ unit: SCHOOLS[0] }]), fingerprint: 'f0', dateSource: 'message' as const };
    const result = merge([letter], { earlierRegister });
    expect(result.organisations.find((o) => o.unit === SCHOOLS[0])).toMatchObject({ fate: 'onTime', received: '2023-10-18T16:20' });
  });
});

describe('«Аналитическая справка» on dates that are a save\'s', () => {
  const flat = (d: ReturnType<typeof noteOfMerge>) => [...d.body.map((p) => p.text), ...d.notes].join('\n');

  it('says the dates are not confirmed and what to do, never «все в срок» nor a list of late reports', () => {
    const doc = noteOfMerge(merge(copiedAfterDeadline()), settings);
    const text = flat(doc);
    expect(text).toContain('[Заполните: сроки представления отчётов не подтверждены (12\u00a0организаций: МАОУ СОШ № 1,');
    expect(text).toContain('впишите даты получения в столбец «Получен» листа «Реестр отчётов» и сведите снова или сведите сами письма');
    expect(text).toContain('Несвоевременно представленных отчётов по подтверждённым датам нет; сроки представления отчётов 12\u00a0организаций не подтверждены.');
    expect(text).not.toContain('Все ожидаемые отчёты представлены в срок');
    expect(text).not.toContain('Несвоевременно представили');
    expect(doc.tables.some((t) => t.title.includes('несвоевременно'))).toBe(false);
  });

  it('the same from the written workbook (its register read back), as `profkampaniya note` makes it', () => {
    const result = merge(copiedAfterDeadline());
    const plan = buildConsolidatedWorkbook(result, settings);
    const wb = {
      file: 'Свод.xlsx',
      sheets: plan.sheets.map((sh) => {
        const g: (string | number | boolean | null)[][] = [];
        for (const b of sh.blocks) {
          const { row, col } = parseCell(b.at);
          heldRows(b.rows).forEach((r, i) => r.forEach((v, j) => ((g[row - 1 + i] ??= [])[col - 1 + j] = v === undefined || isFormula(v) ? null : (v as string | number | boolean | null))));
        }
        return { name: sh.name, merges: [], cells: Array.from(g, (r) => Array.from(r ?? [], (v) => v ?? null)) };
      }),
    };
    expect(flat(noteOfWorkbook(wb, [], settings))).toContain('[Заполните: сроки представления отчётов не подтверждены (12\u00a0организаций');
  });
});
