/**
 * Organisations after a check or a merge, problems first: status, file, errors, warnings; «только требующие
 * внимания»; one organisation's located problems on demand. Shown a page at a time, so 1,000 rows stay light.
 */
import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, Caption1, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import type { Problem } from '../../domain/problems';
import { needsAttention, type OrgRow, type OrgStatus } from '../services/organisations';
import { ProblemList } from '../ui';
import type { Strings } from '../strings';

export const PAGE = 50;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '6px' },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 12px' },
  list: { margin: 0, padding: 0, listStyle: 'none', borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  item: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gap: '2px 8px',
    width: '100%',
    padding: '6px 4px',
    textAlign: 'left',
    background: 'none',
    border: 'none',
    color: 'inherit',
    font: 'inherit',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  unit: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  meta: { gridColumn: '1 / -1', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  details: { padding: '4px 4px 10px', display: 'flex', flexDirection: 'column', gap: '4px' },
  pager: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px' },
});

const COLOR: Record<OrgStatus, 'danger' | 'warning' | 'success' | 'informative' | 'subtle'> = {
  unreadable: 'danger',
  refused: 'danger',
  missing: 'danger',
  checkedErrors: 'danger',
  withErrors: 'warning',
  late: 'warning',
  unconfirmed: 'warning',
  checkedWarnings: 'warning',
  superseded: 'informative',
  received: 'informative',
  onTime: 'success',
  checkedClean: 'success',
};

export function OrgTable(props: { t: Strings; rows: OrgRow[]; label: string; onShow?: (p: Problem) => void }) {
  const { t, rows } = props;
  const s = useStyles();
  const attention = useMemo(() => rows.filter(needsAttention), [rows]);
  const [onlyAttention, setOnlyAttention] = useState(attention.length > 0);
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<string>();
  useEffect(() => {
    setPage(0);
    setOpen(undefined);
    setOnlyAttention(attention.length > 0);
  }, [rows, attention]);
  const shown = onlyAttention ? attention : rows;
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const at = Math.min(page, pages - 1);
  const slice = shown.slice(at * PAGE, at * PAGE + PAGE);
  return (
    <section className={s.root} aria-label={props.label} data-testid="org-table">
      <div className={s.bar}>
        <Checkbox
          checked={onlyAttention}
          onChange={(_, d) => {
            setOnlyAttention(!!d.checked);
            setPage(0);
          }}
          label={t.onlyAttention(attention.length)}
        />
        <Caption1>{t.rowsShown(shown.length, rows.length)}</Caption1>
      </div>
      {shown.length === 0 ? (
        <Caption1>{t.nothingNeedsAttention}</Caption1>
      ) : (
        <ul className={s.list}>
          {slice.map((r) => {
            const isOpen = open === r.id;
            return (
              <li key={r.id} className={s.item}>
                <button type="button" className={s.row} aria-expanded={isOpen} onClick={() => setOpen(isOpen ? undefined : r.id)}>
                  <span className={s.unit}>{r.unit || (r.status === 'unreadable' ? r.file : t.unitUnknown)}</span>
                  <Badge appearance="tint" color={COLOR[r.status]} shape="rounded">
                    {t.orgStatus(r.status, r.errors)}
                  </Badge>
                  <span className={s.meta}>{t.orgMeta(r)}</span>
                </button>
                {isOpen && (
                  <div className={s.details}>
                    {/* The reasons and problems are the core's, worded as the Russian forms are: said so in English. */}
                    {t.coreRussian && (r.reason || r.problems.length > 0) && <Caption1 italic>{t.coreRussian}</Caption1>}
                    {r.reason && <Caption1>{r.reason}</Caption1>}
                    {r.supersededFiles.length > 0 && <Caption1>{t.supersededFiles(r.supersededFiles)}</Caption1>}
                    {r.otherFiles.map((f) => (
                      <Caption1 key={f}>{f}</Caption1>
                    ))}
                    {r.problems.length > 0 ? <ProblemList problems={r.problems} t={t} onShow={props.onShow} /> : r.status !== 'missing' && !r.reason && <Caption1>{t.noProblems}</Caption1>}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {pages > 1 && (
        <nav className={s.pager} aria-label={t.pages}>
          <Button size="small" disabled={at === 0} onClick={() => setPage(at - 1)}>
            {t.prevPage}
          </Button>
          <Caption1 aria-live="polite">{t.pageOf(at * PAGE + 1, Math.min(shown.length, at * PAGE + PAGE), shown.length)}</Caption1>
          <Button size="small" disabled={at >= pages - 1} onClick={() => setPage(at + 1)}>
            {t.nextPage}
          </Button>
        </nav>
      )}
    </section>
  );
}
