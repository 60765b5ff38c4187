import { readEml } from './letters';

// 250 KB: postal-mime decodes it in several chunks, which the patch joins (a 70 KB one comes as one).
const attached = Uint8Array.from({ length: 250_000 }, (_, i) => (i * 7919 + (i >> 9)) % 256);
const base64Lines = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\r\n');
const letter = [
  'From: =?utf-8?B?0KjQutC+0LvQsCDihJYgMQ==?= <school1@example.ru>',
  'Subject: =?utf-8?B?0J7RgtGH0ZHRgg==?=',
  'Date: Tue, 20 Oct 2026 23:30:00 +0300',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b"',
  '',
  '--b',
  'Content-Type: text/plain; charset=koi8-r',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  '=EF=D4=DE=C5=D4 =D7=CF =D7=CC=CF=D6=C5=CE=C9=C9',
  '--b',
  'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; name="otchet.xlsx"',
  'Content-Disposition: attachment; filename="otchet.xlsx"',
  'Content-Transfer-Encoding: base64',
  '',
  base64Lines(attached),
  '--b--',
  '',
].join('\r\n');

test('a letter is read without a Blob: in the pane\'s worker each Blob is a round trip to the browser\'s process (patches/postal-mime)', async () => {
  const RealBlob = globalThis.Blob;
  let blobs = 0;
  globalThis.Blob = class extends RealBlob {
    constructor(...args: ConstructorParameters<typeof Blob>) {
      super(...args);
      blobs++;
    }
  };
  try {
    const read = await readEml(new TextEncoder().encode(letter));
    expect(read.parts.map((p) => p.name)).toEqual(['otchet.xlsx']);
    expect(Buffer.from(read.parts[0].bytes).equals(Buffer.from(attached))).toBe(true);
    expect(read.subject).toBe('Отчёт');
    expect(read.from).toEqual({ address: 'school1@example.ru', name: 'Школа № 1' });
  } finally {
    globalThis.Blob = RealBlob;
  }
  // Without the patch (npm install runs patch-package), postal-mime makes a Blob of every part it decodes.
  expect(blobs).toBe(0);
});
