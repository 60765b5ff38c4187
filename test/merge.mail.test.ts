/**
 * The sample municipality (seed 000, Tomsk autumn 2023) as it arrives by e-mail: its reports packed into letters
 * dated when each school sent them — .eml in several encodings, a Thunderbird mailbox without an extension, zips in
 * letters with cp866 names, forwarded letters, cover letters and pictures — and every file saved to disk on one day
 * long after the deadline, the ordinary way. The command line must merge it to the same totals as the plain files
 * with their true dates, every school with the same status, every attachment accounted for.
 */
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { merge, type MergeJson } from '../src/cli/merge';
import { writeSample } from '../scripts/sample';
import type { Sample } from '../src/domain/sample/schoolWorkbooks';
import { runCommand } from './support/command';
import { encode, eml, mbox, rfc2231Name, word, XLSX_TYPE, zipWithNames, type Attachment } from './support/mail';

jest.setTimeout(300_000);

let dir: string;
let sample: Sample;
let plain: MergeJson;
let mail: MergeJson;

/** A Date header for a local date-time, written in the given zone (+0300 Moscow as web mail writes, +0700 local). */
function dateHeader(localIso: string, offsetHours: number): string {
  const shifted = new Date(new Date(localIso).getTime() + offsetHours * 3600_000);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[shifted.getUTCDay()]}, ${shifted.getUTCDate()} ${months[shifted.getUTCMonth()]} ${shifted.getUTCFullYear()} ${p(shifted.getUTCHours())}:${p(shifted.getUTCMinutes())}:00 ${offsetHours >= 0 ? '+' : '-'}${p(Math.abs(offsetHours))}00`;
}

const args = (inbox: string, out: string) => [inbox, '--out', out, '--units', path.join(dir, 'почта', 'units.csv'), '--deadline', sample.deadline, '--unit', 'Город Томск', '--season', 'autumn', '--year', '2023', '--json'];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pk-mail-'));
  sample = await writeSample(path.join(dir, 'почта'));
  plain = JSON.parse((await runCommand(merge, args(path.join(dir, 'почта'), path.join(dir, 'свод-файлы.xlsx')))).stdout) as MergeJson;

  const inbox = path.join(dir, 'письма');
  await mkdir(inbox, { recursive: true });
  const files = await Promise.all(sample.files.map(async (f) => ({ ...f, data: new Uint8Array(await readFile(path.join(dir, 'почта', f.file))) })));
  const report = (f: (typeof files)[number], k: number): Attachment => ({
    // Each encoding of a file name mail programs use: RFC 2231 (Thunderbird), RFC 2047 base64 (Outlook, Mail.ru), plain.
    filenameParam: k % 3 === 0 ? rfc2231Name(f.file, 'utf-8') : k % 3 === 1 ? `filename="${word(f.file, 'windows-1251')}"` : `filename="${word(f.file, 'utf-8', 'Q')}"`,
    contentType: XLSX_TYPE,
    data: f.data,
  });
  const cover: Attachment = { filenameParam: `filename="${word('Сопроводительное письмо.txt', 'koi8-r')}"`, contentType: 'text/plain', data: encode('Направляем отчёт', 'koi8-r') };
  const logo: Attachment = { filenameParam: 'filename="image001.png"', contentType: 'image/png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), inline: { contentId: 'logo@school' } };
  const letterOf = (f: (typeof files)[number], k: number, extra: Attachment[] = []) =>
    eml({
      from: `${word(`Ответственная Иванова, школа ${k}`, k % 2 ? 'windows-1251' : 'koi8-r', k % 2 ? 'Q' : 'B')} <school${k}@example.ru>`,
      subject: word(`Отчёт по профориентации — ${f.unit}`, 'utf-8'),
      date: dateHeader(f.received, k % 2 ? 3 : 7),
      text: { body: 'Добрый день! Отчёт во вложении.', charset: k % 2 ? 'windows-1251' : 'utf-8', encoding: k % 2 ? 'quoted-printable' : 'base64' },
      attachments: [report(f, k), ...extra],
    });

  const boxed: Uint8Array[] = [];
  for (let k = 0; k < files.length; k++) {
    const f = files[k];
    if (k % 5 === 0) boxed.push(letterOf(f, k)); // Thunderbird's folder
    else if (k % 5 === 1) await writeFile(path.join(inbox, `письмо ${k}.eml`), letterOf(f, k, [cover, logo]));
    else if (k % 5 === 2) {
      // Forwarded by a deputy a month later: the school's own date counts.
      const outer = eml({ from: 'deputy@example.ru', subject: 'Fwd: отчёт', date: 'Mon, 20 Nov 2023 10:00:00 +0700', forwarded: [letterOf(f, k)] });
      await writeFile(path.join(inbox, `пересланное ${k}.eml`), outer);
    } else if (k % 5 === 3) {
      // A zip made by Windows: its names in cp866.
      const zip = zipWithNames([{ name: encode(f.file.replace(/[«»]/g, '"'), 'ibm866'), data: f.data }]);
      const letter = eml({ from: `school${k}@example.ru`, subject: 'Отчёт (архив)', date: dateHeader(f.received, 7), attachments: [{ filenameParam: 'filename="report.zip"', contentType: 'application/zip', data: zip }] });
      await writeFile(path.join(inbox, `архив ${k}.eml`), letter);
    } else await writeFile(path.join(inbox, `письмо ${k}.eml`), letterOf(f, k));
  }
  boxed.push(eml({ from: 'sosh@example.ru', subject: 'Вопрос о сроках', date: 'Mon, 16 Oct 2023 10:00:00 +0700' }));
  await writeFile(path.join(inbox, 'Входящие'), mbox(boxed));
  // Everything saved to disk on one day after the deadline, as a coordinator does.
  const saved = new Date('2023-11-25T10:00');
  for (const name of await import('node:fs/promises').then((fs) => fs.readdir(inbox))) await utimes(path.join(inbox, name), saved, saved);
  mail = JSON.parse((await runCommand(merge, args(inbox, path.join(dir, 'свод-письма.xlsx')))).stdout) as MergeJson;
}, 600_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the sample municipality by e-mail, saved after the deadline', () => {
  test('the same totals and the same status for every school as the plain files with their true dates', () => {
    expect(mail.totals).toEqual(plain.totals);
    expect(mail.accounting).toEqual(plain.accounting);
    const statuses = (j: MergeJson) => Object.fromEntries(j.organisations.map((o) => [o.unit, o.label]));
    expect(statuses(mail)).toEqual(statuses(plain));
    expect(mail.counts).toEqual(plain.counts);
    // The three late schools of the official results, and no date «не подтверждён»: the letters are the evidence.
    expect(mail.organisations.filter((o) => o.status === 'late').map((o) => o.unit).sort()).toEqual(['МАОУ СОШ № 2', 'МАОУ СОШ № 3', 'МАОУ школа «Эврика-развитие»'].sort());
    expect(mail.organisations.filter((o) => o.status === 'unconfirmed')).toEqual([]);
  });

  test('every attachment is accounted for: reports merged, superseded or refused; cover letters, pictures and the letter without attachments listed as no reports', () => {
    const reports = mail.files.filter((f) => f.status !== 'not-report');
    expect(reports).toHaveLength(plain.files.length);
    expect(reports.every((f) => f.dateSource === 'message' && f.container !== '' && f.sender)).toBe(true);
    const notReports = mail.files.filter((f) => f.status === 'not-report');
    const covered = sample.files.filter((_, k) => k % 5 === 1).length;
    expect(notReports).toHaveLength(2 * covered + 1);
    expect(notReports.map((f) => f.reason)).toEqual(expect.arrayContaining(['письмо без вложений: отчёта в нём нет', 'рисунок в тексте письма (не отчёт)', 'текст — сопроводительное письмо (не отчёт)']));
    // Each received file keeps the date its school sent it.
    const sentAt = new Map(sample.files.map((f) => [f.file.replace(/[«»]/g, '"'), f.received]));
    for (const f of reports) expect(f.received).toBe(sentAt.get(f.file.replace(/^.*\//, '')));
  });
});
