/** Russian plural forms: 1 педагог, 2 педагога, 5 педагогов (the choice is Intl's CLDR rules for «ru»). */

/** The three forms of a noun: for 1 (21, 101…), for 2–4 (22…), for 5–20 and the rest. */
export type PluralForms = readonly [one: string, few: string, many: string];

const rules = new Intl.PluralRules('ru-RU');

/** The form that agrees with `n`. Fractions take the «few» form: 2,5 педагога. */
export function plural(n: number, forms: PluralForms): string {
  switch (rules.select(n)) {
    case 'one':
      return forms[0];
    case 'few':
      return forms[1];
    case 'many':
      return forms[2];
    default:
      return forms[1];
  }
}

/** Common nouns of the reports, in their three forms. */
export const NOUN = {
  pupil: ['обучающийся', 'обучающихся', 'обучающихся'],
  teacher: ['педагог', 'педагога', 'педагогов'],
  school: ['общеобразовательная организация', 'общеобразовательные организации', 'общеобразовательных организаций'],
  organisation: ['организация', 'организации', 'организаций'],
  event: ['мероприятие', 'мероприятия', 'мероприятий'],
  careerEvent: ['профориентационное мероприятие', 'профориентационных мероприятия', 'профориентационных мероприятий'],
  company: ['производственная компания', 'производственные компании', 'производственных компаний'],
  entrepreneur: ['предприниматель', 'предпринимателя', 'предпринимателей'],
  partner: ['партнёр', 'партнёра', 'партнёров'],
  unit: ['организация', 'организации', 'организаций'],
  point: ['процентный пункт', 'процентных пункта', 'процентных пунктов'],
  report: ['отчёт', 'отчёта', 'отчётов'],
} as const satisfies Record<string, PluralForms>;
