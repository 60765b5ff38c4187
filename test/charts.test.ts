/**
 * Native charts in the written .xlsx: the chart parts refer to the «Показатели» ranges by formula, the package is
 * wired (sheet → drawing → chart, content types), and LibreOffice opens the file and keeps the charts when it saves
 * it again, which it only does for charts it could read.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { writeXlsx } from '../src/files/xlsxWriter';
import { SHEET } from '../src/domain/sheetNames';
import { indicatorsLayout } from '../src/domain/indicators';
import { summarySample } from './support/summarySample';
// Slow on purpose (LibreOffice): each test starts soffice to convert or recalculate a workbook, which takes seconds to tens of seconds.
jest.setTimeout(120_000);

const formulas = (xml: string): string[] => [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1].replace(/&apos;/g, "'").replace(/&amp;/g, '&'));

async function chartParts(bytes: Uint8Array): Promise<{ zip: JSZip; charts: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).sort();
  return { zip, charts: await Promise.all(names.map((n) => zip.file(n)!.async('string'))) };
}

/** LibreOffice saves the workbook again (xlsx → xlsx); fails with a clear message where it is not installed. */
function resaveWithLibreOffice(input: string, outDir: string, profile: string): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, input],
      { timeout: 180_000 },
      (err, _out, stderr) =>
        err
          ? reject(new Error(`LibreOffice не запустился (установите libreoffice-calc-nogui, scripts/setup.sh): ${err.message}\n${stderr}`))
          : resolve(),
    ),
  );
}

describe('charts on «Показатели»', () => {
  const sample = summarySample();
  const plan = sample.plan.sheets.find((s) => s.name === SHEET.indicators)!;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writeXlsx(sample.plan);
  });

  it('binds every series to the planned ranges: grades, partners, reports, participation by unit', async () => {
    const { charts } = await chartParts(bytes);
    expect(charts).toHaveLength(plan.charts.length);
    plan.charts.forEach((c, i) => {
      expect(formulas(charts[i])).toEqual(c.series.flatMap((s) => [s.categories, s.values]));
    });
    const L = indicatorsLayout(66, { label: '' });
    const q = `'${SHEET.indicators}'`;
    expect(formulas(charts[0])).toEqual([
      `${q}!$B$${L.gradesFirstRow}:$B$${L.gradesFirstRow + 6}`,
      `${q}!$C$${L.gradesFirstRow}:$C$${L.gradesFirstRow + 6}`,
      `${q}!$B$${L.gradesFirstRow}:$B$${L.gradesFirstRow + 6}`,
      `${q}!$D$${L.gradesFirstRow}:$D$${L.gradesFirstRow + 6}`,
    ]);
    expect(charts[0]).toContain('<c:barDir val="col"/>');
    expect(charts[2]).toContain('<c:pieChart>');
    expect(charts[3]).toContain('<c:barDir val="bar"/>');
    expect(formulas(charts[3])).toEqual([
      `${q}!$B$${L.unitsFirstRow}:$B$${L.unitsFirstRow + 65}`,
      `${q}!$F$${L.unitsFirstRow}:$F$${L.unitsFirstRow + 65}`,
    ]);
  });

  it('wires the package: the sheet names its drawing, the drawing its charts, content types list them', async () => {
    const { zip } = await chartParts(bytes);
    const wb = await zip.file('xl/workbook.xml')!.async('string');
    const rid = new RegExp(`<sheet [^>]*name="${SHEET.indicators}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
    const wbRels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(wbRels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(wbRels)![1];
    const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const sheetXml = await zip.file(sheetPath)!.async('string');
    expect(sheetXml).toMatch(/<drawing r:id="rId\d+"\/>/);
    const sheetRels = await zip.file(sheetPath.replace(/([^/]+)$/, '_rels/$1.rels'))!.async('string');
    const drawing = /Target="\.\.\/drawings\/(drawing\d+\.xml)"/.exec(sheetRels)![1];
    const drawingRels = await zip.file(`xl/drawings/_rels/${drawing}.rels`)!.async('string');
    expect(drawingRels.match(/relationships\/chart"/g)).toHaveLength(plan.charts.length);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain(`PartName="/xl/drawings/${drawing}"`);
    expect(types.match(/drawingml\.chart\+xml/g)).toHaveLength(plan.charts.length);
  });

  it('opens in LibreOffice, which keeps the charts and their ranges when it saves the book again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pk-charts-'));
    try {
      const input = join(dir, 'svod.xlsx');
      await writeFile(input, bytes);
      await resaveWithLibreOffice(input, join(dir, 'out'), join(dir, 'profile'));
      const output = join(dir, 'out', 'svod.xlsx');
      if (!existsSync(output)) throw new Error('LibreOffice не сохранил книгу: файл с диаграммами не открылся.');
      const { charts } = await chartParts(await readFile(output));
      expect(charts).toHaveLength(plan.charts.length);
      const all = charts.flatMap(formulas).map((f) => f.replace(/'/g, ''));
      for (const c of plan.charts) for (const s of c.series) expect(all).toContain(s.values.replace(/'/g, ''));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
