/** What a received monitoring form says once read: per unit, A and B of every indicator and the events by level. */
import type { MonitoringKey } from '../forms/monitoring';
import type { FormHeader, Read, Source } from '../readValue';

export interface MonitoringRow {
  source: Source;
  unit: Read<string>;
  /** Every key of MONITORING_KEYS; a column the table lacks reads as { value: null, cell: '' }. */
  values: Record<MonitoringKey, Read<number>>;
}

export interface MonitoringForm {
  sheet: string;
  header: FormHeader;
  rows: MonitoringRow[];
}
