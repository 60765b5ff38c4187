/** The received files, picked once for both «Проверка» and «Свод»; the count says so. */
import { Caption1 } from '@fluentui/react-components';
import { FilePicker, useStyles } from '../ui';
import type { Strings } from '../strings';
import type { PickedFiles } from './common';

export function FilesBox(props: PickedFiles & { t: Strings; busy: boolean; testId: string }) {
  const { t } = props;
  const st = useStyles();
  return (
    <div className={st.row}>
      <FilePicker label={props.files.length ? t.filesChange : t.pickFiles} multiple disabled={props.busy} onFiles={props.onFiles} testId={props.testId} />
      <Caption1 aria-live="polite" data-testid="files-picked">
        {props.files.length ? t.filesPicked(props.files.length) : t.filesNone}
      </Caption1>
    </div>
  );
}
