/**
 * The workbook's styles part (xl/styles.xml, ECMA-376 Part 1, 18.8) for the one writer (xlsxWriter.ts): every
 * distinct CellStyle of the sheet plans becomes one cell format (xf) made of a font, a fill, a border and a number
 * format, each written once; every conditional format's look becomes one differential format (dxf).
 */
import type { CellStyle, ConditionalFormatPlan } from '../domain/sheetPlan';
import { xmlAttr } from './xlsxXml';

/** Number formats Excel knows by id (18.8.30): written by id, never as a custom format of their own. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};
/** Custom number formats are numbered from 164 (ids below are Excel's own). */
const FIRST_CUSTOM_FORMAT = 164;

const argb = (rgb: string): string => `FF${rgb.replace(/^#/, '').toUpperCase()}`;

/** The cell formats, fonts, fills, borders, number formats and differential formats of one workbook. */
export class StyleRegister {
  private readonly fonts = new Map<string, number>();
  private readonly fills = new Map<string, number>();
  private readonly borders = new Map<string, number>();
  private readonly numFmts = new Map<string, number>();
  private readonly xfs = new Map<string, number>();
  private readonly dxfs = new Map<string, number>();
  /** Cell format id by the style object itself: plans share one object per combination (styleCombinations). */
  private readonly byObject = new WeakMap<CellStyle, number>();

  constructor() {
    // The defaults every package starts with: font 0 (Calibri 11), fills 0 and 1 (none, gray125, required by
    // Excel), border 0 (none), cell format 0 (all of them).
    this.font({});
    this.fills.set('<fill><patternFill patternType="none"/></fill>', 0);
    this.fills.set('<fill><patternFill patternType="gray125"/></fill>', 1);
    this.borders.set('<border><left/><right/><top/><bottom/><diagonal/></border>', 0);
    this.xfs.set('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', 0);
  }

  /** The cell format id (the `s` of a cell) of a style; 0 for the default look. */
  cellFormat(s: CellStyle): number {
    const known = this.byObject.get(s);
    if (known !== undefined) return known;
    const font = this.font(s);
    const fill = s.fill ? add(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${argb(s.fill)}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const border = s.border
      ? add(
          this.borders,
          '<border>' + ['left', 'right', 'top', 'bottom'].map((e) => `<${e} style="thin"><color rgb="FF808080"/></${e}>`).join('') + '<diagonal/></border>',
        )
      : 0;
    const numFmt = s.numberFormat ? this.numberFormat(s.numberFormat) : 0;
    let attrs = `numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"`;
    if (numFmt) attrs += ' applyNumberFormat="1"';
    if (font) attrs += ' applyFont="1"';
    if (fill) attrs += ' applyFill="1"';
    if (border) attrs += ' applyBorder="1"';
    let children = '';
    if (s.wrap || s.hAlign || s.vAlign) {
      attrs += ' applyAlignment="1"';
      const v = s.vAlign === 'middle' ? 'center' : s.vAlign;
      children += `<alignment${s.hAlign ? ` horizontal="${s.hAlign}"` : ''}${v ? ` vertical="${v}"` : ''}${s.wrap ? ' wrapText="1"' : ''}/>`;
    }
    if (s.locked !== undefined) {
      attrs += ' applyProtection="1"';
      children += `<protection locked="${s.locked ? 1 : 0}"/>`;
    }
    const id = add(this.xfs, children ? `<xf ${attrs}>${children}</xf>` : `<xf ${attrs}/>`);
    this.byObject.set(s, id);
    return id;
  }

  /** The differential format id of a conditional format's look (18.8.14). */
  differentialFormat(style: ConditionalFormatPlan['style']): number {
    let xml = '<dxf>';
    if (style.bold || style.fontColor) xml += `<font>${style.bold ? '<b/>' : ''}${style.fontColor ? `<color rgb="${argb(style.fontColor)}"/>` : ''}</font>`;
    if (style.fill) xml += `<fill><patternFill patternType="solid"><bgColor rgb="${argb(style.fill)}"/></patternFill></fill>`;
    return add(this.dxfs, `${xml}</dxf>`);
  }

  private font(s: CellStyle): number {
    return add(
      this.fonts,
      `<font>${s.bold ? '<b/>' : ''}${s.italic ? '<i/>' : ''}<sz val="${s.fontSize ?? 11}"/>` +
        `${s.fontColor ? `<color rgb="${argb(s.fontColor)}"/>` : ''}<name val="Calibri"/><family val="2"/><charset val="204"/></font>`,
    );
  }

  private numberFormat(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    return add(this.numFmts, code, FIRST_CUSTOM_FORMAT);
  }

  /** The styles part, in the element order CT_Stylesheet requires. */
  xml(): string {
    const list = (tag: string, items: Map<string, number>, extra = '') =>
      `<${tag} count="${items.size}"${extra}>${[...items.keys()].join('')}</${tag}>`;
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlAttr(code)}"/>`).join('');
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (this.numFmts.size ? `<numFmts count="${this.numFmts.size}">${numFmts}</numFmts>` : '') +
      list('fonts', this.fonts) +
      list('fills', this.fills) +
      list('borders', this.borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list('dxfs', this.dxfs) +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }
}

/** The id of `key` in `items`, adding it (numbered on from `first`) when new. */
function add(items: Map<string, number>, key: string, first = 0): number {
  let id = items.get(key);
  if (id === undefined) items.set(key, (id = first + items.size));
  return id;
}
