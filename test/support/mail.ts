/**
 * Letters, mailboxes and archives built in code, the way mail programs and Windows write them: headers in RFC 2047
 * words (base64 or quoted-printable) in koi8-r, windows-1251 or utf-8, file names in RFC 2231 or 2047, bodies in
 * base64 or quoted-printable, forwarded letters as message/rfc822, zip names in cp866 without the UTF-8 flag.
 */
import { rawZip } from '../hostile/support';

export type Charset = 'utf-8' | 'koi8-r' | 'windows-1251' | 'ibm866';

/** Text in a single-byte Cyrillic code page (the reverse of TextDecoder's table). */
export function encode(text: string, charset: Charset): Uint8Array {
  if (charset === 'utf-8') return new TextEncoder().encode(text);
  const table = new Map<string, number>();
  const decoder = new TextDecoder(charset);
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  return new Uint8Array([...text].map((ch) => {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`«${ch}» is not in ${charset}`);
    return b;
  }));
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Quoted-printable of bytes (RFC 2045), lines up to 76 characters with soft breaks. */
export function quotedPrintable(bytes: Uint8Array): string {
  let line = '';
  const lines: string[] = [];
  for (const b of bytes) {
    const ch = b === 0x0a ? '\n' : (b >= 33 && b <= 126 && b !== 61) || b === 32 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (ch === '\n') {
      lines.push(line.replace(/\r$/, ''));
      line = '';
      continue;
    }
    if (line.length + ch.length > 75) {
      lines.push(line + '=');
      line = '';
    }
    line += ch;
  }
  lines.push(line);
  return lines.join('\r\n');
}

/** An RFC 2047 encoded word. */
export function word(text: string, charset: Charset, encoding: 'B' | 'Q' = 'B'): string {
  const bytes = encode(text, charset);
  if (encoding === 'B') return `=?${charset}?B?${b64(bytes)}?=`;
  const q = [...bytes].map((b) => (b === 32 ? '_' : (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
  return `=?${charset}?Q?${q}?=`;
}

/** An RFC 2231 file name parameter, split in two continuations as Thunderbird does for long names. */
export function rfc2231Name(name: string, charset: Charset): string {
  const pct = [...encode(name, charset)].map((b) => ((b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b === 46 ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
  const half = Math.floor(pct.length / 2 / 3) * 3;
  const cut = pct.lastIndexOf('%', half) > 0 ? pct.lastIndexOf('%', half) : half;
  return `filename*0*=${charset}''${pct.slice(0, cut)};\r\n filename*1*=${pct.slice(cut)}`;
}

export interface Attachment {
  /** File name as the Content-Disposition parameter (already encoded: `filename="..."`, rfc2231Name, a word). */
  filenameParam: string;
  contentType?: string;
  data: Uint8Array;
  inline?: { contentId: string };
}

export interface LetterSpec {
  from: string;
  to?: string;
  subject: string;
  date?: string;
  text?: { body: string; charset: Charset; encoding: 'base64' | 'quoted-printable' };
  attachments?: Attachment[];
  /** Letters forwarded as attachments (message/rfc822). */
  forwarded?: Uint8Array[];
  extraHeaders?: string[];
}

let boundaries = 0;

/** A letter as a mail program saves it (.eml): multipart/mixed with the text and each attachment in base64. */
export function eml(spec: LetterSpec): Uint8Array {
  const boundary = `----=_Part_${++boundaries}_${Date.now()}`;
  const head = [
    ...(spec.extraHeaders ?? []),
    `From: ${spec.from}`,
    `To: ${spec.to ?? 'coordinator@example.ru'}`,
    `Subject: ${spec.subject}`,
    ...(spec.date ? [`Date: ${spec.date}`] : []),
    `Message-ID: <${boundaries}.${Date.now()}@example.ru>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
  ];
  const parts: string[] = [];
  const text = spec.text ?? { body: 'Добрый день! Направляем отчёт.', charset: 'utf-8', encoding: 'base64' as const };
  const textBytes = encode(text.body, text.charset);
  parts.push(
    [`Content-Type: text/plain; charset=${text.charset}`, `Content-Transfer-Encoding: ${text.encoding}`, '', text.encoding === 'base64' ? b64(textBytes) : quotedPrintable(textBytes)].join('\r\n'),
  );
  for (const a of spec.attachments ?? []) {
    const lines = [`Content-Type: ${a.contentType ?? 'application/octet-stream'}`, 'Content-Transfer-Encoding: base64'];
    if (a.inline) lines.push(`Content-ID: <${a.inline.contentId}>`, `Content-Disposition: inline; ${a.filenameParam}`);
    else lines.push(`Content-Disposition: attachment; ${a.filenameParam}`);
    lines.push('', b64(a.data).replace(/.{76}/g, '$&\r\n'));
    parts.push(lines.join('\r\n'));
  }
  for (const f of spec.forwarded ?? []) parts.push(['Content-Type: message/rfc822', 'Content-Disposition: attachment; filename="forwarded.eml"', '', Buffer.from(f).toString('latin1')].join('\r\n'));
  const body = parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('') + `--${boundary}--\r\n`;
  // Headers as UTF-8 where a test writes them raw (RFC 6532); the body's bytes as they are.
  return new Uint8Array(Buffer.concat([Buffer.from(head.join('\r\n') + '\r\n\r\n', 'utf8'), Buffer.from(body, 'latin1')]));
}

/** A school's workbook sent in a letter of its own, as a school sends its report: dated `sent` (the Date header in UTC). */
export function reportLetter(file: string, xlsx: Uint8Array, sent: Date, school = file.replace(/\.xlsx$/i, '')): Uint8Array {
  return eml({
    from: `${word(school, 'utf-8')} <school@example.ru>`,
    subject: word(`Отчёт о профориентационной кампании — ${school}`, 'utf-8'),
    date: sent.toUTCString().replace('GMT', '+0000'),
    attachments: [{ filenameParam: rfc2231Name(file, 'utf-8'), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data: xlsx }],
  });
}

/** A mailbox (mboxrd) of letters, as Thunderbird keeps a folder: «From » lines between them, «From » in text quoted. */
export function mbox(letters: Uint8Array[]): Uint8Array {
  const text = letters
    .map((l) => `From - Mon Oct 16 10:00:00 2023\r\n${Buffer.from(l).toString('latin1').replace(/^(>*From )/gm, '>$1')}\r\n`)
    .join('');
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

/** A zip written entry by entry, its names as given bytes and flags (Windows' own zip: cp866, no UTF-8 flag). */
export const zipWithNames = (entries: { name: Uint8Array; data: Uint8Array; flags?: number }[]): Uint8Array => rawZip(entries);

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
