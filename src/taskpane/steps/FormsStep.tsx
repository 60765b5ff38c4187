/** «Формы»: the unit's own plan and report forms, and the blanks for every expected organisation. */
import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import { stampAppendix2 } from '../../domain/forms/stampAppendix2';
import { stampAppendix3 } from '../../domain/forms/stampAppendix3';
import { BlanksPanel } from '../BlanksPanel';
import { campaignTag, Outcome, Section, useStyles, type Message } from '../ui';
import { outcomeMessage } from './outcome';
import { RunBar, type StepProps } from './common';

export function FormsStep(p: StepProps & { expected: string; onExpected: (text: string) => void; onWritten: () => void }) {
  const { t, host, settings } = p;
  const st = useStyles();
  const [msg, setMsg] = useState<Message>();
  const stamp = (form: 'plan' | 'report') =>
    p.act(
      form === 'plan' ? t.stampPlan : t.stampReport,
      async () => {
        const plan = form === 'plan' ? stampAppendix2(settings) : stampAppendix3(settings);
        const o = await host.deliver({ sheets: [plan] }, settings, `${plan.name} — ${settings.unit.trim()} — ${campaignTag(settings)}.xlsx`, p.ask);
        p.onWritten();
        return outcomeMessage(o);
      },
      setMsg,
      { needsUnit: true },
    );
  return (
    <Section id="forms" title={t.formsTitle} hint={host.mode === 'excel' ? t.formsHintExcel : t.formsHintBrowser} headingRef={p.headingRef}>
      <div className={st.row}>
        <Button appearance="primary" disabledFocusable={p.busy} onClick={() => stamp('plan')}>
          {t.stampPlan}
        </Button>
        <Button appearance="primary" disabledFocusable={p.busy} onClick={() => stamp('report')}>
          {t.stampReport}
        </Button>
      </div>
      <RunBar t={t} running={p.running} />
      <Outcome m={msg} />
      <BlanksPanel t={t} host={host} settings={settings} busy={p.busy} act={p.act} units={p.expected} onUnits={p.onExpected} />
    </Section>
  );
}
