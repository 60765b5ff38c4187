import { figuresFromDetail, isYes, reportStatus } from './figures';
import { indicatorValue } from './definitions';
import { campaignInstrumental, campaignLabel, campaignPrepositional, parseCampaignLabel } from './campaign';

describe('figures from the detail sheet', () => {
  it('reads «Получен» / «В срок» as the merge writes them, and as people might', () => {
    expect(['да', 'Да', '18.10.2023 14:05', true, 1].map((v) => isYes(v))).toEqual([true, true, true, true, true]);
    expect(['нет', 'НЕТ', '', '  ', null, false, 0].map((v) => isYes(v))).toEqual([false, false, false, false, false, false, false]);
    expect(reportStatus({ received: '18.10.2023 14:05', onTime: 'да' })).toBe('onTime');
    expect(reportStatus({ received: '20.10.2023 09:00', onTime: 'нет' })).toBe('late');
    expect(reportStatus({ received: '20.10.2023 09:00', onTime: '' })).toBe('received');
    expect(reportStatus({ received: '25.10.2023 10:00', onTime: 'не подтверждён' })).toBe('unconfirmed');
    expect(reportStatus({ received: '25.10.2023 10:00', onTime: 'Не подтверждён' })).toBe('unconfirmed');
    expect(reportStatus({ received: '', onTime: '' })).toBe('missing');
  });

  it('counts teachers’ share only over units that gave the total of teachers', () => {
    const f = figuresFromDetail(
      [
        { unit: 'А', teachers: 30, teachersTotal: 60 },
        { unit: 'Б', teachers: 10, teachersTotal: null },
      ],
      'осенняя кампания 2023 г.',
    );
    expect(f.teachers).toBe(40);
    expect(indicatorValue('teachers', f)).toBe(50);
    expect(indicatorValue('teachersCount', f)).toBe(40);
  });

  it('gives no share where B is zero, and counts what the sheet’s SUM counts: a number stored as text adds nothing', () => {
    const f = figuresFromDetail([{ unit: 'А', participants: '1 234', students: 0 }, { unit: 'Б', participants: 5, students: true }], 'x');
    expect(f.participants).toBe(5);
    expect(indicatorValue('participation', f)).toBeNull();
  });

  it('names campaigns in the cases the note needs', () => {
    const c = { season: 'spring' as const, year: 2023 };
    expect(campaignLabel(c)).toBe('весенняя кампания 2023 г.');
    expect(campaignPrepositional(c)).toBe('весенней кампании 2023 г.');
    expect(campaignInstrumental(c)).toBe('весенней кампанией 2023 г.');
    expect(parseCampaignLabel('осенняя кампания 2022 г.')).toEqual({ season: 'autumn', year: 2022 });
    expect(parseCampaignLabel('свод.xlsx')).toBeNull();
  });
});
