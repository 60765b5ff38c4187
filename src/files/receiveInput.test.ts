import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { readInput, receiveInput } from './receiveInput';
import { receiveGrid } from './receiveFiles';
import { isUnreadable, type ReceivedFile } from '../domain/consolidate/mergeTypes';
import { defaultSettings } from '../domain/settings';
import { schoolReportBytes, zipOf } from '../../test/hostile/support';
import { encode, eml, mbox, rfc2231Name, word, XLSX_TYPE, zipWithNames } from '../../test/support/mail';
import { dateOfHeader } from './letters';
import { receivedIso } from '../domain/consolidate/cells';

const settings = defaultSettings('autumn', 2023);
const digest = (b: Uint8Array) => createHash('sha1').update(b).digest('hex').slice(0, 16);
const receive = (bytes: Uint8Array, name: string) => receiveInput(bytes, name, '2023-11-20T09:00', settings, digest);
const unitOf = (r: ReceivedFile) => (isUnreadable(r) ? '' : r.read.report?.header.unit || r.read.report?.participation[0]?.unit.value || '');
/** Local time of an instant given in UTC, as the register shows it. */
const local = (utc: string) => receivedIso(Date.parse(utc));

let reports: Uint8Array[];
beforeAll(async () => {
  reports = [await schoolReportBytes(0), await schoolReportBytes(1), await schoolReportBytes(2)];
});

describe('a letter saved from the mail (.eml)', () => {
  test('its report takes the letter’s date (Moscow time read as such), sender and subject in koi8-r / windows-1251, the file name in RFC 2231', async () => {
    const letter = eml({
      from: `${word('Иванова Анна Петровна', 'windows-1251', 'Q')} <sosh1@example.ru>`,
      subject: word('Отчёт по профориентации, СОШ 1', 'koi8-r'),
      date: 'Mon, 16 Oct 2023 17:05:00 +0300',
      text: { body: 'Добрый день! Отчёт во вложении.', charset: 'koi8-r', encoding: 'quoted-printable' },
      attachments: [
        { filenameParam: rfc2231Name('Отчёт СОШ № 1 за осень.xlsx', 'utf-8'), contentType: XLSX_TYPE, data: reports[0] },
        { filenameParam: `filename="${word('Сопроводительное письмо.txt', 'windows-1251')}"`, contentType: 'text/plain', data: encode('Направляем отчёт', 'windows-1251') },
        { filenameParam: 'filename="image001.png"', contentType: 'image/png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), inline: { contentId: 'image001.png@01' } },
      ],
    });
    const got = await receive(letter, 'Отчёт СОШ 1.eml');
    expect(got.map((r) => [r.file, r.notReport ?? (isUnreadable(r) ? r.error : 'read')])).toEqual([
      ['Отчёт СОШ 1.eml/Отчёт СОШ № 1 за осень.xlsx', 'read'],
      ['Отчёт СОШ 1.eml/Сопроводительное письмо.txt', 'текст — сопроводительное письмо (не отчёт)'],
      ['Отчёт СОШ 1.eml/image001.png', 'рисунок в тексте письма (не отчёт)'],
    ]);
    const [report] = got;
    expect(unitOf(report)).not.toBe('');
    expect(report).toMatchObject({
      received: local('2023-10-16T14:05:00Z'),
      dateSource: 'message',
      sender: { address: 'sosh1@example.ru', name: 'Иванова Анна Петровна' },
      via: [{ kind: 'letter', file: 'Отчёт СОШ 1.eml', subject: 'Отчёт по профориентации, СОШ 1', date: local('2023-10-16T14:05:00Z') }],
      fingerprint: digest(reports[0]),
    });
  });

  test('a zip in a letter, its names in cp866 as Windows writes them: two schools’ reports, both with the letter’s date', async () => {
    const zip = zipWithNames([
      { name: encode('Школа 1/отчёт школы 1.xlsx', 'ibm866'), data: reports[0] },
      { name: encode('отчёт школы 2.xlsx', 'ibm866'), data: reports[1] },
      { name: new TextEncoder().encode('Отчёт школы 3.xlsx'), data: reports[2], flags: 0x0800 },
    ]);
    const letter = eml({
      from: 'metodist@example.ru',
      subject: word('Отчёты трёх школ', 'utf-8', 'Q'),
      date: 'Tue, 17 Oct 2023 09:30:00 +0700',
      attachments: [{ filenameParam: `filename="${word('отчёты.zip', 'koi8-r')}"`, contentType: 'application/zip', data: zip }],
    });
    const got = await receive(letter, 'письмо.eml');
    expect(got.map((r) => r.file)).toEqual(['письмо.eml/отчёты.zip/Школа 1/отчёт школы 1.xlsx', 'письмо.eml/отчёты.zip/отчёт школы 2.xlsx', 'письмо.eml/отчёты.zip/Отчёт школы 3.xlsx']);
    expect(got.every((r) => !isUnreadable(r) && r.received === local('2023-10-17T02:30:00Z') && r.dateSource === 'message')).toBe(true);
    expect(new Set(got.map(unitOf)).size).toBe(3);
    expect(got[0].via?.map((c) => c.kind)).toEqual(['letter', 'archive']);
  });

  test('a forwarded letter keeps the school’s own date and sender, not the one who forwarded it', async () => {
    const school = eml({ from: 'Школа 2 <sosh2@example.ru>', subject: 'Отчёт', date: 'Wed, 18 Oct 2023 12:00:00 +0700', attachments: [{ filenameParam: 'filename="otchet.xlsx"', data: reports[1] }] });
    const fwd = eml({ from: 'deputy@example.ru', subject: 'Fwd: Отчёт', date: 'Mon, 20 Nov 2023 08:00:00 +0700', forwarded: [school] });
    const got = await receive(fwd, 'fwd.eml');
    expect(got.map((r) => r.file)).toEqual(['fwd.eml/forwarded.eml/otchet.xlsx']);
    expect(got[0]).toMatchObject({ received: local('2023-10-18T05:00:00Z'), sender: { address: 'sosh2@example.ru', name: 'Школа 2' } });
    expect(got[0].via?.map((c) => (c.kind === 'letter' ? c.subject : c.name))).toEqual(['Fwd: Отчёт', 'Отчёт']);
  });

  test('a letter with only a cover letter and a photo (no report): they are refused, so the school is asked again', async () => {
    const letter = eml({
      from: 'sosh3@example.ru', subject: 'Отчёт', date: 'Wed, 18 Oct 2023 12:00:00 +0700',
      attachments: [{ filenameParam: 'filename="scan.jpg"', contentType: 'image/jpeg', data: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]) }],
    });
    const [photo] = await receive(letter, 'scan.eml');
    expect(photo.notReport).toBeUndefined();
    expect(isUnreadable(photo) && photo.error).toMatch(/изображение/);
  });
});

describe('a mailbox and archives', () => {
  test('an mbox of three letters (no extension, as Thunderbird keeps it): each letter its own date; a letter without attachments is no report', async () => {
    const box = mbox([
      eml({ from: 'sosh1@example.ru', subject: 'Отчёт 1', date: 'Mon, 16 Oct 2023 10:00:00 +0300', attachments: [{ filenameParam: 'filename="1.xlsx"', data: reports[0] }] }),
      eml({ from: 'sosh2@example.ru', subject: 'Вопрос', date: 'Mon, 16 Oct 2023 11:00:00 +0300', text: { body: 'From now on we report monthly.\nСпасибо', charset: 'utf-8', encoding: 'quoted-printable' } }),
      eml({ from: 'sosh3@example.ru', subject: 'Отчёт 3', date: 'Thu, 19 Oct 2023 23:59:00 +0700', attachments: [{ filenameParam: 'filename="3.xlsx"', data: reports[2] }] }),
    ]);
    const got = await receive(box, 'Inbox');
    expect(got.map((r) => [r.file, r.received, r.notReport ?? 'report'])).toEqual([
      ['Inbox/письмо 1/1.xlsx', local('2023-10-16T07:00:00Z'), 'report'],
      ['Inbox/письмо 2', local('2023-10-16T08:00:00Z'), 'письмо без вложений: отчёта в нём нет'],
      ['Inbox/письмо 3/3.xlsx', local('2023-10-19T16:59:00Z'), 'report'],
    ]);
  });

  test('a zip given on its own: its reports read, names in UTF-8; an encrypted archive refused in a school’s words', async () => {
    const zip = await zipOf({ 'Отчёт СОШ 1.xlsx': reports[0], 'Пояснение.txt': 'пояснительная записка' });
    const got = await receive(zip, 'отчёты.zip');
    expect(got.map((r) => [r.file, r.dateSource, r.received, r.notReport ?? 'report'])).toEqual([
      ['отчёты.zip/Отчёт СОШ 1.xlsx', 'modified', '2023-11-20T09:00', 'report'],
      ['отчёты.zip/Пояснение.txt', 'modified', '2023-11-20T09:00', 'текст — сопроводительное письмо (не отчёт)'],
    ]);
    const locked = zipWithNames([{ name: new TextEncoder().encode('a.xlsx'), data: reports[0], flags: 0x0001 }]);
    const [refused] = await receive(locked, 'locked.zip');
    expect(isUnreadable(refused) && refused.error).toBe('Архив «locked.zip» защищён паролем, открыть его нельзя. Попросите прислать отчёт без пароля — саму книгу Excel (.xlsx), не упаковывая её в архив.');
  });

  test('zips inside zips deeper than the guard allows are refused, not followed', async () => {
    let bytes = reports[0];
    let name = 'r.xlsx';
    for (let i = 0; i < 8; i++) {
      bytes = await zipOf({ [name]: bytes });
      name = `z${i}.zip`;
    }
    const got = await receive(bytes, name);
    expect(got).toHaveLength(1);
    expect(isUnreadable(got[0]) && got[0].error).toMatch(/вложен слишком глубоко/);
  });
});

describe('Outlook letters (.msg, real files from @kenjiuno/msgreader’s tests)', () => {
  const fixture = (n: string) => new Uint8Array(readFileSync(path.join(__dirname, '../../test/fixtures/mail', n)));

  test('an attached picture is a file, the inline one is no report; the date is the letter’s', async () => {
    const got = await receive(fixture('attachAndInline.msg'), 'attachAndInline.msg');
    expect(got.map((r) => [r.file, r.notReport ?? (isUnreadable(r) ? 'refused' : 'read'), r.dateSource])).toEqual([
      ['attachAndInline.msg/attach.png', 'refused', 'message'],
      ['attachAndInline.msg/image001.png', 'рисунок в тексте письма (не отчёт)', 'message'],
    ]);
    expect(got[0].received).toBe(local('2021-07-27T22:19:50Z'));
    expect(got[0].via?.[0]).toMatchObject({ kind: 'letter', subject: 'Attach and inline' });
  });

  test('an Outlook letter inside an Outlook letter is opened as a letter', async () => {
    const got = await receive(fixture('msgInMsg.msg'), 'msgInMsg.msg');
    expect(got.map((r) => r.file)).toEqual(expect.arrayContaining(['msgInMsg.msg/green.png']));
    expect(got.some((r) => r.via?.filter((c) => c.kind === 'letter').length === 2)).toBe(true);
  });
});

describe('the Date header', () => {
  test('Moscow time, local time, a zone name and a comment all give the same instant; nonsense gives none', () => {
    const moscow = dateOfHeader('Thu, 19 Oct 2023 23:30:00 +0300');
    expect(dateOfHeader('Fri, 20 Oct 2023 03:30:00 +0700')).toBe(moscow);
    expect(dateOfHeader('19 Oct 2023 23:30 MSK')).toBe(moscow);
    expect(dateOfHeader('Thu, 19 Oct 2023 20:30:00 +0000 (UTC)')).toBe(moscow);
    expect(moscow).toBe(local('2023-10-19T20:30:00Z'));
    expect(dateOfHeader('not a date')).toBeUndefined();
    expect(dateOfHeader('Thu, 01 Jan 1970 00:00:00 +0000')).toBeUndefined();
  });
});

describe('read only as far as the grids (the command line\'s reading worker)', () => {
  test('a workbook on its own gives its grids, and finding the forms in them gives exactly what receiving it whole gives', async () => {
    const read = await readInput(reports[1], 'СОШ 2.xlsx', '2023-11-20T09:00', settings, digest);
    expect(Array.isArray(read)).toBe(false);
    if (Array.isArray(read)) return;
    expect(read.received).toBe('2023-11-20T09:00');
    expect(read.fingerprint).toBe(digest(reports[1]));
    expect([receiveGrid(read.grid, read.received, settings, read.fingerprint)]).toEqual(await receive(reports[1], 'СОШ 2.xlsx'));
  });

  test('a file that is no workbook is refused in the same words; a letter is received whole, as receiveInput does', async () => {
    const junk = encode('это не таблица', 'utf-8');
    expect(await readInput(junk, 'СОШ 3.xlsx', '2023-11-20T09:00', settings, digest)).toEqual(await receive(junk, 'СОШ 3.xlsx'));
    const letter = eml({ from: 'sosh1@example.ru', subject: 'Отчёт', date: 'Mon, 16 Oct 2023 17:05:00 +0300', attachments: [{ filenameParam: 'filename="report.xlsx"', contentType: XLSX_TYPE, data: reports[0] }] });
    const read = await readInput(letter, 'Отчёт.eml', '2023-11-20T09:00', settings, digest);
    expect(Array.isArray(read)).toBe(true);
    expect(read).toEqual(await receive(letter, 'Отчёт.eml'));
  });
});
