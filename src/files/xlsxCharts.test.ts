import JSZip from 'jszip';
import { emptySheetPlan, type ChartPlan } from '../domain/sheetPlan';
import { writeWorkbook } from './writeXlsx';
import { addCharts, chartXml } from './xlsxCharts';

const chart = (over: Partial<ChartPlan> = {}): ChartPlan => ({
  kind: 'line',
  title: 'Доли & динамика <по годам>',
  series: [{ name: 'Доля, %', categories: "'Лист 1'!$A$1:$A$3", values: "'Лист 1'!$B$1:$B$3" }],
  from: 'D2',
  to: 'K17',
  ...over,
});

async function plainBook(): Promise<Uint8Array> {
  const a = emptySheetPlan('Лист 1', 'indicators');
  a.blocks.push({ at: 'A1', rows: [['2021', 90], ['2022', 94], ['2023', 96]] });
  const b = emptySheetPlan("Д'Артаньян & Ко", 'note');
  b.blocks.push({ at: 'A1', rows: [['текст']] });
  return writeWorkbook({ sheets: [a, b] }, { postProcess: [] });
}

describe('native chart parts', () => {
  it('escapes titles and keeps the series formulas as given', () => {
    const xml = chartXml(chart());
    expect(xml).toContain('<a:t>Доли &amp; динамика &lt;по годам&gt;</a:t>');
    expect(xml).toContain("<c:f>'Лист 1'!$A$1:$A$3</c:f>");
    expect(xml).toContain('<c:lineChart>');
  });

  it('anchors the chart from the top-left of `from` to the bottom-right of `to`', async () => {
    const zip = await JSZip.loadAsync(await addCharts(await plainBook(), [{ sheet: 'Лист 1', charts: [chart()] }]));
    const drawing = await zip.file('xl/drawings/drawing1.xml')!.async('string');
    expect(drawing).toContain('<xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>');
    expect(drawing).toContain('<xdr:to><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>17</xdr:row>');
  });

  it('finds a sheet whose name has quotes and ampersands, and numbers parts per sheet', async () => {
    const bytes = await addCharts(await plainBook(), [
      { sheet: 'Лист 1', charts: [chart(), chart({ kind: 'pie' })] },
      { sheet: "Д'Артаньян & Ко", charts: [chart({ kind: 'bar' })] },
    ]);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d\.xml$/.test(n)).sort()).toEqual([
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
      'xl/charts/chart3.xml',
    ]);
    const rels2 = await zip.file('xl/drawings/_rels/drawing2.xml.rels')!.async('string');
    expect(rels2).toContain('Target="../charts/chart3.xml"');
  });

  it('says in Russian which sheet is missing', async () => {
    await expect(addCharts(await plainBook(), [{ sheet: 'Показатели', charts: [chart()] }])).rejects.toThrow(
      'Диаграммы не добавлены: в книге нет листа «Показатели».',
    );
  });

  it('leaves a workbook without charts untouched', async () => {
    const bytes = await plainBook();
    expect(await addCharts(bytes, [{ sheet: 'Лист 1', charts: [] }])).toBe(bytes);
  });
});
