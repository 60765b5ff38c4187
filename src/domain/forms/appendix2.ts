/** Appendix 2 «Сводный план Кампании»: the plan table. */
import { leaf, type HeaderNode } from './headers';
import { H } from './officialText';

export const planTable: HeaderNode[] = [
  leaf('level', H.level, 'level'),
  leaf('name', H.eventName, 'text'),
  leaf('dates', H.dates, 'date'),
  leaf('targetGroup', H.targetGroup, 'text'),
  leaf('expectedParticipants', H.expectedParticipants, 'count'),
  leaf('expectedResults', H.expectedResults, 'text'),
  leaf('responsible', H.responsible, 'text'),
];
