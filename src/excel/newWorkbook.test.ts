import { ExcelActionError } from './errors';
import { openAsNewWorkbook, toBase64 } from './newWorkbook';

test('a blank reaches Excel.createWorkbook as the Base64 of its bytes, however large', async () => {
  const bytes = new Uint8Array(200_000).map((_, i) => (i * 7) % 256);
  let got = '';
  await openAsNewWorkbook(bytes, 'МБОУ СОШ № 1', async (b64) => void (got = b64));
  expect(got).toBe(Buffer.from(bytes).toString('base64'));
  expect(toBase64(new Uint8Array())).toBe('');
});

test('Excel refusing to open a new workbook gives a Russian message naming the blank and offering the .zip', async () => {
  const refuse = async () => {
    throw Object.assign(new Error('GeneralException: An internal error has occurred.'), { code: 'GeneralException' });
  };
  const e = await openAsNewWorkbook(new Uint8Array([1]), 'МБОУ СОШ № 1', refuse).catch((x) => x);
  expect(e).toBeInstanceOf(ExcelActionError);
  expect(e.message).toMatch(/^Не удалось выполнить открытие бланка «МБОУ СОШ № 1» новой книгой\. .*скачайте бланки архивом \.zip\.$/);
  const hardened = await openAsNewWorkbook(new Uint8Array([1]), 'X', async () => {
    throw new Error('This operation is not allowed due to the extension hardening policy.');
  }).catch((x) => x);
  expect(hardened.message).toMatch(/extensionHardening/);
});
