/**
 * What the season worker does with each request, over a SeasonEngine; the same code runs on the page when there
 * are no workers. Replies go through `post`; a cancel is reported as such, never as a failure.
 */
import { previousCampaign, type CampaignFigures } from '../../domain/indicators';
import { compareCampaigns } from '../../domain/season';
import { withSettingsSheet } from '../../domain/consolidate/workbook';
import type { CampaignSettings } from '../../domain/settings';
import { withHeldRows, type WorkbookPlan } from '../../domain/sheetPlan';
import { Cancelled, type Arriving, type PickedFile, type SeasonEngine } from './seasonEngine';
import { rowsAhead, type Delivered, type Output, type SeasonReply, type SeasonRequest } from './seasonProtocol';
import { russianOr } from './messages';
import { XLSX_MIME } from './download';
import type { Deflater } from '../../files/xlsxDeflate';

const writerModule = () => import(/* webpackChunkName: "xlsx-writer" */ '../../files/xlsxWriter');

/**
 * Where a workbook about to be written is deflated, when not by the writer's own default, and what to do once it is
 * written; undefined for the default.
 */
export type Deflating = () => { deflater: Deflater; written(): void } | undefined;

async function deliver(plan: WorkbookPlan, settings: CampaignSettings, output: Output, documentDate: string, deflating?: Deflating): Promise<{ plan?: WorkbookPlan; bytes?: Uint8Array | Blob }> {
  // To the page, for office.js: rows made as written cannot be sent as functions, so they are made here.
  if (output === 'plan') return { plan: withHeldRows(plan) };
  // The one writer, as on the command line; deflated by the browser's own CompressionStream where it has one.
  const { writeXlsx, writeXlsxBlob } = await writerModule();
  // As the browser host writes: the settings sheet travels with the file, so the add-in knows its sheets later.
  // The document's date is the season's (the latest report), so the same files give the same workbook.
  const sheets = withSettingsSheet(plan.sheets, settings);
  // Made a file here, where it was written, a megabyte at a time (never the whole file as one array): the page gets
  // a handle to download, not the bytes to copy into a Blob on its own thread (a region's Свод is ~9 MB: the copy
  // was most of the page's last long task).
  if (typeof Blob === 'function') {
    const there = deflating?.();
    try {
      return { bytes: await writeXlsxBlob(sheets, { modified: documentDate, type: XLSX_MIME, deflater: there?.deflater }) };
    } finally {
      there?.written();
    }
  }
  return { bytes: await writeXlsx(sheets, { modified: documentDate }) };
}

/** A pick's files as the worker has them so far, and how many there will be. */
interface Pick {
  id: number;
  files: PickedFile[];
  total: number;
  /** Requests waiting for the next batch. */
  waiting: (() => void)[];
  /** Requests reading this pick. */
  reading: number;
}

function arrived(p: Pick): void {
  for (const wake of p.waiting.splice(0)) wake();
}

/** A request's files: the pick's as they arrive, then the request's own after the last of them. */
function arrivingOf(p: Pick, own: PickedFile[]): Arriving {
  const files: PickedFile[] = [];
  let taken = 0;
  const sync = () => {
    while (taken < p.files.length) files.push(p.files[taken++]);
    if (taken >= p.total && files.length === taken) for (const f of own) files.push(f);
  };
  sync();
  return {
    files,
    total: p.total + own.length,
    more: async () => {
      // Files that came while every reader was busy are taken now; only with none new is there a wait.
      if (taken === p.files.length) await new Promise<void>((resolve) => p.waiting.push(resolve));
      sync();
    },
  };
}

/** `deflating`: the season worker's deflate worker, for the workbooks it writes. */
export function seasonWorker(engine: SeasonEngine, post: (r: SeasonReply, transfer?: Transferable[]) => void, deflating?: Deflating): (m: SeasonRequest) => void {
  const cancelled = new Set<number>();
  // Files sent ahead of their request, in batches (seasonClient.ts), by request.
  const ahead = new Map<number, PickedFile[]>();
  let lastSettings: CampaignSettings | undefined;
  // The coordinator's picks (seasonClient.ts, pick), as their files arrive: the last one, and any a request still reads.
  const picks = new Map<number, Pick>();
  let latest: number | undefined;
  const run = async (m: Exclude<SeasonRequest, { type: 'cancel' | 'files' | 'picked' }>, arriving?: Arriving): Promise<unknown> => {
    const progress = (p: { done: number; total: number; file: string }) => post({ id: m.id, type: 'progress', progress: p });
    const isCancelled = () => cancelled.has(m.id);
    switch (m.type) {
      case 'check': {
        const received = await engine.receive(arriving ?? m.files, m.settings, progress, isCancelled);
        return engine.check(received);
      }
      case 'merge': {
        // The writer's code is loaded while the files are read, not after.
        if (m.output === 'bytes') void writerModule().catch(() => undefined);
        const received = await engine.receive(arriving ?? m.files, m.req.settings, progress, isCancelled);
        // A task boundary before the merge: idle reading workers end there (season.worker.ts), not after it.
        await new Promise((resolve) => setTimeout(resolve, 0));
        const { view, plan, documentDate } = engine.merge(received, m.req);
        lastSettings = m.req.settings;
        return { view, ...(await deliver(plan, m.req.settings, m.output, documentDate, deflating)) } satisfies Delivered;
      }
      case 'withPrevious': {
        const r = engine.withPrevious(m.previous);
        if (!r || !lastSettings) return undefined;
        return { view: r.view, ...(await deliver(r.plan, lastSettings, m.output, r.documentDate, deflating)) } satisfies Delivered;
      }
      case 'note': {
        // «Аналитическая справка» as a Word document, from the merge this worker made.
        const last = engine.lastMerge();
        if (!last) return undefined;
        const { noteOfMerge } = await import(/* webpackChunkName: "note" */ '../../domain/indicators/noteDocument');
        const { writeNoteDocx } = await import(/* webpackChunkName: "docx-writer" */ '../../files/writeNoteDocx');
        return { bytes: await writeNoteDocx(noteOfMerge(last.result, last.settings, [...m.previous].sort(compareCampaigns))) };
      }
      case 'previous': {
        const { readWorkbookFile, OWN_WORKBOOK_ROWS } = await import(/* webpackChunkName: "xlsx-reader" */ '../../files/readWorkbook');
        const previous: CampaignFigures[] = [];
        const errors: string[] = [];
        for (const f of m.files) {
          try {
            previous.push(previousCampaign(readWorkbookFile(new Uint8Array(await f.arrayBuffer()), f.name, { maxRows: OWN_WORKBOOK_ROWS })));
          } catch (e) {
            errors.push(russianOr(e, `Файл «${f.name}» не удалось прочитать как свод прошлой кампании.`));
          }
        }
        return { previous: previous.sort(compareCampaigns), errors };
      }
    }
  };
  return (m) => {
    if (m.type === 'cancel') {
      cancelled.add(m.of);
      // A cancelled request may be waiting for picked files: it wakes to see it is cancelled.
      for (const p of picks.values()) arrived(p);
      return;
    }
    if (m.type === 'picked') {
      // A new pick: earlier ones go, unless a request is still reading them (their files still come, in between).
      if (latest === undefined || m.id > latest) {
        for (const [id, p] of picks) if (id !== m.id && p.reading === 0) picks.delete(id);
        latest = m.id;
      }
      let p = picks.get(m.id);
      if (!p) picks.set(m.id, (p = { id: m.id, files: [], total: m.total, waiting: [], reading: 0 }));
      for (const f of m.files) p.files.push(f);
      arrived(p);
      return;
    }
    let arriving: Arriving | undefined;
    let reading: Pick | undefined;
    if ((m.type === 'check' || m.type === 'merge') && m.picked !== undefined) {
      // A request for the files picked: read as they arrive, the first at once (the page sends the request with
      // them, not after the last), then its own (none, as the page sends it).
      // The pick's first batch always comes before a request names it (seasonClient.ts, pick).
      const p = picks.get(m.picked);
      if (!p) return post({ id: m.id, type: 'failed', message: 'Выбранные файлы не дошли до обработки. Выберите их ещё раз и повторите.' });
      reading = p;
      p.reading++;
      arriving = arrivingOf(p, m.files);
      m = { ...m, files: [], picked: undefined };
    }
    if (m.type === 'files') {
      const got = ahead.get(m.id) ?? [];
      for (const f of m.files) got.push(f);
      ahead.set(m.id, got);
      return;
    }
    const before = ahead.get(m.id);
    if (before && 'files' in m) {
      ahead.delete(m.id);
      m = { ...m, files: [...before, ...m.files] };
    }
    const settled = () => {
      if (reading && --reading.reading === 0 && reading.id !== latest) picks.delete(reading.id);
    };
    run(m, arriving).finally(settled).then(
      (result) => {
        const { ahead, value } = rowsAhead(result);
        for (const rows of ahead) post({ id: m.id, type: 'rows', rows });
        const bytes = (value as Delivered | undefined)?.bytes;
        post({ id: m.id, type: 'done', value }, bytes instanceof Uint8Array ? [bytes.buffer as ArrayBuffer] : undefined);
      },
      (e) =>
        post(
          e instanceof Cancelled
            ? { id: m.id, type: 'failed', message: e.message, cancelled: { done: e.done, total: e.total } }
            : { id: m.id, type: 'failed', message: russianOr(e, 'Не удалось обработать файлы. Повторите; если ошибка повторится, сообщите разработчикам, что вы делали.') },
        ),
    );
  };
}
