/** «Настройки кампании»: season, year, dates and the header lines; defaults from the order's calendar. */
import { useState } from 'react';
import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { defaultSettings, LEVEL_TITLE, settingsProblems, type CampaignSettings, type Season, type UnitLevel } from '../domain/settings';
import { Section, useStyles } from './ui';
import type { Strings } from './strings';

type DateKey = 'windowFrom' | 'windowTo' | 'planDue' | 'schoolReportsDue' | 'reportDue';
const DATE_KEYS: DateKey[] = ['windowFrom', 'windowTo', 'planDue', 'schoolReportsDue', 'reportDue'];

export function SettingsSection(props: {
  t: Strings;
  settings: CampaignSettings;
  onChange: (s: CampaignSettings) => void;
  onSave: () => void;
  busy: boolean;
  headingRef?: (el: HTMLHeadingElement | null) => void;
}) {
  const { t, settings: s, onChange } = props;
  const st = useStyles();
  const [tried, setTried] = useState(false);
  const problems = settingsProblems(s);
  const problemFor = (title: string) => (tried || problems.length ? problems.find((p) => p.includes(title)) : undefined);
  const set = (over: Partial<CampaignSettings>) => onChange({ ...s, ...over });
  const setCoordinator = (over: Partial<CampaignSettings['coordinator']>) => onChange({ ...s, coordinator: { ...s.coordinator, ...over } });
  // The order's calendar for another season or year, keeping what the user typed about the unit.
  const resetDates = (season: Season, year: number) => {
    const d = defaultSettings(season, year);
    onChange({ ...s, season, year, windowFrom: d.windowFrom, windowTo: d.windowTo, planDue: d.planDue, schoolReportsDue: d.schoolReportsDue, reportDue: d.reportDue });
  };
  const dateTitle: Record<DateKey, string> = {
    windowFrom: 'начало кампании',
    windowTo: 'окончание кампании',
    planDue: 'срок плана',
    schoolReportsDue: 'срок отчётов школ',
    reportDue: 'срок отчёта',
  };
  return (
    <Section id="settings" title={t.settingsTitle} hint={t.settingsHint} headingRef={props.headingRef}>
      <div className={st.grid}>
        <Field label={t.season}>
          <Select value={s.season} onChange={(_, d) => resetDates(d.value as Season, s.year)}>
            <option value="spring">{t.spring}</option>
            <option value="autumn">{t.autumn}</option>
          </Select>
        </Field>
        <Field label={t.year} validationMessage={problems.find((p) => p.startsWith('Год'))}>
          <Input
            type="number"
            value={String(s.year)}
            min={2000}
            max={2100}
            onChange={(_, d) => {
              const y = Number(d.value);
              if (Number.isInteger(y) && y >= 2000 && y <= 2100) resetDates(s.season, y);
              else set({ year: y });
            }}
          />
        </Field>
        {DATE_KEYS.map((k) => (
          <Field key={k} label={t[k]} validationMessage={problemFor(dateTitle[k]) ?? (k === 'windowTo' ? problems.find((p) => p.startsWith('Начало кампании позже')) : undefined)}>
            <Input type="date" value={s[k]} onChange={(_, d) => set({ [k]: d.value } as Partial<CampaignSettings>)} />
          </Field>
        ))}
      </div>
      {/* Beside the dates it resets (after «Сохранить» it read as a second way to save). */}
      <div>
        <Button size="small" disabled={props.busy} onClick={() => resetDates(s.season, s.year)}>
          {t.resetDates}
        </Button>
      </div>
      <Field label={t.unit}>
        <Input value={s.unit} onChange={(_, d) => set({ unit: d.value })} placeholder="Например: Александровский район" />
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
        {/* A long line: wrapped so it can be read whole in a narrow pane. */}
        <Textarea value={s.orderReference} onChange={(_, d) => set({ orderReference: d.value })} resize="vertical" rows={3} />
      </Field>
      <div className={st.row}>
        <Button
          appearance="primary"
          disabled={props.busy}
          onClick={() => {
            setTried(true);
            if (problems.length === 0) props.onSave();
          }}
        >
          {t.save}
        </Button>
      </div>
    </Section>
  );
}
