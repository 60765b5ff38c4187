import { bytesLender, scratchBytes } from './reusedBytes';

const MB = 1024 * 1024;

test('a lent buffer is lent again once given back, never to two packages at once, and none past 8 MB', () => {
  const lender = bytesLender();
  const a = lender.lend(200_000)!;
  const b = lender.lend(200_000)!;
  expect(a).not.toBe(b);
  expect(a.length).toBeGreaterThanOrEqual(200_000);
  lender.giveBack(a);
  expect(lender.lend(100_000)).toBe(a);
  // A region's workbook, or a header declaring more: no buffer is made for it.
  expect(lender.lend(8 * MB + 1)).toBeUndefined();
});

test('the scratch buffer serves each sheet from one buffer, and a sheet past 8 MB from its own', () => {
  const take = scratchBytes();
  const first = take(100_000);
  const second = take(50_000);
  expect(second.buffer).toBe(first.buffer);
  expect(second.length).toBe(50_000);
  const huge = take(9 * MB);
  expect(huge.length).toBe(9 * MB);
  expect(huge.buffer).not.toBe(first.buffer);
  // …and the small buffer is still the one the next sheet gets.
  expect(take(10).buffer).toBe(first.buffer);
});
