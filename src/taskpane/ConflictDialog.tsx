/** Asks what to do with a sheet that exists already: never replaced without the user's word. */
import { useEffect, useState } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Radio, RadioGroup, Field } from '@fluentui/react-components';
import type { Conflict, Resolution } from '../excel/applySheetPlans';
import type { Strings } from './strings';

export function ConflictDialog(props: { t: Strings; conflicts: Conflict[] | null; onAnswer: (a: Record<string, Resolution>) => void }) {
  const { t, conflicts } = props;
  const [answers, setAnswers] = useState<Record<string, Resolution>>({});
  useEffect(() => {
    // A copy is the safe default: nothing of the user's is touched.
    setAnswers(Object.fromEntries((conflicts ?? []).map((c) => [c.sheet, 'copy' as Resolution])));
  }, [conflicts]);
  const skipAll = () => props.onAnswer(Object.fromEntries((conflicts ?? []).map((c) => [c.sheet, 'skip' as Resolution])));
  return (
    <Dialog open={!!conflicts} modalType="alert" onOpenChange={(_, d) => !d.open && skipAll()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.conflictTitle}</DialogTitle>
          <DialogContent>
            {(conflicts ?? []).map((c) => (
              <Field key={c.sheet} label={c.reason === 'foreign' ? t.conflictForeign(c.sheet) : t.conflictUserData(c.sheet, c.cells.join(', '))}>
                <RadioGroup value={answers[c.sheet] ?? 'copy'} onChange={(_, d) => setAnswers({ ...answers, [c.sheet]: d.value as Resolution })}>
                  <Radio value="copy" label={t.conflictCopy(c.copyName)} />
                  {c.reason === 'user-data' && <Radio value="replace" label={t.conflictReplace} />}
                  <Radio value="skip" label={t.conflictSkip} />
                </RadioGroup>
              </Field>
            ))}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => props.onAnswer(answers)}>
              {t.continue}
            </Button>
            <Button onClick={skipAll}>{t.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
