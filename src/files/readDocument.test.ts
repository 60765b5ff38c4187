/** Documents guarded as workbooks are: passwords, macros, sizes, bombs — each refused or read as a user expects. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { FileReadError, readWorkbookFile } from './readWorkbook';
import { cfbWith, zipOf } from '../../test/hostile/support';
import { documentGrid, DocumentTooLarge } from './documentGrid';
// Slow on purpose (whole workbooks): tests build, write or apply full consolidated workbooks (thousands of cells) in process.
jest.setTimeout(60_000);

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const body = (text: string) => `<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`;

function refusal(bytes: Uint8Array, name: string): string {
  try {
    readWorkbookFile(bytes, name);
  } catch (e) {
    if (e instanceof FileReadError) return e.message;
    throw e;
  }
  throw new Error('read, not refused');
}

describe('documents pass the same guards as workbooks', () => {
  it('reads a macro-enabled .docm for its text and never touches its macros', async () => {
    const docm = await zipOf({ '[Content_Types].xml': TYPES, 'word/document.xml': body('=1+1'), 'word/vbaProject.bin': new Uint8Array([1, 2, 3, 4]) });
    const grid = readWorkbookFile(docm, 'отчёт.docm');
    // Formula-looking text stays the text it is.
    expect(grid.sheets[0].cells).toEqual([['=1+1']]);
  });

  it('refuses a password-protected Word document (Office puts it in a compound file) with the way out', () => {
    const enc = cfbWith({ EncryptionInfo: new Uint8Array(64).fill(4), EncryptedPackage: new Uint8Array(512).fill(9) });
    expect(refusal(enc, 'отчёт.docx')).toMatch(/«отчёт\.docx» защищён паролем/);
  });

  it('refuses a password-protected OpenDocument text', async () => {
    const odt = await zipOf({
      mimetype: 'application/vnd.oasis.opendocument.text',
      'META-INF/manifest.xml': '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>',
      'content.xml': new Uint8Array(300).fill(0xaa),
    });
    expect(refusal(odt, 'отчёт.odt')).toMatch(/защищён паролем/);
  });

  it('refuses a Word 97 .doc that is not one (damaged), naming the file and saying to save it as .docx', () => {
    const doc = cfbWith({ WordDocument: new Uint8Array(1024).fill(3), '1Table': new Uint8Array(64) });
    expect(refusal(doc, 'отчёт.doc')).toMatch(/«отчёт\.doc».*\.docx/s);
  });

  it('refuses a document whose text part is far larger than any form, without parsing it', async () => {
    const padding = `<w:p><w:r><w:t>${'а'.repeat(1000)}</w:t></w:r></w:p>`.repeat(5000);
    const docx = await zipOf({ '[Content_Types].xml': TYPES, 'word/document.xml': `<?xml version="1.0"?><w:document ${W}><w:body>${padding}</w:body></w:document>` });
    expect(refusal(docx, 'огромный.docx')).toMatch(/«огромный\.docx» слишком велик/);
  });

  it('refuses a document of more lines than a sheet may hold', () => {
    const blocks = Array.from({ length: 100_001 }, () => ({ kind: 'paragraph' as const, text: 'строка' }));
    expect(() => documentGrid(blocks)).toThrow(DocumentTooLarge);
  });
});

describe('a Word 97–2003 document with objects pasted in (ObjectPool) is read for its own text', () => {
  // Apache POI's test-data/document/word_with_embeded.doc (Apache-2.0; test/fixtures/README.md): two Excel sheets
  // and a Word document embedded, each with its own «Workbook» or «WordDocument» stream inside ObjectPool/_…/.
  const poi = new Uint8Array(readFileSync(path.join(__dirname, '../../test/fixtures/poi-word_with_embeded.doc')));

  it('is not taken for an Excel book by the sheet inside it, nor read as the Word object inside it', () => {
    const grid = readWorkbookFile(poi, 'отчёт.doc');
    expect(grid.sheets.map((s) => s.name)).toEqual(['документ']);
    expect(grid.sheets[0].cells[0]).toEqual(['I have lots of embedded files in me']);
  });

  it('is read the same whatever it is named (the bytes decide)', () => {
    expect(readWorkbookFile(poi, 'отчёт').sheets[0].cells[0]).toEqual(['I have lots of embedded files in me']);
  });
});
