/**
 * A manifest against Microsoft's XSD schemas (test/manifest-schemas, sources and changes in its README.md), with a
 * real validator: xmllint (libxml2). fast-xml-parser, which the structure checks use, reads what Office refuses —
 * a «--» inside a comment, for one — so well-formedness and the schema are checked here.
 */
import { spawnSync } from 'child_process';
import path from 'path';

export const SCHEMA_DIR = path.join(__dirname, '..', 'manifest-schemas');
export const MANIFEST_XSD = path.join(SCHEMA_DIR, 'OfficeAppManifestV1_1.xsd');

const MISSING = 'xmllint не найден: установите пакет libxml2-utils (scripts/setup.sh) — без него манифесты не проверить по схемам Microsoft';

/** Every complaint xmllint has about `xml` (parse errors and schema errors); empty when it validates. */
export function manifestSchemaErrors(xml: string): string[] {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', MANIFEST_XSD, '-'], { input: xml, encoding: 'utf8' });
  if (run.error) {
    if ((run.error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(MISSING);
    throw run.error;
  }
  const lines = run.stderr.split('\n').filter((l) => l.trim() && l.trim() !== '- validates');
  // Exit code 0 is valid; any other (not well-formed, not valid, or the schema itself not compiling) fails. Even
  // on 0 a line left means a warning (an import skipped, say): the schema folder is broken, and that fails too.
  if (run.status === 0) return lines;
  return lines.length ? lines : [`xmllint завершился с кодом ${run.status} без сообщений`];
}

/** The schema test every manifest of ours gets; `xml` is read lazily so a release can be built first. */
export function describeManifestSchema(label: string, xml: () => string): void {
  describe(`${label}: Microsoft's schema`, () => {
    test('is well-formed XML and valid against Microsoft’s add-in manifest XSD (xmllint, not a lenient parser)', () => {
      expect(manifestSchemaErrors(xml())).toEqual([]);
    });
  });
}
