/** Names of the sheets the add-in generates and owns (the user's other sheets are only read). */
export const SHEET = {
  plan: 'Прил. 2 План',
  report: 'Прил. 3 Отчёт',
  monitoring: 'Мониторинг',
  detail: 'Свод по ОО',
  consolidatedReport: 'Прил. 3 Свод',
  consolidatedPlan: 'Прил. 2 Свод',
  partners: 'Партнёры',
  register: 'Реестр отчётов',
  indicators: 'Показатели',
  note: 'Аналитическая справка',
  settings: 'ПК_Настройки',
} as const;
