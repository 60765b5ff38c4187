import { firstTouchGauge, measureFirstTouch, readingWorkersFor, SLOW_FIRST_TOUCH_MICROS } from './readingWorkers';

const never = () => {
  throw new Error('the probe is for two cores only');
};

test('one core: the season worker reads alone', () => {
  expect(readingWorkersFor(1, never)).toBe(0);
});

test('two cores: one reading worker where fresh memory is quick to touch, none where it is slow', () => {
  expect(readingWorkersFor(2, () => 0.3)).toBe(1); // a desktop
  expect(readingWorkersFor(2, () => 3)).toBe(1); // the quicker virtual machine measured
  expect(readingWorkersFor(2, () => SLOW_FIRST_TOUCH_MICROS)).toBe(1);
  expect(readingWorkersFor(2, () => SLOW_FIRST_TOUCH_MICROS + 0.01)).toBe(0);
  expect(readingWorkersFor(2, () => 15)).toBe(0); // the slower one
});

test('three cores or more: one reading worker a core but one, five at most, without measuring anything', () => {
  expect(readingWorkersFor(3, never)).toBe(2);
  expect(readingWorkersFor(4, never)).toBe(3);
  expect(readingWorkersFor(6, never)).toBe(5);
  expect(readingWorkersFor(16, never)).toBe(5);
});

test('the first-touch probe gives the least of three runs, in microseconds a 4 KB page of 4 MB', () => {
  // Start and end of each run, in milliseconds: 5, 4 and 2 ms for 1,024 pages (the first two set aside a while).
  const clock = [0, 5, 10, 14, 20, 22];
  expect(measureFirstTouch(() => clock.shift()!)).toBeCloseTo((2 * 1000) / 1024, 6);
});

test('the probe measures this machine: a positive figure, not a constant', () => {
  const micros = measureFirstTouch();
  expect(micros).toBeGreaterThan(0);
  expect(Number.isFinite(micros)).toBe(true);
});

test('a slow first touch measured while the browser was busy is measured again with each request, and the least counts', () => {
  const probes = [20, 12, 2.5, 30];
  const gauge = firstTouchGauge(() => probes.shift()!);
  expect(readingWorkersFor(2, gauge.micros)).toBe(0); // 20 µs: read alone for now
  expect(gauge.recheck()).toBe(false); // 12: still slow
  expect(gauge.recheck()).toBe(true); // 2.5: quick after all — a reading worker is started
  expect(readingWorkersFor(2, gauge.micros)).toBe(1);
  expect(gauge.recheck()).toBe(false); // quick stays quick: not measured again (30 is never taken)
  expect(probes).toEqual([30]);
});

test('a quick first touch, or none measured (three cores or more), is never measured again', () => {
  const quick = firstTouchGauge(() => 2);
  expect(quick.micros()).toBe(2);
  expect(quick.recheck()).toBe(false);
  expect(firstTouchGauge(never).recheck()).toBe(false);
});
