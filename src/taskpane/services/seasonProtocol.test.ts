import { defaultSettings } from '../../domain/settings';
import type { OrgRow } from './organisations';
import { SeasonEngine, type PickedFile } from './seasonEngine';
import { seasonOnPage } from './seasonOnPage';
import { ROWS_PER_MESSAGE, rowsAhead, withRowsAhead, type SeasonReply } from './seasonProtocol';
import { seasonWorker } from './seasonWork';

const row = (i: number): OrgRow => ({ id: `o:${i}`, unit: `МБОУ СОШ № ${i}`, status: 'onTime', errors: 0, warnings: 0, file: `${i}.xlsx`, supersededFiles: [], otherFiles: [], problems: [] });
const rows = (n: number) => Array.from({ length: n }, (_, i) => row(i));

describe("a result's rows sent ahead of it", () => {
  test.each([1, ROWS_PER_MESSAGE, ROWS_PER_MESSAGE + 1, 2 * ROWS_PER_MESSAGE, 1234])('%i rows of a check and of a merge come back whole, in order', (n) => {
    for (const value of [{ rows: rows(n), files: n }, { view: { rows: rows(n), merged: n }, bytes: 'файл' }]) {
      const sent = structuredClone(value);
      const { ahead, value: last } = rowsAhead(sent);
      expect(sent).toEqual(value); // the result itself is left as it was
      expect(ahead.every((a) => a.length === ROWS_PER_MESSAGE)).toBe(true);
      const own = ('rows' in last ? last.rows : last.view.rows) ?? [];
      expect(own.length).toBeGreaterThan(0);
      expect(own.length).toBeLessThanOrEqual(ROWS_PER_MESSAGE);
      expect(ahead.length).toBe(Math.ceil(n / ROWS_PER_MESSAGE) - 1);
      expect(withRowsAhead(structuredClone(last), ahead.flat())).toEqual(value);
    }
  });

  test('a check of 1,234 files through the worker protocol: rows sent ahead in messages of 500, then the result', async () => {
    const files: PickedFile[] = Array.from({ length: 1234 }, (_, i) => ({ name: `${String(i).padStart(4, '0')}.xlsx`, lastModified: 0, arrayBuffer: async () => new ArrayBuffer(0) }));
    // Every file unreadable: a row each, in the order of the files.
    const read = async (f: PickedFile) => [{ file: f.name, received: '2023-10-18T10:00', error: `«${f.name}» не прочитан` }];
    const replies: SeasonReply[] = [];
    const settings = defaultSettings('autumn', 2023, { unit: 'Город Томск' });
    await new Promise<void>((done) => {
      const handle = seasonWorker(new SeasonEngine(read, 1), (r) => (replies.push(r), r.type === 'done' && done()));
      handle({ id: 1, type: 'check', files, settings });
    });
    expect(replies.filter((r) => r.type === 'rows').map((r) => (r as { rows: unknown[] }).rows.length)).toEqual([500, 500]);
    expect(replies.at(-1)?.type).toBe('done');
    const check = await seasonOnPage(new SeasonEngine(read, 1)).check(files, settings);
    expect(check.rows.map((r) => r.file)).toEqual(files.map((f) => f.name));
    expect(check.unreadable).toBe(1234);
  });
});
