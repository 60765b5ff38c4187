/**
 * Queues writes into as few requests as Excel takes: a request is sent (context.sync) early only when the next
 * write would push it past the limit. Excel on the web refuses a request over 5 MB ("Resource limits and
 * performance optimization for Office Add-ins", learn.microsoft.com/office/dev/add-ins/concepts/
 * resource-limits-and-performance-optimization); sizes are estimated by `payloadBytes` (non-ASCII as six-byte
 * escapes) plus OPERATION_BYTES for every operation queued.
 */
import { OPERATION_BYTES } from './excelValues';
import type { ApiSupport } from './support';

export class RequestQueue {
  private bytes = 0;
  constructor(
    private ctx: Excel.RequestContext,
    readonly support: ApiSupport,
    private limit: number,
    /** Suspend calculation in every request (the caller recalculates at the end: see `recalculate`). */
    private suspend = true,
  ) {
    this.begin();
  }
  private begin() {
    // Application.suspendApiCalculationUntilNextSync [ExcelApi 1.6]: formulas written in this request are not
    // calculated one by one; "it is the developer's responsibility to re-calc the workbook" afterwards.
    if (this.suspend && this.support.suspendCalc) this.ctx.application.suspendApiCalculationUntilNextSync();
  }
  /** Makes room for `data` bytes in `ops` operations, sending the request first if they would not fit. */
  async reserve(data: number, ops = 1): Promise<void> {
    const n = data + ops * OPERATION_BYTES;
    if (this.bytes > 0 && this.bytes + n > this.limit) await this.flush();
    this.bytes += n;
  }
  async flush(): Promise<void> {
    try {
      await this.ctx.sync();
    } finally {
      // A failed request is gone too: what is queued next starts a new one.
      this.bytes = 0;
      this.begin();
    }
  }
  get chunkLimit(): number {
    return this.limit;
  }
}

/**
 * Recalculates what this add-in wrote, in a request of its own (not one whose calculation is suspended):
 * Application.calculate [ExcelApi 1.1], "Recalculate all currently opened workbooks in Excel". "Recalculate"
 * computes what is dirty, which after suspended writes is every formula written.
 */
export function recalculate(ctx: Excel.RequestContext): void {
  ctx.application.calculate('Recalculate' as Excel.CalculationType);
}
