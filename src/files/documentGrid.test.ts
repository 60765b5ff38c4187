import { docxBlocks } from './docxBlocks';
import { odtBlocks } from './odtBlocks';
import { documentGrid } from './documentGrid';
import { UnsafeXml, withoutElements } from './documentXml';
import { cellValue } from '../domain/grid';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (...runs: string[]) => `<w:p>${runs.map((t) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`).join('')}</w:p>`;
const tc = (body: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${body}</w:tc>`;
const docx = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`;

describe('a Word document as the grid the forms are read from', () => {
  it('lays paragraphs one a row and a table under them, gridSpan across and vMerge down as merged areas', () => {
    const xml = docx(
      p('Сводный отчет') +
        p('') +
        p('') +
        `<w:tbl><w:tr>${tc(p('МО'), '<w:vMerge w:val="restart"/>')}${tc(p('Категории'), '<w:gridSpan w:val="2"/>')}</w:tr>` +
        `<w:tr>${tc(p(''), '<w:vMerge/>')}${tc(p('Вузы'))}${tc(p('Предприятия'))}</w:tr>` +
        `<w:tr>${tc(p('Район'))}${tc(p('3 - ТГУ') + p('и т.д.'))}${tc(p('=1+1'))}</w:tr></w:tbl>` +
        p('Подпись'),
    );
    const g = documentGrid(docxBlocks(xml));
    expect(g.document).toBe(true);
    expect(g.cells).toEqual([['Сводный отчет'], [null], ['МО', 'Категории'], [null, 'Вузы', 'Предприятия'], ['Район', '3 - ТГУ\nи т.д.', '=1+1'], ['Подпись']]);
    expect(g.merges).toEqual([
      { top: 3, left: 1, bottom: 4, right: 1 },
      { top: 3, left: 2, bottom: 3, right: 3 },
    ]);
    expect(cellValue(g, 4, 1)).toBe('МО');
  });

  it('reads through content controls and insertions; leaves out deleted text, field codes and row-skipped grid columns', () => {
    const field = '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const xml = docx(
      `<w:sdt><w:sdtPr/><w:sdtContent>${p('Александровский район')}</w:sdtContent></w:sdt>` +
        `<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(`<w:p><w:ins><w:r><w:t>42</w:t></w:r></w:ins><w:del><w:r><w:delText>41</w:delText></w:r></w:del></w:p>`)}` +
        `<w:sdt><w:sdtContent>${tc(`<w:p>${field}</w:p>`)}</w:sdtContent></w:sdt></w:tr></w:tbl>`,
    );
    const g = documentGrid(docxBlocks(xml));
    expect(g.cells).toEqual([['Александровский район'], [null, '42', '7']]);
  });

  it('reads the same text and merges through the formatting it passes over, tracked changes of formatting too', () => {
    const pPr = '<w:pPr><w:jc w:val="center"/><w:rPr><w:b/></w:rPr><w:pPrChange w:id="1" w:author="a"><w:pPr><w:jc w:val="left"/></w:pPr></w:pPrChange><w:sectPr/></w:pPr>';
    const run = (t: string) => `<w:r><w:rPr><w:rFonts w:ascii="Times"/><w:rPrChange w:id="2"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t>${t}</w:t></w:r>`;
    const cellPr = (more = '') => `<w:tcW w:w="100" w:type="dxa"/><w:tcBorders><w:top w:val="single"/></w:tcBorders>${more}<w:shd w:fill="x>y" w:val="clear"/>`;
    const xml = docx(
      `<w:p>${pPr}${run('Сводный отчет')}</w:p>` +
        `<w:tbl><w:tblPr><w:tblW w:w="0"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>` +
        `<w:tr>${tc(`<w:p>${pPr}${run('МО')}</w:p>`, cellPr('<w:vMerge w:val="restart"/>'))}${tc(p('Вузы'), cellPr())}</w:tr>` +
        `<w:tr>${tc(p(''), cellPr('<w:vMerge/>'))}${tc(`<w:p>${run('3')}</w:p>`, cellPr())}</w:tr></w:tbl>`,
    );
    const g = documentGrid(docxBlocks(xml));
    expect(g.cells).toEqual([['Сводный отчет'], ['МО', 'Вузы'], [null, '3']]);
    expect(g.merges).toEqual([{ top: 2, left: 1, bottom: 3, right: 1 }]);
  });

  it('cuts whole elements, what nests in them included, and leaves the text as it is where it cannot', () => {
    const names = ['w:pPr', 'w:shd'];
    expect(withoutElements('<w:p><w:pPr><w:pPrChange><w:pPr/><w:pPr><w:b/></w:pPr></w:pPrChange></w:pPr><w:t>a</w:t></w:p>', names)).toBe('<w:p><w:t>a</w:t></w:p>');
    expect(withoutElements('<w:tcPr><w:shd w:fill="a>b"/><w:pPrX/></w:tcPr>', names)).toBe('<w:tcPr><w:pPrX/></w:tcPr>');
    for (const kept of ['<w:p><!-- <w:pPr> --><w:t>a</w:t><!-- </w:pPr> --></w:p>', '<w:p><w:pPr><w:b/></w:p>', '<w:p><w:pPr><w:pPr></w:pPr></w:p>'])
      expect(withoutElements(kept, names)).toBe(kept);
  });

  it('refuses XML with a document type declaration (entity expansion)', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><w:document ${W}><w:body>${p('&b;')}</w:body></w:document>`;
    expect(() => docxBlocks(bomb)).toThrow(UnsafeXml);
  });
});

const ODF = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"';
// As LibreOffice writes it: fonts and automatic styles (passed over unread) before the body.
const odt = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODF}><office:font-face-decls><style:font-face style:name="Times"/></office:font-face-decls>` +
  `<office:automatic-styles><style:style style:name="P1" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>` +
  `<office:body><office:text>${body}</office:text></office:body></office:document-content>`;

describe('an OpenDocument text as the grid the forms are read from', () => {
  it('understands spanned and covered cells, repeated spaces, line breaks and lists', () => {
    const cell = (t: string, attrs = '') => `<table:table-cell${attrs}><text:p>${t}</text:p></table:table-cell>`;
    const xml = odt(
      '<text:h>Сводный<text:s text:c="2"/>отчет</text:h><text:list><text:list-item><text:p>пункт</text:p></text:list-item></text:list>' +
        '<table:table><table:table-column table:number-columns-repeated="3"/>' +
        `<table:table-header-rows><table:table-row>${cell('МО', ' table:number-rows-spanned="2"')}${cell('Категории', ' table:number-columns-spanned="2"')}<table:covered-table-cell/></table:table-row></table:table-header-rows>` +
        `<table:table-row><table:covered-table-cell/>${cell('Вузы')}${cell('Предприятия')}</table:table-row>` +
        `<table:table-row>${cell('Район')}<table:table-cell><text:p>3 - ТГУ</text:p><text:p>и<text:line-break/>т.д.</text:p></table:table-cell>${cell('')}</table:table-row>` +
        '</table:table><text:p>Подпись<text:note><text:note-body><text:p>сноска</text:p></text:note-body></text:note></text:p>',
    );
    const g = documentGrid(odtBlocks(xml));
    expect(g.cells).toEqual([['Сводный  отчет'], ['пункт'], ['МО', 'Категории'], [null, 'Вузы', 'Предприятия'], ['Район', '3 - ТГУ\nи\nт.д.', null], ['Подпись']]);
    expect(g.merges).toEqual([
      { top: 3, left: 1, bottom: 4, right: 1 },
      { top: 3, left: 2, bottom: 3, right: 3 },
    ]);
  });
});
