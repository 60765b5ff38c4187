import { strFromU8, unzipSync } from 'fflate';
import { emptySheetPlan, type ChartPlan } from '../domain/sheetPlan';
import { writeXlsx } from './xlsxWriter';
import { chartXml } from './xlsxCharts';

const chart = (over: Partial<ChartPlan> = {}): ChartPlan => ({
  kind: 'line',
  title: 'Доли & динамика <по годам>',
  series: [{ name: 'Доля, %', categories: "'Лист 1'!$A$1:$A$3", values: "'Лист 1'!$B$1:$B$3" }],
  from: 'D2',
  to: 'K17',
  ...over,
});

/** Two sheets (the second's name with a quote and an ampersand), the charts given for each, as the written parts. */
async function book(first: ChartPlan[], second: ChartPlan[]): Promise<Record<string, string>> {
  const a = emptySheetPlan('Лист 1', 'indicators');
  a.blocks.push({ at: 'A1', rows: [['2021', 90], ['2022', 94], ['2023', 96]] });
  a.charts = first;
  const b = emptySheetPlan("Д'Артаньян & Ко", 'note');
  b.blocks.push({ at: 'A1', rows: [['текст']] });
  b.charts = second;
  return Object.fromEntries(Object.entries(unzipSync(await writeXlsx({ sheets: [a, b] }))).map(([k, v]) => [k, strFromU8(v)]));
}

describe('native chart parts', () => {
  it('escapes titles and keeps the series formulas as given', () => {
    const xml = chartXml(chart());
    expect(xml).toContain('<a:t>Доли &amp; динамика &lt;по годам&gt;</a:t>');
    expect(xml).toContain("<c:f>'Лист 1'!$A$1:$A$3</c:f>");
    expect(xml).toContain('<c:lineChart>');
  });

  it('anchors the chart from the top-left of `from` to the bottom-right of `to`', async () => {
    const drawing = (await book([chart()], []))['xl/drawings/drawing1.xml'];
    expect(drawing).toContain('<xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>');
    expect(drawing).toContain('<xdr:to><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>17</xdr:row>');
  });

  it('numbers charts across the workbook and drawings per sheet, each sheet pointing at its own drawing', async () => {
    const parts = await book([chart(), chart({ kind: 'pie' })], [chart({ kind: 'bar' })]);
    expect(Object.keys(parts).filter((n) => /^xl\/charts\/chart\d\.xml$/.test(n)).sort()).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml']);
    expect(parts['xl/drawings/_rels/drawing2.xml.rels']).toContain('Target="../charts/chart3.xml"');
    expect(parts['xl/worksheets/_rels/sheet2.xml.rels']).toContain('Target="../drawings/drawing2.xml"');
    expect(parts['xl/worksheets/sheet2.xml']).toMatch(/<drawing r:id="rId1"\/><\/worksheet>$/);
    expect(parts['xl/charts/chart3.xml']).toContain('<c:barDir val="bar"/>');
    for (const p of ['/xl/charts/chart3.xml', '/xl/drawings/drawing2.xml']) expect(parts['[Content_Types].xml']).toContain(`PartName="${p}"`);
  });

  it('a workbook without charts has no drawing or chart parts', async () => {
    const parts = await book([], []);
    expect(Object.keys(parts).filter((n) => /drawing|chart/.test(n))).toEqual([]);
    expect(parts['xl/worksheets/sheet1.xml']).not.toContain('<drawing');
  });
});
