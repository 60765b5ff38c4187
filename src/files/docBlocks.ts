/**
 * Word 97–2003 binary documents (.doc). Placeholder until the table reader lands: such a file is refused with a
 * message saying how to save it as .docx.
 */
import type { DocBlock } from './documentGrid';

/** A .doc that cannot be read; `encrypted` when Word protected it with a password. */
export class WordBinaryError extends Error {
  constructor(
    message: string,
    readonly encrypted = false,
  ) {
    super(message);
    this.name = 'WordBinaryError';
  }
}

export function docBlocks(bytes: Uint8Array): DocBlock[] {
  void bytes;
  throw new WordBinaryError('документы Word 97–2003 (.doc) пока не читаются');
}
