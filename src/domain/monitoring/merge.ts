/**
 * The monitoring rows of many units' received files → one row per unit, like the report rows: the latest file of a
 * unit counts, a second row of one unit in one file is refused, files refused for errors give no rows. Every row
 * that came in is counted as merged, superseded or refused.
 */
import { unitKey } from '../consolidate/names';
import { FIX_OR_MERGE_WITH_ERRORS, isUnreadable, type MergePolicy, type MonitoringFate, type MonitoringMerge, type MonitoringUnit, type ReceivedFile, type Tally } from '../consolidate/mergeTypes';
import type { MonitoringRow } from './types';

export type { MonitoringFate, MonitoringMerge, MonitoringUnit } from '../consolidate/mergeTypes';

interface Candidate {
  key: string;
  unit: string;
  fileIndex: number;
  received: string;
  row: MonitoringRow;
  fate: MonitoringFate;
}

/**
 * `order` lists unit keys in the order the report's units were merged: the monitoring rows follow it, units that
 * sent only the monitoring form come after, in the order received.
 */
export function mergeMonitoring(files: ReceivedFile[], expectedUnits: string[], policy: MergePolicy, order: string[] = []): MonitoringMerge {
  const expected = new Map<string, string>();
  for (const u of expectedUnits) if (u.trim() && !expected.has(unitKey(u))) expected.set(unitKey(u), u.trim());
  const hasList = expected.size > 0;
  const rows: MonitoringFate[] = [];
  const candidates: Candidate[] = [];
  files.forEach((f, fileIndex) => {
    if (isUnreadable(f) || !f.read.monitoring) return;
    const form = f.read.monitoring;
    const hasErrors = f.problems.some((p) => p.severity === 'error');
    for (const row of form.rows) {
      const raw = (row.unit.value ?? (form.rows.length === 1 ? form.header.unit : '')).trim();
      const unit = expected.get(unitKey(raw)) ?? raw;
      const fate: MonitoringFate = { fileIndex, source: row.source, unit, outcome: 'merged', reason: '' };
      rows.push(fate);
      if (!raw) {
        fate.outcome = 'refused';
        fate.reason = `не указана организация: впишите её в строку ${row.source.row} листа «${row.source.sheet}»`;
      } else if (policy === 'refuse-errors' && hasErrors) {
        fate.outcome = 'refused';
        fate.reason = `в файле есть ошибки; ${FIX_OR_MERGE_WITH_ERRORS}`;
      } else candidates.push({ key: unitKey(raw), unit, fileIndex, received: f.received, row, fate });
    }
  });
  const later = (a: Candidate, b: Candidate) => (a.received !== b.received ? a.received > b.received : a.fileIndex > b.fileIndex);
  const winner = new Map<string, Candidate>();
  for (const c of candidates) {
    const w = winner.get(c.key);
    if (!w || (c.fileIndex !== w.fileIndex && later(c, w))) winner.set(c.key, c);
  }
  const units: MonitoringUnit[] = [];
  for (const c of candidates) {
    const w = winner.get(c.key)!;
    if (w === c) {
      const f = files[c.fileIndex];
      units.push({ unit: c.unit, key: c.key, onList: hasList ? expected.has(c.key) : null, file: f.file, received: f.received, row: c.row });
    } else if (w.fileIndex === c.fileIndex) {
      c.fate.outcome = 'refused';
      c.fate.reason = `организация «${c.unit}» указана в форме мониторинга дважды; принята строка ${w.row.source.row}`;
    } else {
      c.fate.outcome = 'superseded';
      c.fate.reason = `в своде файл «${files[w.fileIndex].file}»`;
    }
  }
  const rank = new Map(order.map((k, i) => [k, i]));
  const at = (u: MonitoringUnit) => rank.get(u.key) ?? order.length;
  units.sort((a, b) => at(a) - at(b));
  const tally: Tally = { received: rows.length, merged: 0, superseded: 0, refused: 0 };
  for (const r of rows) tally[r.outcome]++;
  return { units, rows, tally };
}
