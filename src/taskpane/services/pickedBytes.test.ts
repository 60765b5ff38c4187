import { BatchedFile, readTogether, type PickedFile } from './pickedBytes';

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
