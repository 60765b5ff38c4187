/** A1 addressing helpers shared by the core and both adapters. Rows and columns are 1-based. */

export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export const cellRef = (row: number, col: number): string => `${columnLetter(col)}${row}`;

export const rangeRef = (r1: number, c1: number, r2: number, c2: number): string =>
  `${cellRef(r1, c1)}:${cellRef(r2, c2)}`;

export function parseCell(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`Неверный адрес ячейки: ${ref}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

export function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b] = ref.split(':');
  const p = parseCell(a);
  const q = b ? parseCell(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** Quote a sheet name for use in a formula: 'Свод (детально)'!A1. */
export const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

export const absolute = (row: number, col: number): string => `$${columnLetter(col)}$${row}`;
