/**
 * Text documents that hold the order's forms as tables: .docx (and .docm/.dotx: macros are never run or read),
 * .odt, and Word 97–2003 .doc. The guards (guards.ts) have checked the package's sizes before anything here
 * inflates a part; each becomes one grid (documentGrid.ts) that the core reads as it reads a sheet.
 */
import type { WorkbookGrid } from '../domain/grid';
import { docBlocks, WordBinaryError } from './docBlocks';
import { docxBlocks } from './docxBlocks';
import { documentGrid, DocumentTooLarge, type DocBlock } from './documentGrid';
import { UnsafeXml } from './documentXml';
import { packedPart, type ZipEntry } from './guards';
import { odtBlocks } from './odtBlocks';

/** Why a document could not be read, in words for the message; `kind` chooses what the reader tells the user to do. */
export class DocumentReadError extends Error {
  constructor(
    readonly kind: 'encrypted' | 'damaged' | 'too-large' | 'unsupported',
    message: string,
  ) {
    super(message);
    this.name = 'DocumentReadError';
  }
}

export interface PartInflater {
  inflate(packed: Uint8Array): Uint8Array;
  utf8(bytes: Uint8Array): string;
}

/**
 * A form's document part is well under a megabyte; a bigger one is not parsed: the ordered XML tree costs about a
 * second and 100 MB a megabyte of XML (measured: 6.5 MB, 100 000 table rows, 9 s).
 */
const MAX_PART_BYTES = 8 * 1024 * 1024;

function partText(bytes: Uint8Array, entries: ZipEntry[], name: string, codec: PartInflater): string | undefined {
  const e = entries.find((x) => x.name === name);
  if (!e) return undefined;
  if (e.uncompressedSize > MAX_PART_BYTES) throw new DocumentReadError('too-large', `часть «${name}» больше ${MAX_PART_BYTES / 1024 / 1024} МБ`);
  const data = e.inflated ?? (e.method === 0 ? packedPart(bytes, e) : codec.inflate(packedPart(bytes, e)));
  return codec.utf8(data);
}

/** Whether an OpenDocument package is a text document (not a spreadsheet), by its mimetype part. */
export function isOpenDocumentText(bytes: Uint8Array, entries: ZipEntry[], codec: PartInflater): boolean {
  const mime = partText(bytes, entries, 'mimetype', codec)?.trim() ?? '';
  return mime.startsWith('application/vnd.oasis.opendocument.text');
}

function grid(fileName: string, read: () => DocBlock[]): WorkbookGrid {
  try {
    return { file: fileName, sheets: [documentGrid(read())] };
  } catch (e) {
    if (e instanceof DocumentReadError) throw e;
    if (e instanceof DocumentTooLarge) throw new DocumentReadError('too-large', 'в документе слишком много строк таблиц');
    if (e instanceof UnsafeXml) throw new DocumentReadError('damaged', 'в документе есть конструкции XML, которых не бывает в документах Word и OpenDocument');
    if (e instanceof WordBinaryError) throw new DocumentReadError(e.encrypted ? 'encrypted' : 'unsupported', e.message);
    throw new DocumentReadError('damaged', (e as Error)?.message ?? String(e));
  }
}

/** A .docx package (word/document.xml). */
export function readDocx(bytes: Uint8Array, entries: ZipEntry[], fileName: string, codec: PartInflater): WorkbookGrid {
  return grid(fileName, () => {
    const xml = partText(bytes, entries, 'word/document.xml', codec);
    if (xml === undefined) throw new DocumentReadError('damaged', 'в пакете нет основной части документа');
    return docxBlocks(xml);
  });
}

/** An .odt package (content.xml); a password-protected one has its parts encrypted, as its manifest says. */
export function readOdt(bytes: Uint8Array, entries: ZipEntry[], fileName: string, codec: PartInflater): WorkbookGrid {
  const manifest = partText(bytes, entries, 'META-INF/manifest.xml', codec) ?? '';
  if (manifest.includes('encryption-data')) throw new DocumentReadError('encrypted', 'документ защищён паролем');
  return grid(fileName, () => {
    const xml = partText(bytes, entries, 'content.xml', codec);
    if (xml === undefined) throw new DocumentReadError('damaged', 'в пакете нет содержимого документа');
    return odtBlocks(xml);
  });
}

/** A Word 97–2003 .doc (a compound file with a «WordDocument» stream). */
export function readDoc(bytes: Uint8Array, fileName: string): WorkbookGrid {
  return grid(fileName, () => docBlocks(bytes));
}
