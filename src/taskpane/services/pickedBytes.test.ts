import { BatchedFile, readBatch, readTogether, type PickedFile } from './pickedBytes';

const bytesOf = async (f: PickedFile) => new Uint8Array(await f.arrayBuffer());

test('picked files read together give each file its own bytes, in order, and a large file is read on its own', async () => {
  const small = Array.from({ length: 120 }, (_, i) => new File([new Uint8Array(1000 + i).fill(i)], `Школа ${i + 1}.xlsx`, { lastModified: 1_700_000_000_000 + i }));
  const large = new File([new Uint8Array(2 * 1024 * 1024).fill(7)], 'Большой.xlsx', { lastModified: 1 });
  const plain: PickedFile = { name: 'не Blob.xlsx', lastModified: 2, arrayBuffer: async () => new Uint8Array([1, 2, 3]).buffer };
  const files: PickedFile[] = [...small.slice(0, 60), large, plain, ...small.slice(60)];
  const together = readTogether(files);
  expect(together.map((f) => f.name)).toEqual(files.map((f) => f.name));
  expect(together.map((f) => f.lastModified)).toEqual(files.map((f) => f.lastModified));
  // The large file and the one that is no Blob are left as they are; the others come from their batch.
  expect(together[60]).toBe(large);
  expect(together[61]).toBe(plain);
  expect(together.filter((f) => f instanceof BatchedFile)).toHaveLength(120);
  // Asked out of order, as reading threads ask, each gets its own bytes (a copy: handed to a worker alone).
  const order = [5, 70, 0, 119 + 2, 61, 60, 64, 49, 50, 100];
  for (const i of order) {
    const got = await bytesOf(together[i]);
    const want = await bytesOf(files[i]);
    expect(got.byteLength).toBe(want.byteLength);
    expect(Buffer.from(got).equals(Buffer.from(want))).toBe(true);
  }
  const first = await together[1].arrayBuffer();
  expect(first.byteLength).toBe(1001);
});

test('a picked file that changed since it was picked is read on its own, and its batch-mates still read', async () => {
  const files = Array.from({ length: 3 }, (_, i) => new File([new Uint8Array(10).fill(i + 1)], `Школа ${i + 1}.xlsx`));
  // A file whose bytes are not what its size said (changed on disk): the batch is not trusted, each is read alone.
  const changed = Object.defineProperty(files[1], 'size', { value: 12 });
  expect(changed.size).toBe(12);
  const together = readTogether(files);
  expect(Array.from(await bytesOf(together[0]))).toEqual(new Array(10).fill(1));
  expect(Array.from(await bytesOf(together[2]))).toEqual(new Array(10).fill(3));
});

test('a file read with others is copied into the buffer lent for it where it fits, else into one of its own', async () => {
  const files = [new File([new Uint8Array(3000).fill(5)], 'Школа 1.xlsx'), new File([new Uint8Array(70_000).fill(6)], 'Школа 2.xlsx')];
  const [small, large] = readTogether(files) as BatchedFile[];
  const lent = new Uint8Array(64 * 1024).fill(9); // what the last file read in it left behind
  const first = await small.into(lent);
  expect(first.buffer).toBe(lent.buffer);
  expect(first.size).toBe(3000);
  expect(Array.from(new Uint8Array(first.buffer, 0, 3000)).every((b) => b === 5)).toBe(true);
  // Too small for the next file: a buffer of the file's own.
  const second = await large.into(lent);
  expect(second.buffer).not.toBe(lent.buffer);
  expect(second.size).toBe(70_000);
  expect(Array.from(new Uint8Array(second.buffer, 0, 70_000)).every((b) => b === 6)).toBe(true);
  // Nothing lent, or a view not at the buffer's start (the reader reads from the start): a buffer of its own too.
  for (const none of [undefined, new Uint8Array(8192).subarray(16)]) {
    const [again] = readTogether([files[0]]) as BatchedFile[];
    const got = await again.into(none);
    expect(got.buffer).not.toBe(none?.buffer);
    expect(got.size).toBe(3000);
    expect(Array.from(new Uint8Array(got.buffer, 0, 3000)).every((b) => b === 5)).toBe(true);
  }
});

test('a file whose batch cannot be read goes to its reader as itself, every byte, not in the lent buffer', async () => {
  const files = Array.from({ length: 2 }, (_, i) => new File([new Uint8Array(10).fill(i + 1)], `Школа ${i + 1}.xlsx`));
  Object.defineProperty(files[1], 'size', { value: 12 }); // changed on disk since it was picked
  const [first] = readTogether(files) as BatchedFile[];
  const lent = new Uint8Array(64 * 1024);
  const got = await first.into(lent);
  expect(got.buffer).not.toBe(lent.buffer);
  expect(got.size).toBe(10);
  expect(Array.from(new Uint8Array(got.buffer))).toEqual(new Array(10).fill(1));
});

test('a batch is read whole into a buffer of its own, and a batch whose files changed on disk is not taken', async () => {
  const parts = [new Uint8Array(1000).fill(1), new Uint8Array(2000).fill(2)];
  const got = await readBatch(new Blob(parts), 3000);
  expect(got?.byteLength).toBe(3000);
  expect(Buffer.from(got!).equals(Buffer.concat(parts))).toBe(true);
  expect(got!.buffer.byteLength).toBeGreaterThan(4 * 1024 * 1024); // the batch buffer, read into again
  // Longer or shorter than the files' sizes said when picked.
  expect(await readBatch(new Blob(parts), 2999)).toBeUndefined();
  expect(await readBatch(new Blob(parts), 3001)).toBeUndefined();
});

test('where a blob is no byte stream (older browsers), its batch is read by arrayBuffer() all the same', async () => {
  const blob = new Blob([new Uint8Array(500).fill(4)]);
  const plain = Object.assign(blob, { stream: () => new ReadableStream({ pull: (c) => c.close() }) });
  const got = await readBatch(plain, 500);
  expect(Array.from(got!)).toEqual(new Array(500).fill(4));
  expect(await readBatch(plain, 499)).toBeUndefined();
});
