import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PROBLEM_CODES } from './problemCodes';

test('docs/validation-codes.md has a row for every code the program can emit, and no row for a code it cannot', () => {
  const doc = readFileSync(path.join(__dirname, '../../docs/validation-codes.md'), 'utf8');
  const documented = [...doc.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
  expect([...documented].sort()).toEqual([...PROBLEM_CODES].sort());
  expect(new Set(documented).size).toBe(documented.length);
});
