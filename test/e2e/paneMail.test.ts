/**
 * The pane without Excel merges the mail itself: a saved letter with a school's report, a cover letter and a
 * picture; a letter with a zip of two schools whose names Windows wrote in cp866; a Thunderbird mailbox; a real
 * Outlook letter (@kenjiuno/msgreader's test file) — read in the pane's workers (postal-mime, msgreader in
 * the browser). A letter dropped on the files box is taken like a picked one.
 */
import fs from 'fs';
import path from 'path';
import { OUTPUT, paneTests } from './harness';
import { sampleSchoolWorkbooks } from '../../src/domain/sample/schoolWorkbooks';
import { writeXlsx } from '../../src/files/xlsxWriter';
import { readWorkbookFile } from '../../src/files/readWorkbook';
import { encode, eml, mbox, word, XLSX_TYPE, zipWithNames } from '../support/mail';
// Slow on purpose (Chromium): the built pane in headless Chromium; a page load and a flow take tens of seconds on a loaded machine.
jest.setTimeout(240_000);

const pane = paneTests();

test('letters, a zip in a letter, a mailbox and an Outlook letter are merged in the browser with the letters’ dates and senders', async () => {
  const { page } = await pane.open('/taskpane.html?section=merge', 450);
  const sample = sampleSchoolWorkbooks({ schools: 4, late: 0, twice: false, broken: false });
  const books = await Promise.all(sample.files.map(async (f) => ({ name: f.file, data: await writeXlsx(f.workbook!) })));
  const letter = eml({
    from: `${word('Иванова Анна', 'koi8-r')} <sosh1@example.ru>`, subject: word('Отчёт школы', 'windows-1251', 'Q'), date: 'Mon, 16 Oct 2023 17:05:00 +0300',
    attachments: [
      { filenameParam: `filename="${word(books[0].name, 'utf-8')}"`, contentType: XLSX_TYPE, data: books[0].data },
      { filenameParam: 'filename="cover.txt"', contentType: 'text/plain', data: encode('Направляем отчёт', 'utf-8') },
      { filenameParam: 'filename="image001.png"', contentType: 'image/png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), inline: { contentId: 'logo' } },
    ],
  });
  const zip = zipWithNames(books.slice(1, 3).map((b) => ({ name: encode(b.name.replace(/[«»]/g, '"'), 'ibm866'), data: b.data })));
  const zipped = eml({ from: 'metodist@example.ru', subject: 'Отчёты', date: 'Tue, 17 Oct 2023 09:30:00 +0700', attachments: [{ filenameParam: 'filename="reports.zip"', contentType: 'application/zip', data: zip }] });
  const box = mbox([eml({ from: 'sosh4@example.ru', subject: 'Отчёт', date: 'Wed, 18 Oct 2023 10:00:00 +0700', attachments: [{ filenameParam: 'filename="4.xlsx"', contentType: XLSX_TYPE, data: books[3].data }] })]);
  const msg = fs.readFileSync(path.join(__dirname, '../fixtures/mail/attachAndInline.msg'));

  await page.getByRole('tab', { name: '1. Настройки' }).click();
  await page.getByLabel('Муниципальное образование или организация').fill('Город Томск');
  await page.getByLabel('Кампания', { exact: true }).selectOption('autumn');
  await page.getByLabel('Год').fill('2023');
  await page.getByRole('tab', { name: '4. Свод' }).click();
  await page.getByTestId('merge-files').setInputFiles([
    { name: 'письмо.eml', mimeType: 'message/rfc822', buffer: Buffer.from(letter) },
    { name: 'архив.eml', mimeType: 'message/rfc822', buffer: Buffer.from(zipped) },
    { name: 'Inbox', mimeType: 'application/octet-stream', buffer: Buffer.from(box) },
    { name: 'attachAndInline.msg', mimeType: 'application/vnd.ms-outlook', buffer: msg },
  ]);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Свести выбранные файлы' }).click()]);
  await page.getByText(/В своде 4\sорганизации/).first().waitFor();
  const file = path.join(OUTPUT, 'pane-mail.xlsx');
  await download.saveAs(file);
  const register = readWorkbookFile(new Uint8Array(fs.readFileSync(file)), 'свод.xlsx').sheets.find((s) => s.name === 'Реестр отчётов')!;
  const text = register.cells.map((r) => r.map((v) => String(v ?? '')).join(' | ')).join('\n');
  expect(text).toContain('Иванова Анна <sosh1@example.ru>');
  expect(text).toContain('«письмо.eml»: письмо от 16.10.2023');
  expect(text).toMatch(/архив «reports\.zip», файл «/);
  expect(text).toContain('не отчёт');
  expect(text).toContain('attachAndInline.msg/attach.png');
});

test('a letter dropped on the files box is taken like a picked file', async () => {
  const { page } = await pane.open('/taskpane.html?section=merge', 320);
  await page.getByRole('tab', { name: '4. Свод' }).click();
  const letter = Buffer.from(eml({ from: 'sosh1@example.ru', subject: 'Отчёт', date: 'Mon, 16 Oct 2023 17:05:00 +0300' })).toString('base64');
  const drop = await page.evaluateHandle((b64) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'письмо.eml', { type: 'message/rfc822' }));
    return dt;
  }, letter);
  const zone = page.getByTestId('merge-files-drop');
  await zone.dispatchEvent('dragover', { dataTransfer: drop });
  await zone.dispatchEvent('drop', { dataTransfer: drop });
  await zone.getByTestId('files-picked').filter({ hasText: 'Выбрано: 1 файл' }).waitFor();
});
