export { plural, NOUN, type PluralForms } from './plural';
export { formatNumber, formatPercent, countOf, share, NBSP } from './number';
export { formatDate, formatDateRange } from './date';
export { formatList } from './list';
