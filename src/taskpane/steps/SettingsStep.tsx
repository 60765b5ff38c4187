/**
 * «Настройки кампании»: season, year, dates typed as дд.мм.гггг, the unit and the coordinator. Each field says
 * what is allowed; changing the season or year asks before replacing dates typed by hand.
 */
import { useEffect, useState } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { defaultSettings, LEVEL_TITLE, SEASON_TITLE, type CampaignSettings, type Season, type UnitLevel } from '../../domain/settings';
import { displayToIso, isoToDisplay } from '../services/dates';
import { DATE_KEYS, FIRST_YEAR, lastYear, settingsIssues, type DateKey } from '../services/settingsRules';
import { Section, useStyles } from '../ui';
import type { Strings } from '../strings';

/** A date typed as дд.мм.гггг in a text field (never the browser's locale-dependent date input). */
function DateField(props: { label: string; iso: string; message?: string; placeholder: string; badDate: string; onIso: (iso: string) => void }) {
  const [text, setText] = useState(isoToDisplay(props.iso));
  useEffect(() => {
    // Settings changed from outside (another season, loaded from the workbook): show them.
    if (displayToIso(text) !== props.iso) setText(isoToDisplay(props.iso));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.iso]);
  const iso = displayToIso(text);
  const message = text.trim() && !iso ? props.badDate : props.message;
  return (
    <Field label={props.label} validationMessage={message}>
      <Input
        value={text}
        inputMode="numeric"
        placeholder={props.placeholder}
        onChange={(_, d) => {
          setText(d.value);
          const v = displayToIso(d.value);
          props.onIso(v ?? d.value);
        }}
      />
    </Field>
  );
}

export function SettingsStep(props: {
  t: Strings;
  settings: CampaignSettings;
  onChange: (s: CampaignSettings) => void;
  onSave: () => void;
  busy: boolean;
  /** Shown once the user tried to go on (save, stamp, merge) with something missing. */
  showAll: boolean;
  today?: Date;
  headingRef?: (el: HTMLHeadingElement | null) => void;
}) {
  const { t, settings: s, onChange } = props;
  const st = useStyles();
  const [tried, setTried] = useState(false);
  const [yearText, setYearText] = useState(String(s.year));
  const [pending, setPending] = useState<{ season: Season; year: number }>();
  useEffect(() => setYearText((y) => (Number(y) === s.year ? y : String(s.year))), [s.year]);
  const today = props.today ?? new Date();
  const issues = settingsIssues(s, { needsUnit: tried || props.showAll, today });
  const messageFor = (field: string) => {
    const i = issues.find((x) => x.field === field);
    return i ? t.settingsIssue(i) : undefined;
  };
  const set = (over: Partial<CampaignSettings>) => onChange({ ...s, ...over });
  const setCoordinator = (over: Partial<CampaignSettings['coordinator']>) => onChange({ ...s, coordinator: { ...s.coordinator, ...over } });
  const withDates = (season: Season, year: number): CampaignSettings => {
    const d = defaultSettings(season, year);
    return { ...s, season, year, windowFrom: d.windowFrom, windowTo: d.windowTo, planDue: d.planDue, schoolReportsDue: d.schoolReportsDue, reportDue: d.reportDue };
  };
  /**
   * Dates differ from the order's for their season and year: someone typed them. (The year of the dates, not the
   * year field, which may hold a half-typed number.)
   */
  const typedByHand = () => {
    const d = defaultSettings(s.season, Number(s.windowFrom.slice(0, 4)) || s.year);
    return DATE_KEYS.some((k) => s[k] !== d[k]);
  };
  const changeCampaign = (season: Season, year: number) => {
    if (typedByHand()) {
      onChange({ ...s, season, year });
      setPending({ season, year });
    } else onChange(withDates(season, year));
  };
  const validYear = (y: number) => Number.isInteger(y) && y >= FIRST_YEAR && y <= lastYear(today);
  const campaignName = (p: { season: Season; year: number }) => `${SEASON_TITLE[p.season].adjective} ${p.year}`;
  return (
    <Section id="settings" title={t.settingsTitle} hint={t.settingsHint} headingRef={props.headingRef}>
      <div className={st.grid}>
        <Field label={t.season}>
          <Select value={s.season} onChange={(_, d) => changeCampaign(d.value as Season, s.year)}>
            <option value="spring">{t.spring}</option>
            <option value="autumn">{t.autumn}</option>
          </Select>
        </Field>
        <Field label={t.year} hint={t.yearHint(FIRST_YEAR, lastYear(today))} validationMessage={messageFor('year')}>
          <Input
            value={yearText}
            inputMode="numeric"
            onChange={(_, d) => {
              setYearText(d.value);
              const y = Number(d.value.trim());
              if (/^\d{4}$/.test(d.value.trim()) && validYear(y)) changeCampaign(s.season, y);
              else set({ year: /^\d+$/.test(d.value.trim()) ? y : NaN });
            }}
          />
        </Field>
        {DATE_KEYS.map((k: DateKey) => (
          <DateField
            key={k}
            label={t[k]}
            iso={s[k]}
            placeholder={t.datePlaceholder}
            badDate={t.settingsIssue({ field: k, kind: 'badDate' })}
            message={messageFor(k)}
            onIso={(v) => set({ [k]: v } as Partial<CampaignSettings>)}
          />
        ))}
      </div>
      <div>
        <Button size="small" disabled={props.busy || !validYear(s.year)} onClick={() => onChange(withDates(s.season, s.year))}>
          {t.resetDates}
        </Button>
      </div>
      <Field label={t.unit} required validationMessage={messageFor('unit')}>
        <Input value={s.unit} onChange={(_, d) => set({ unit: d.value })} placeholder={t.unitPlaceholder} />
      </Field>
      <Field label={t.level}>
        <Select value={s.level} onChange={(_, d) => set({ level: d.value as UnitLevel })}>
          {(Object.keys(LEVEL_TITLE) as UnitLevel[]).map((l) => (
            <option key={l} value={l}>
              {LEVEL_TITLE[l]}
            </option>
          ))}
        </Select>
      </Field>
      <div className={st.grid}>
        <Field label={t.coordinatorName}>
          <Input value={s.coordinator.name} onChange={(_, d) => setCoordinator({ name: d.value })} />
        </Field>
        <Field label={t.coordinatorPost}>
          <Input value={s.coordinator.post} onChange={(_, d) => setCoordinator({ post: d.value })} />
        </Field>
        <Field label={t.coordinatorPhone}>
          <Input type="tel" value={s.coordinator.phone} onChange={(_, d) => setCoordinator({ phone: d.value })} />
        </Field>
        <Field label={t.coordinatorEmail}>
          <Input type="email" value={s.coordinator.email} onChange={(_, d) => setCoordinator({ email: d.value })} />
        </Field>
      </div>
      <Field label={t.orderReference}>
        <Textarea value={s.orderReference} onChange={(_, d) => set({ orderReference: d.value })} resize="vertical" rows={3} />
      </Field>
      <div className={st.row}>
        <Button
          appearance="primary"
          disabledFocusable={props.busy}
          onClick={() => {
            setTried(true);
            if (settingsIssues(s, { needsUnit: true, today }).length === 0) props.onSave();
          }}
        >
          {t.save}
        </Button>
      </div>
      <Dialog open={!!pending} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.replaceDatesTitle}</DialogTitle>
            <DialogContent>{pending && t.replaceDatesText(campaignName(pending))}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => (pending && onChange(withDates(pending.season, pending.year)), setPending(undefined))}>
                {t.replaceDates}
              </Button>
              <Button onClick={() => setPending(undefined)}>{t.keepDates}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </Section>
  );
}
