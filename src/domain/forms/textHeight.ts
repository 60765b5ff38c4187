/**
 * Row height (points) that shows wrapped text whole: Excel does not grow rows of merged cells by itself, so the
 * stamper sizes header and caption rows from the text. An estimate — a line holds about as many characters as
 * the column is wide (bold and capitals run wider, hence the margin).
 */
export function textHeight(text: string, widthChars: number, fontSize = 11, bold = false): number {
  const perLine = Math.max(4, Math.floor(widthChars * (11 / fontSize) * (bold ? 0.88 : 0.95)));
  const lines = text
    .split('\n')
    .reduce((n, p) => n + Math.max(1, Math.ceil(p.trim().length / perLine)), 0);
  return Math.ceil(lines * fontSize * 1.32 + 4);
}
