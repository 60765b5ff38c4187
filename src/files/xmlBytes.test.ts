import { XmlBytes } from './xmlBytes';

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('a sheet written as bytes', () => {
  test('numbers are written as the text of the same numbers would be', () => {
    const out = new XmlBytes(4);
    const numbers = [0, -0, 7, 9, 10, 99, 100, 1_048_576, 2 ** 31 - 1];
    for (const n of numbers) {
      out.count(n);
      out.ascii(',');
    }
    expect(text(out.piece())).toBe(numbers.map((n) => `${n},`).join(''));
  });

  test('tags, Cyrillic text and a row longer than the buffer come out whole, in UTF-8', () => {
    const out = new XmlBytes(8);
    out.ascii('<c r="A1" t="str">');
    out.text('<f>СУММ(Прил. 3!B2:B9)</f>');
    out.ascii('</c>');
    expect(text(out.piece())).toBe('<c r="A1" t="str"><f>СУММ(Прил. 3!B2:B9)</f></c>');
  });

  test('a piece held while the next is written keeps its bytes; the one before is the writer\'s again', () => {
    const out = new XmlBytes(16);
    out.ascii('first');
    const first = out.piece();
    out.ascii('second');
    const second = out.piece();
    expect([text(first), text(second)]).toEqual(['first', 'second']);
    out.ascii('third');
    expect(text(out.piece())).toBe('third');
    expect(text(second)).toBe('second');
  });
});
