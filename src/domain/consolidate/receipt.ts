/**
 * How a received file came, in the register's words: the sender of its letter, and the letters and archives it
 * was found in («письмо от 18.10.2026 14:05, «Отчёт», вложение «отчёт.xlsx»»). Pure.
 */
import { formatReceived } from './cells';
import type { Carrier, Receipt, Sender } from './mergeTypes';

/** «Иванова Анна <sosh1@example.ru>», or the address alone when the letter gives no name. */
export function senderText(s: Sender | undefined): string {
  if (!s) return '';
  if (!s.name || s.name === s.address) return s.address;
  return s.address ? `${s.name} <${s.address}>` : s.name;
}

function carrierText(c: Carrier): string {
  if (c.kind === 'archive') return `архив «${c.name}»`;
  const subject = c.subject.trim() ? `«${c.subject.trim()}»` : 'без темы';
  return `письмо от ${c.date ? formatReceived(c.date) : '(дата не указана)'}, ${subject}`;
}

/**
 * «Входящие.mbox»: письмо от 18.10.2026 14:05, «Отчёт СОШ 1», вложение «отчёт.xlsx» — each letter and archive
 * around the file, outermost first, then the file's own name; '' for a file received on its own.
 */
export function containerText(f: Receipt & { file: string }): string {
  const via = f.via ?? [];
  if (via.length === 0) return '';
  const own = f.file.replace(/^.*[\\/]/, '');
  const first = via[0];
  const saved = first.kind === 'letter' ? `«${first.file}»: ` : '';
  const chain = via.map(carrierText).join(' → ');
  // A letter with nothing attached is itself the line: no «вложение».
  const what = via[via.length - 1].kind === 'archive' ? 'файл' : 'вложение';
  return own && f.notReport !== LETTER_WITHOUT_ATTACHMENTS ? `${saved}${chain}, ${what} «${own}»` : `${saved}${chain}`;
}

/** The reason given for a letter that carried nothing at all (Receipt.notReport). */
export const LETTER_WITHOUT_ATTACHMENTS = 'письмо без вложений: отчёта в нём нет';
