/**
 * The coordinator's list of expected organisations, one a line: typed, or pasted from a spreadsheet — a region's
 * list is thousands of lines. The box keeps what is typed to itself and hands the list to the pane when typing
 * pauses or the box is left, so a keystroke redraws the box and its own step (`onDraft`, a moment later: its count,
 * its buttons), not the whole pane: with 5,000 names each keystroke re-rendered every step, set the other step's
 * box to the whole list again and counted it twice (and the blanks' file names once), on top of what the browser's
 * own text box takes for so many lines.
 */
import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { Field, Textarea } from '@fluentui/react-components';

/** A pause in typing this long hands the list to the pane (leaving the box does at once). */
export const UNITS_SETTLE_MS = 400;

export function UnitsListField(props: {
  label: string;
  hint?: string;
  /** The pane's list, and its hand-over. */
  value: string;
  onChange: (text: string) => void;
  /** The text as typed, deferred (React's useDeferredValue): the step counts it and enables its buttons by it. */
  onDraft?: (text: string) => void;
  rows: number;
}) {
  const [text, setText] = useState(props.value);
  // The list the pane has: set by this box when it hands its text over, or by the pane (the other step's box, a file).
  const given = useRef(props.value);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const { onChange, onDraft } = props;
  const draft = useDeferredValue(text);
  useEffect(() => onDraft?.(draft), [draft, onDraft]);
  const handOver = (v: string) => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (v === given.current) return;
    given.current = v;
    onChange(v);
  };
  useEffect(() => {
    // Changed elsewhere: shown here. The box's own hand-over comes back as the same text and changes nothing
    // (what was typed after it stays).
    if (props.value === given.current) return;
    given.current = props.value;
    clearTimeout(timer.current);
    timer.current = undefined;
    setText(props.value);
  }, [props.value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <Field label={props.label} hint={props.hint}>
      <Textarea
        value={text}
        onChange={(_, d) => {
          setText(d.value);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => handOver(d.value), UNITS_SETTLE_MS);
        }}
        onBlur={(e) => handOver(e.currentTarget.value)}
        resize="vertical"
        rows={props.rows}
      />
    </Field>
  );
}
