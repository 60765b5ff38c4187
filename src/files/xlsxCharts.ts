/**
 * Native Excel charts, as parts of the package the one writer makes (xlsxWriter.ts): per chart an
 * xl/charts/chartN.xml (DrawingML c:chartSpace whose series refer to the sheet's ranges by formula, so the chart
 * follows the cells), per sheet an xl/drawings/drawingN.xml anchoring the charts to cells, and the relationships
 * drawing → chart; the writer adds sheet → drawing and the content types (ECMA-376 parts 1, 21).
 */
import { parseCell } from '../domain/a1';
import type { ChartPlan, ChartSeriesPlan } from '../domain/sheetPlan';

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const REL = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
};
const CONTENT_TYPE = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * One sheet's charts as parts: the drawing anchoring them, its relationships to the charts (numbered from
 * `firstChart`: xl/charts/chartN.xml), and each chart's part.
 */
export function drawingParts(charts: ChartPlan[], firstChart: number): { drawing: string; rels: string; charts: string[] } {
  return {
    drawing: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${charts.map(anchorXml).join('')}</xdr:wsDr>`,
    rels: relsXml(charts.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL.chart}" Target="../charts/chart${firstChart + i}.xml"/>`)),
    charts: charts.map(chartXml),
  };
}

/** The relationship types and content types of drawings and charts, for the package's own parts. */
export const CHART_PARTS = { rel: REL, contentType: CONTENT_TYPE };

const relsXml = (rels: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}">${rels.join('')}</Relationships>`;

function anchorXml(chart: ChartPlan, i: number): string {
  const from = parseCell(chart.from);
  const to = parseCell(chart.to);
  // `to` is the bottom-right cell the chart covers, so the anchor ends at the start of the next row and column.
  const marker = (tag: string, col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${marker('from', from.col - 1, from.row - 1)}${marker('to', to.col, to.row)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(`Диаграмма ${i + 1}: ${chart.title}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

const PALETTE = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

const text = (s: string, size: number, bold: boolean) =>
  `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="ru-RU" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${esc(s)}</a:t></a:r></a:p></c:rich>`;

const seriesCommon = (s: ChartSeriesPlan, i: number) =>
  `<c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${esc(s.name)}</c:v></c:tx>`;
const catVal = (s: ChartSeriesPlan) =>
  `<c:cat><c:strRef><c:f>${esc(s.categories)}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${esc(s.values)}</c:f></c:numRef></c:val>`;
const fill = (i: number) => `<c:spPr><a:solidFill><a:srgbClr val="${PALETTE[i % PALETTE.length]}"/></a:solidFill></c:spPr>`;
const line = (i: number) =>
  `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${PALETTE[i % PALETTE.length]}"/></a:solidFill><a:round/></a:ln></c:spPr>`;
const labels = (pos?: string, percent = false) =>
  `<c:dLbls>${pos ? `<c:dLblPos val="${pos}"/>` : ''}<c:showLegendKey val="0"/><c:showVal val="${percent ? 0 : 1}"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="${percent ? 1 : 0}"/><c:showBubbleSize val="0"/></c:dLbls>`;

const CAT_AX = 500000001;
const VAL_AX = 500000002;

/**
 * Horizontal bars list the categories top-down in the sheet's order (Excel draws the first at the bottom unless the
 * category axis is reversed; the value axis then crosses at the last category to stay at the bottom).
 */
function axes(horizontalBars: boolean): string {
  return (
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="${horizontalBars ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontalBars ? 'l' : 'b'}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontalBars ? 'b' : 'l'}"/>` +
    `<c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="${horizontalBars ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

function plotXml(chart: ChartPlan): string {
  const axIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  switch (chart.kind) {
    case 'column':
    case 'bar': {
      const ser = chart.series
        .map((s, i) => `<c:ser>${seriesCommon(s, i)}${fill(i)}<c:invertIfNegative val="0"/>${labels('outEnd')}${catVal(s)}</c:ser>`)
        .join('');
      return (
        `<c:barChart><c:barDir val="${chart.kind === 'bar' ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${ser}` +
        `<c:gapWidth val="80"/>${axIds}</c:barChart>${axes(chart.kind === 'bar')}`
      );
    }
    case 'line': {
      const ser = chart.series
        .map(
          (s, i) =>
            `<c:ser>${seriesCommon(s, i)}${line(i)}<c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>${labels('t')}${catVal(s)}<c:smooth val="0"/></c:ser>`,
        )
        .join('');
      return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${ser}<c:marker val="1"/>${axIds}</c:lineChart>${axes(false)}`;
    }
    case 'pie': {
      const ser = chart.series.map((s, i) => `<c:ser>${seriesCommon(s, i)}${labels('bestFit')}${catVal(s)}</c:ser>`).join('');
      return `<c:pieChart><c:varyColors val="1"/>${ser}<c:firstSliceAng val="0"/></c:pieChart>`;
    }
  }
}

/** The chart part: title, one plot bound to the ranges by formula, legend at the bottom. */
export function chartXml(chart: ChartPlan): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:lang val="ru-RU"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:title><c:tx>${text(chart.title, 1200, true)}</c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plotXml(chart)}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `</c:chartSpace>`
  );
}
