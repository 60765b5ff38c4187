/**
 * Node only (the command line): an .xls encrypted with Excel's built-in default password «VelvetSweatshop» —
 * Excel writes it so when a workbook is protected without a password to open, and opens it without asking — is
 * decrypted and read like any other. RC4, RC4 CryptoAPI and XOR obfuscation are done by officecrypto-tool (its
 * .xls decryptor, synchronous; the package's entry point is async and would load its OOXML code too). The pane
 * does without: the decryptor needs Node's crypto, and such a file there gets the password message.
 */
import { sheetjs } from './sheetjs';
import { useDefaultPasswordDecryption } from './readWorkbook';

interface Xls97 {
  decrypt(cfb: unknown, workbook: Buffer, password: string, input: Buffer): Buffer;
}
// Loaded on first use, like SheetJS: nearly every merge has no such file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const xls97 = (): Xls97 => require('officecrypto-tool/src/util/xls97') as Xls97;

/** Excel's default password (MS-OFFCRYPTO 2.3.6.1 and 2.4.2.1: used when no password to open is set). */
const DEFAULT_PASSWORD = 'VelvetSweatshop';

/** The .xls decrypted with the default password, or undefined when it is not that (a real password, not an .xls). */
export function decryptWithDefaultPassword(bytes: Uint8Array): Uint8Array | undefined {
  try {
    const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const XLSX = sheetjs();
    const cfb = XLSX.CFB.read(input, { type: 'buffer' });
    const stream = XLSX.CFB.find(cfb, 'Workbook') ?? XLSX.CFB.find(cfb, 'Book');
    if (!stream?.content) return undefined;
    const content = Buffer.from(stream.content as Uint8Array);
    (XLSX.CFB.utils as unknown as { prep_blob(b: Buffer, at: number): void }).prep_blob(content, 0);
    return new Uint8Array(xls97().decrypt(cfb, content, DEFAULT_PASSWORD, input));
  } catch {
    return undefined; // a wrong password, an unknown scheme: the file keeps the password message
  }
}

let installed = false;
export function useDefaultPassword(): void {
  if (installed) return;
  useDefaultPasswordDecryption(decryptWithDefaultPassword);
  installed = true;
}
