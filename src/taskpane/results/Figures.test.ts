/**
 * A share's per cent and its «A из B» on a card come from one indicator: with schools missing the card reads
 * «92 %» over «61 из 66», never «92 %» over «61 из 61»; after one school of fifty is merged, «2 %» over «1 из 50».
 */
import { figureCards, reportParts } from './Figures';
import { figuresFromCampaign } from '../services/screenFigures';
import { STRINGS } from '../strings';
import { campaignFigures, indicatorFigure, noteParagraphs } from '../../domain/indicators';
import { summarySample } from '../../../test/support/summarySample';
import { municipalSettings } from '../../domain/sample/schoolWorkbooks';

const t = STRINGS.ru;
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const card = (cards: ReturnType<typeof figureCards>, id: string) => {
  const c = cards.find((x) => x.id === id)!;
  return { value: plain(c.value), sub: c.sub && plain(c.sub) };
};

describe('a share and its fraction agree on the pane and in the note', () => {
  it('five schools missing: 92 % of schools, «61 из 66», on the card and in the note', () => {
    const missing = ['МОУ СОШ № 901', 'МОУ СОШ № 902', 'МОУ СОШ № 903', 'МОУ СОШ № 904', 'МОУ СОШ № 905'];
    const sample = summarySample({ schools: 61, missing });
    const settings = municipalSettings();
    const f = campaignFigures(sample.result, settings);
    const cards = figureCards(t, figuresFromCampaign(f));
    expect(card(cards, 'schoolsActive')).toEqual({ value: '92 %', sub: '61 из 66' });
    // The other shares: per cent and fraction from the same A and B.
    for (const id of ['participation', 'ovzParticipation'] as const) {
      const i = indicatorFigure(id, f);
      expect(card(cards, id)).toEqual({ value: `${i.x} %`, sub: `${plain(t.figOf(i.a, i.b!))}` });
    }
    const note = noteParagraphs(f, { settings }).map((p) => plain(p.text));
    expect(note).toContain('Профориентационные мероприятия в период кампании организовала 61 общеобразовательная организация из 66, что составляет 92 % от общего их числа.');
  });

  it('one school merged of fifty expected: «2 %» over «1 из 50»', () => {
    const missing = Array.from({ length: 49 }, (_, i) => `МОУ СОШ № ${900 + i}`);
    const sample = summarySample({ schools: 1, missing });
    const cards = figureCards(t, figuresFromCampaign(campaignFigures(sample.result, municipalSettings())));
    expect(card(cards, 'schoolsActive')).toEqual({ value: '2 %', sub: '1 из 50' });
  });
});

it('attachments saved after the deadline are drawn as «срок не подтверждён», never in the on-time colour', () => {
  const f = { ...figuresFromCampaign(campaignFigures(summarySample({ schools: 3 }).result, municipalSettings())), reports: { onTime: 1, late: 0, unconfirmed: 2, received: 0, refused: 0, missing: 0 } };
  expect(reportParts(t, f).map((p) => [p.key, p.n])).toEqual([['onTime', 1], ['unconfirmed', 2], ['late', 0], ['refused', 0], ['missing', 0]]);
  expect(reportParts(t, { ...f, reports: { ...f.reports, unconfirmed: 0 } }).map((p) => p.key)).not.toContain('unconfirmed');
});
