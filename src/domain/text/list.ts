/** Lists joined as Russian prose writes them: «МАОУ СОШ № 4, МАОУ СОШ № 5 и гимназия № 29». */

// Made when first needed, as Intl's other formats here: making one loads its locale data (12 ms for this one), and a
// thread that never words a list — the command line's reading workers — should not pay for it at start.
let conjunction: Intl.ListFormat | undefined;

export function formatList(items: readonly string[]): string {
  conjunction ??= new Intl.ListFormat('ru-RU', { style: 'long', type: 'conjunction' });
  return conjunction.format(items.map((s) => s.trim()).filter((s) => s !== ''));
}
