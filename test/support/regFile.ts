/**
 * A .reg file read the way Registry Editor imports it, by the syntax Microsoft gives in «How to add, modify, or delete
 * registry subkeys and values by using a .reg file» (KB 310516): the first line is the editor's version —
 * «Windows Registry Editor Version 5.00» (a Unicode file: regedit 5 writes UTF-16LE with a byte-order mark) or
 * «REGEDIT4» (ANSI) —, then a blank line, then keys in square brackets with the full, unabbreviated root name
 * (HKEY_CURRENT_USER, not HKCU), each followed by its values: "name"=… (or @ for the default value), a string in
 * quotes, dword:eight hex digits, or hex(…):bytes. Inside a quoted string only \\ and \" are escapes: a single «\»
 * before anything else is how a path written undoubled breaks (Microsoft's catalog page: «Any \ characters in the
 * URL must be doubled»). Test support only: what regedit does, strictly enough that a broken file fails.
 */

export type RegValue = { type: 'REG_SZ'; data: string } | { type: 'REG_DWORD'; data: number } | { type: `hex(${string})` | 'hex'; data: number[] };
/** Key path → value name («@» for the default) → value. */
export type RegTree = Map<string, Map<string, RegValue>>;

const ROOTS = ['HKEY_LOCAL_MACHINE', 'HKEY_CURRENT_USER', 'HKEY_CLASSES_ROOT', 'HKEY_USERS', 'HKEY_CURRENT_CONFIG'];
export const REG5_HEADER = 'Windows Registry Editor Version 5.00';

/** The file's text as regedit decodes it: UTF-16LE after its byte-order mark for a version 5 file. */
export function regText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  const ansi = bytes.toString('latin1');
  if (ansi.startsWith('REGEDIT4')) return ansi;
  throw new Error('не UTF-16LE с меткой порядка байтов и не REGEDIT4: regedit не узнает файл реестра');
}

/** A quoted string's contents (after the opening quote) up to its closing quote; `rest` is what follows it. */
function readQuoted(s: string, line: number): { text: string; rest: string } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') return { text: out, rest: s.slice(i + 1) };
    if (c === '\\') {
      const n = s[++i];
      if (n !== '\\' && n !== '"') throw new Error(`строка ${line}: «\\${n ?? ''}» — не «\\\\» и не «\\"»: обратная косая черта в строке должна быть удвоена`);
      out += n;
    } else out += c;
  }
  throw new Error(`строка ${line}: нет закрывающей кавычки`);
}

export function parseRegFile(bytes: Buffer): RegTree {
  const text = regText(bytes);
  // Lines end in CRLF as regedit writes them; a hex value may go on after a trailing backslash.
  const lines = text.split('\r\n');
  if (lines.some((l) => /[\r\n]/.test(l))) throw new Error('строки разделены не CRLF');
  if (lines[0] !== REG5_HEADER && lines[0] !== 'REGEDIT4') throw new Error(`первая строка «${lines[0]}» — не заголовок файла реестра`);
  if (lines[1] !== '') throw new Error('после заголовка нужна пустая строка');
  const tree: RegTree = new Map();
  let key: Map<string, RegValue> | undefined;
  for (let n = 2; n < lines.length; n++) {
    let l = lines[n];
    if (l === '' || l.startsWith(';')) continue;
    if (l.startsWith('[')) {
      if (!l.endsWith(']')) throw new Error(`строка ${n + 1}: раздел без «]»`);
      const path = l.slice(1, -1);
      if (!ROOTS.includes(path.split('\\')[0])) throw new Error(`строка ${n + 1}: «${path.split('\\')[0]}» — не полное имя корневого раздела`);
      key = tree.get(path) ?? new Map();
      tree.set(path, key);
      continue;
    }
    if (!key) throw new Error(`строка ${n + 1}: значение до первого раздела`);
    while (l.endsWith('\\') && n + 1 < lines.length) l = l.slice(0, -1) + lines[++n].trimStart();
    let name: string;
    let rest: string;
    if (l.startsWith('@=')) [name, rest] = ['@', l.slice(2)];
    else if (l.startsWith('"')) {
      const q = readQuoted(l.slice(1), n + 1);
      if (!q.rest.startsWith('=')) throw new Error(`строка ${n + 1}: после имени значения нет «=»`);
      [name, rest] = [q.text, q.rest.slice(1)];
    } else throw new Error(`строка ${n + 1}: «${l}» — ни раздел, ни значение`);
    if (rest.startsWith('"')) {
      const q = readQuoted(rest.slice(1), n + 1);
      if (q.rest !== '') throw new Error(`строка ${n + 1}: лишнее после строки: «${q.rest}»`);
      key.set(name, { type: 'REG_SZ', data: q.text });
    } else if (/^dword:[0-9a-fA-F]{8}$/.test(rest)) key.set(name, { type: 'REG_DWORD', data: parseInt(rest.slice(6), 16) });
    else if (/^hex(\([0-9a-fA-F]+\))?:([0-9a-fA-F]{2}(,[0-9a-fA-F]{2})*)?$/.test(rest)) {
      const [kind, bytesText] = rest.split(':');
      key.set(name, { type: kind as 'hex', data: bytesText ? bytesText.split(',').map((b) => parseInt(b, 16)) : [] });
    } else throw new Error(`строка ${n + 1}: значение «${rest}» regedit не примет`);
  }
  return tree;
}
