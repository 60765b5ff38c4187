/** Lists joined as Russian prose writes them: «МАОУ СОШ № 4, МАОУ СОШ № 5 и гимназия № 29». */

const conjunction = new Intl.ListFormat('ru-RU', { style: 'long', type: 'conjunction' });

export function formatList(items: readonly string[]): string {
  return conjunction.format(items.map((s) => s.trim()).filter((s) => s !== ''));
}
