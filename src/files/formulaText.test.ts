import { withoutFormulaText } from './formulaText';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const strip = (s: string, prefix = '') => text(withoutFormulaText(bytes(s), prefix));

describe('withoutFormulaText', () => {
  test('empties every plain formula, keeps the cell, its value and what follows', () => {
    const sheet =
      '<sheetData><row r="1"><c r="A1"><f>IF(B1&lt;&gt;"","Проверка","ОК")</f><v>ОК</v></c><c r="B1" t="s"><v>3</v></c>' +
      '<c r="C1"><f t="shared" ref="C1:C9" si="0">SUM(A1:B1)</f><v>7</v></c></row></sheetData>';
    expect(strip(sheet)).toBe(
      '<sheetData><row r="1"><c r="A1"><f></f><v>ОК</v></c><c r="B1" t="s"><v>3</v></c>' +
        '<c r="C1"><f t="shared" ref="C1:C9" si="0"></f><v>7</v></c></row></sheetData>',
    );
  });

  test('the same bytes when there is nothing to drop', () => {
    const b = bytes('<c r="A1"><f t="shared" si="0"/><v>1</v></c><c><f></f></c><c><v>2</v></c>');
    expect(withoutFormulaText(b, '')).toBe(b);
  });

  test('with the sheet\'s prefix only', () => {
    expect(strip('<x:c><x:f>A1+1</x:f><x:v>2</x:v></x:c>', 'x:')).toBe('<x:c><x:f></x:f><x:v>2</x:v></x:c>');
    // Another namespace's f (extensions) and names that only begin with f stay.
    expect(strip('<xm:f>Лист1!A1</xm:f><fx>a</fx><f:x>b</f:x><formula>Проверка</formula>', '')).toBe('<xm:f>Лист1!A1</xm:f><fx>a</fx><f:x>b</f:x><formula>Проверка</formula>');
    expect(strip('<f>A1+1</f>', 'x:')).toBe('<f>A1+1</f>');
  });

  test('leaves alone what is not plain: CDATA, markup inside, a > in an attribute, a formula not closed', () => {
    for (const s of ['<f><![CDATA[A1]]></f>', '<f>A1<b/>2</f>', '<f ref="A>1">A1</f><v>1</v>', '<f>A1</c>', '<f>A1', '<f a="1">A1</g>', '<fo a="1">b</f>', '<f:o>b</f>'])
      expect(strip(s)).toBe(s);
  });

  test('self-closing and white space before the end of the name', () => {
    expect(strip('<f\tt="array" ref="A1">{1,2}</f><f/>x</f>')).toBe('<f\tt="array" ref="A1"></f><f/>x</f>');
  });
});

describe('conditional formats and data validations', () => {
  test('dropped whole, the merged areas around them kept', () => {
    const tail =
      '</sheetData><mergeCells count="1"><mergeCell ref="A1:H1"/></mergeCells>' +
      '<conditionalFormatting sqref="A11:H36"><cfRule type="expression" dxfId="0" priority="1"><formula>LEFT($H11,15)=&quot;Предупреждение:&quot;</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="1"><dataValidation type="list" prompt="Выберите" sqref="A11:A36"><formula1>&quot;Школьный&quot;</formula1></dataValidation></dataValidations>' +
      '<mergeCells count="1"><mergeCell ref="B2:C2"/></mergeCells><pageMargins left="0.7"/></worksheet>';
    expect(strip(tail)).toBe('</sheetData><mergeCells count="1"><mergeCell ref="A1:H1"/></mergeCells><mergeCells count="1"><mergeCell ref="B2:C2"/></mergeCells><pageMargins left="0.7"/></worksheet>');
    expect(strip('<x:dataValidations count="1"><x:dataValidation sqref="A1"/></x:dataValidations><x:pageMargins/>', 'x:')).toBe('<x:pageMargins/>');
  });

  test('kept when not closed, or of another name', () => {
    for (const s of ['<dataValidations count="1"><dataValidation sqref="A1"/></worksheet>', '<dataValidation sqref="A1"/>', '<conditionalFormattings>x</conditionalFormattings>'])
      expect(strip(s)).toBe(s);
  });
});
