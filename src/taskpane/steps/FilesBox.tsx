/**
 * The received files, picked once for both «Проверка» and «Свод»; the count says so. Files and letters can also be
 * dropped on the box (a letter dragged from Outlook's list arrives as a .msg file, from a mail program's list as an
 * .eml): the browser's drop gives them as File objects, like the dialog.
 */
import { useState } from 'react';
import { Caption1, tokens } from '@fluentui/react-components';
import { FilePicker, useStyles } from '../ui';
import type { Strings } from '../strings';
import type { PickedFiles } from './common';

export function FilesBox(props: PickedFiles & { t: Strings; busy: boolean; testId: string }) {
  const { t } = props;
  const st = useStyles();
  const [over, setOver] = useState(false);
  const hasFiles = (e: React.DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  return (
    <div
      className={st.row}
      data-testid={`${props.testId}-drop`}
      style={{ outline: over ? `2px dashed ${tokens.colorBrandStroke1}` : undefined, outlineOffset: 4 }}
      onDragOver={(e) => {
        if (props.busy || !hasFiles(e)) return;
        e.preventDefault(); // allows the drop
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        if (props.busy || !hasFiles(e)) return;
        e.preventDefault();
        const files = Array.from(e.dataTransfer.files);
        if (files.length) props.onFiles(files);
      }}
    >
      <FilePicker label={props.files.length ? t.filesChange : t.pickFiles} multiple disabled={props.busy} onFiles={props.onFiles} testId={props.testId} />
      <Caption1 aria-live="polite" data-testid="files-picked">
        {props.files.length ? t.filesPicked(props.files.length) : t.filesNone}
      </Caption1>
      <Caption1>{t.dropFiles}</Caption1>
    </div>
  );
}
