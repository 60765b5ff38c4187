import { heldRows } from '../sheetPlan';
import { accountingBalances, mergeReports, rowsReceived, type ReceivedFile } from './merge';
import { received } from './testing';
import { registerColumn, registerSheet } from './registerSheet';
import { defaultSettings } from '../settings';
import { containerText, LETTER_WITHOUT_ATTACHMENTS, senderText } from './receipt';
import type { Carrier } from './mergeTypes';

const letter: Extract<Carrier, { kind: 'letter' }> = {
  kind: 'letter', file: 'Входящие.mbox', date: '2023-10-18T14:05', subject: 'Отчёт СОШ № 1',
  from: { address: 'sosh1@example.ru', name: 'Иванова Анна' },
};
const sender = { address: 'sosh1@example.ru', name: 'Иванова Анна' };

/** One letter from СОШ № 1: its report, a cover letter and a signature picture; and a letter with nothing attached. */
function mailSeason() {
  const files: ReceivedFile[] = [
    { ...received('Входящие.mbox/Отчёт СОШ 1.xlsx', '2023-10-18T14:05', [{ unit: 'СОШ № 1' }]), dateSource: 'message', sender, via: [letter] },
    { file: 'Входящие.mbox/Сопроводительное письмо.docx', received: '2023-10-18T14:05', error: 'нет формы', notReport: 'сопроводительное письмо, не форма отчёта', dateSource: 'message', sender, via: [letter] },
    { file: 'Входящие.mbox/image001.png', received: '2023-10-18T14:05', error: 'изображение', notReport: 'рисунок в тексте письма', dateSource: 'message', sender, via: [letter] },
    { file: 'Входящие.mbox/письмо 2', received: '2023-10-20T09:00', error: 'нет вложений', notReport: LETTER_WITHOUT_ATTACHMENTS, dateSource: 'message', via: [{ ...letter, subject: 'Спасибо', date: '2023-10-20T09:00' }] },
  ];
  return { input: files, res: mergeReports({ files, policy: 'refuse-errors', deadline: '2023-10-19', expectedUnits: ['СОШ № 1', 'СОШ № 2'] }) };
}

describe('a report that came by e-mail', () => {
  test('the school is on time by its letter, and its cover letter and picture do not make it «отклонён»', () => {
    const { input, res } = mailSeason();
    const o = Object.fromEntries(res.organisations.map((x) => [x.unit, x.label]));
    expect(o).toEqual({ 'СОШ № 1': 'в срок', 'СОШ № 2': 'не прислал' });
    expect(res.refused).toEqual([]);
    expect(res.files.map((f) => f.status)).toEqual(['merged', 'not-report', 'not-report', 'not-report']);
    expect(res.files[1]).toMatchObject({ errors: 0, onTime: null, reason: 'сопроводительное письмо, не форма отчёта', dateSource: 'message', sender });
    expect(accountingBalances(res, rowsReceived(input))).toBe(true);
  });

  test('the register names the sender and the letter, and lists the non-reports as «не отчёт»', () => {
    const plan = registerSheet(mailSeason().res, defaultSettings('autumn', 2023));
    const rows = heldRows(plan.blocks[plan.blocks.length - 1].rows);
    const col = (t: Parameters<typeof registerColumn>[0]) => registerColumn(t) - 1;
    expect(rows.map((r) => [r[col('Файл')], r[col('Статус')], r[col('Отправитель')], r[col('Письмо, вложение')]])).toEqual([
      ['Входящие.mbox/Отчёт СОШ 1.xlsx', 'в срок', 'Иванова Анна <sosh1@example.ru>', '«Входящие.mbox»: письмо от 18.10.2023 14:05, «Отчёт СОШ № 1», вложение «Отчёт СОШ 1.xlsx»'],
      ['Входящие.mbox/Сопроводительное письмо.docx', 'не отчёт', 'Иванова Анна <sosh1@example.ru>', '«Входящие.mbox»: письмо от 18.10.2023 14:05, «Отчёт СОШ № 1», вложение «Сопроводительное письмо.docx»'],
      ['Входящие.mbox/image001.png', 'не отчёт', 'Иванова Анна <sosh1@example.ru>', '«Входящие.mbox»: письмо от 18.10.2023 14:05, «Отчёт СОШ № 1», вложение «image001.png»'],
      ['Входящие.mbox/письмо 2', 'не отчёт', '', '«Входящие.mbox»: письмо от 20.10.2023 09:00, «Спасибо»'],
      ['СОШ № 2', 'не прислал', '', ''],
    ].map(([file, status, from, via]) => [file === 'СОШ № 2' ? '' : file, status, from, via]));
    expect(String(heldRows(plan.blocks[0].rows)[1][0])).toContain('Файлов получено: 4 (не отчёты — сопроводительные письма, подписи, рисунки: 3)');
  });

  test('a file inside an archive inside a forwarded letter names each, outermost first', () => {
    const via: Carrier[] = [letter, { kind: 'letter', file: 'Входящие.mbox', subject: 'Fwd', from: sender }, { kind: 'archive', name: 'отчёты.zip' }];
    expect(containerText({ file: 'x/отчёт.xlsx', via })).toBe(
      '«Входящие.mbox»: письмо от 18.10.2023 14:05, «Отчёт СОШ № 1» → письмо от (дата не указана), «Fwd» → архив «отчёты.zip», файл «отчёт.xlsx»',
    );
    expect(containerText({ file: 'отчёт.xlsx' })).toBe('');
    expect(senderText({ address: 'a@b.ru', name: '' })).toBe('a@b.ru');
  });
});
