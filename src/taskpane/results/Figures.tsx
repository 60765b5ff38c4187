/**
 * The campaign's headline figures on screen after a merge, and two small charts: the same numbers as the
 * «Показатели» sheet, computed by the core (services/screenFigures.ts), only laid out here.
 */
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { formatNumber, formatPercent } from '../../domain/text';
import { CARD_KEYS, type CardKey, type ScreenFigures } from '../services/screenFigures';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px' },
  h3: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: '4px 0 0' },
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', gap: '6px', margin: 0 },
  card: { padding: '6px 8px', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3, display: 'flex', flexDirection: 'column', gap: '2px' },
  term: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0, lineHeight: tokens.lineHeightBase500 },
  sub: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, margin: 0 },
  chart: { width: '100%', maxWidth: '380px', height: 'auto', display: 'block' },
  legend: { display: 'flex', flexWrap: 'wrap', gap: '2px 12px', margin: '4px 0 0', padding: 0, listStyle: 'none', fontSize: tokens.fontSizeBase200 },
  swatch: { display: 'inline-block', width: '10px', height: '10px', marginRight: '4px' },
  partners: { margin: 0, paddingLeft: '18px', fontSize: tokens.fontSizeBase200 },
});

const pct = (x: number | null) => (x === null ? '—' : formatPercent(x));

/** What a card shows: X of the indicator, and under a share the same indicator's A and B. */
export function figureCards(t: Strings, f: ScreenFigures): { id: CardKey; term: string; value: string; sub?: string }[] {
  const TERM: Record<CardKey, string> = {
    participation: t.figParticipants,
    ovzParticipation: t.figOvz,
    teachersCount: t.figTeachers,
    events: t.figEvents,
    schoolsActive: t.figSchoolsActive,
    reportsOnTime: t.figOnTime,
  };
  const teachersShare = f.indicators.teachers.x;
  return CARD_KEYS.map((id) => {
    const i = f.indicators[id];
    if (i.kind === 'count') {
      const sub = id === 'teachersCount' && teachersShare !== null ? t.figTeachersShare(teachersShare) : undefined;
      return { id, term: TERM[id], value: formatNumber(i.a), sub };
    }
    return { id, term: TERM[id], value: pct(i.x), sub: id === 'reportsOnTime' ? t.figReports(f.reports) : t.figOf(i.a, i.b ?? 0) };
  });
}

export function Figures(props: { t: Strings; f: ScreenFigures }) {
  const { t, f } = props;
  const s = useStyles();
  const cards = figureCards(t, f);
  return (
    <section className={s.root} aria-labelledby="figures-h" data-testid="figures">
      <h3 className={s.h3} id="figures-h">
        {t.figuresTitle(f.label, f.campaign)}
      </h3>
      <dl className={s.cards}>
        {cards.map((c) => (
          <div key={c.id} className={s.card} data-figure={c.id}>
            <dt className={s.term}>{c.term}</dt>
            <dd className={s.value} data-value>
              {c.value}
            </dd>
            {c.sub && <dd className={s.sub}>{c.sub}</dd>}
          </div>
        ))}
      </dl>
      <GradeChart t={t} f={f} />
      <ReportsChart t={t} f={f} />
      <div>
        <Caption1>{t.figPartners}</Caption1>
        <ul className={s.partners}>
          {f.partners.map((p) => (
            <li key={p.category}>
              {t.partnerCategory(p.category, p.title)}: {formatNumber(p.count)}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/** Participants by grade, one bar a grade (SVG: no chart library for seven bars). */
function GradeChart({ t, f }: { t: Strings; f: ScreenFigures }) {
  const s = useStyles();
  const max = Math.max(1, ...f.grades.map((g) => g.participants));
  const rowH = 18;
  const labelW = 56;
  const W = 300;
  const label = f.grades.map((g) => `${t.grade(g.grade)}: ${formatNumber(g.participants)}`).join('; ');
  return (
    <figure style={{ margin: 0 }}>
      <Caption1 as="p" style={{ margin: '0 0 2px' }}>
        {t.figByGrade}
      </Caption1>
      <svg className={s.chart} viewBox={`0 0 ${W} ${f.grades.length * rowH}`} role="img" aria-label={`${t.figByGrade}: ${label}`}>
        {f.grades.map((g, i) => {
          const w = ((W - labelW - 60) * g.participants) / max;
          return (
            <g key={g.grade} transform={`translate(0 ${i * rowH})`}>
              <text x={0} y={13} fontSize={11} fill="currentColor">
                {t.grade(g.grade)}
              </text>
              <rect x={labelW} y={3} width={Math.max(w, g.participants > 0 ? 1 : 0)} height={rowH - 6} rx={2} fill={tokens.colorBrandBackground} />
              <text x={labelW + w + 4} y={13} fontSize={11} fill="currentColor">
                {formatNumber(g.participants)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** The reports bar's parts (organisations), in order; «срок не подтверждён» only when there are such. */
export function reportParts(t: Strings, f: ScreenFigures): { key: string; n: number; color: string; title: string }[] {
  const all = [
    { key: 'onTime', n: f.reports.onTime, color: tokens.colorPaletteGreenBackground3, title: t.legendOnTime },
    // Merged, but no date proves them on time (a save's date, or no deadline set): never painted as on time.
    { key: 'unconfirmed', n: f.reports.unconfirmed + f.reports.received, color: tokens.colorNeutralStrokeAccessible, title: t.legendUnconfirmed },
    { key: 'late', n: f.reports.late, color: tokens.colorPaletteMarigoldBackground3, title: t.legendLate },
    { key: 'refused', n: f.reports.refused, color: tokens.colorPaletteDarkOrangeBackground3, title: t.legendRefused },
    { key: 'missing', n: f.reports.missing, color: tokens.colorPaletteRedBackground3, title: t.legendMissing },
  ];
  return all.filter((p) => p.n > 0 || p.key !== 'unconfirmed');
}

/** Reports on time / late / missing as one stacked bar. */
function ReportsChart({ t, f }: { t: Strings; f: ScreenFigures }) {
  const s = useStyles();
  const parts = reportParts(t, f);
  const total = parts.reduce((n, p) => n + p.n, 0);
  if (!total) return null;
  const W = 300;
  let x = 0;
  const label = parts.map((p) => `${p.title}: ${formatNumber(p.n)}`).join('; ');
  return (
    <figure style={{ margin: 0 }}>
      <Caption1 as="p" style={{ margin: '0 0 2px' }}>
        {t.figReportsChart}
      </Caption1>
      <svg className={s.chart} viewBox={`0 0 ${W} 14`} role="img" aria-label={`${t.figReportsChart}: ${label}`}>
        {parts.map((p) => {
          const w = (W * p.n) / total;
          const el = <rect key={p.key} x={x} y={0} width={w} height={14} fill={p.color} />;
          x += w;
          return el;
        })}
      </svg>
      <ul className={s.legend} aria-hidden="true">
        {parts.map((p) => (
          <li key={p.key}>
            <span className={s.swatch} style={{ backgroundColor: p.color }} />
            {p.title} {formatNumber(p.n)}
          </li>
        ))}
      </ul>
      {f.receipt && (
        <Caption1 as="p" style={{ margin: '2px 0 0' }}>
          {t.receiptLine(f.receipt)}
        </Caption1>
      )}
    </figure>
  );
}
