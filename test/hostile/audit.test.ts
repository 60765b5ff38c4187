/**
 * scripts/audit.sh judges `npm audit`'s report: fails on a high or critical advisory in a production dependency,
 * passes (saying so plainly) when the audit service does not answer, and fails when the audit itself is broken.
 * npm is replaced by a stand-in that prints a given report, so every case is tested without the network.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// Slow on purpose (CLI): each test runs whole commands (stamp, merge of many school files, file writing) end to end.
jest.setTimeout(120_000);

const root = path.join(__dirname, '..', '..');
const dir = mkdtempSync(path.join(tmpdir(), 'pk-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** Run audit.sh with an npm that prints `report` and exits with `status`; also records the arguments it got. */
function audit(report: unknown, status: number): { code: number; out: string; args: string } {
  const fake = path.join(dir, `npm${n++}`);
  const json = typeof report === 'string' ? report : JSON.stringify(report);
  writeFileSync(`${fake}.json`, json);
  writeFileSync(fake, `#!/usr/bin/env bash\necho "$@" > "${fake}.args"\ncat "${fake}.json"\necho 'npm warn noise' >&2\nexit ${status}\n`);
  chmodSync(fake, 0o755);
  const r = spawnSync('bash', [path.join(root, 'scripts/audit.sh')], { env: { ...process.env, NPM: fake }, encoding: 'utf8' });
  const args = spawnSync('cat', [`${fake}.args`], { encoding: 'utf8' }).stdout.trim();
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}`, args };
}

const report = (counts: Partial<Record<'info' | 'low' | 'moderate' | 'high' | 'critical', number>>, vulns: Record<string, unknown> = {}) => ({
  auditReportVersion: 2,
  vulnerabilities: vulns,
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts, total: Object.values(counts).reduce((a, b) => a + (b ?? 0), 0) } },
});

test('asks npm for production dependencies only, at the high level', () => {
  expect(audit(report({}), 0).args).toBe('audit --omit=dev --audit-level=high --json');
});

test('no advisories → passes and says so', () => {
  const r = audit(report({}), 0);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/высоких и критических уязвимостей .* нет/);
});

test('only low and moderate advisories → passes', () => {
  const r = audit(report({ low: 2, moderate: 1 }, { 'some-lib': { severity: 'moderate', via: ['x'], range: '<1.2' } }), 0);
  expect(r.code).toBe(0);
});

test.each(['high', 'critical'])('a %s advisory in a production dependency → fails and names the package', (severity) => {
  const r = audit(
    report({ [severity]: 1 }, { 'bad-zip': { severity, range: '<2.0.1', via: [{ title: 'Prototype pollution in bad-zip', url: 'https://github.com/advisories/GHSA-x' }], fixAvailable: true } }),
    1,
  );
  expect(r.code).toBe(1);
  expect(r.out).toContain('bad-zip');
  expect(r.out).toContain('Prototype pollution in bad-zip');
  expect(r.out).toContain(severity);
});

test.each([
  ['a registry mirror without the audit endpoint (405)', { message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', uri: 'https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405 }],
  ['no network (ENOTFOUND)', { error: { code: 'ENOTFOUND', summary: 'request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org' } }],
  ['a connection refused by a proxy', { error: { code: 'ECONNREFUSED', summary: 'connect ECONNREFUSED 127.0.0.1:8080' } }],
])('the audit service unreachable: %s → passes, saying plainly that it was not run', (_what, body) => {
  const r = audit(body, 1);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/Аудит зависимостей не выполнен: служба аудита npm недоступна/);
});

test('no lockfile → fails: that is a broken audit, not an offline one', () => {
  const r = audit({ error: { code: 'ENOLOCK', summary: 'This command requires an existing lockfile.' } }, 1);
  expect(r.code).toBe(2);
  expect(r.out).toContain('lockfile');
});

test('output that is not JSON → fails', () => {
  const r = audit('Segmentation fault', 139);
  expect(r.code).toBe(2);
  expect(r.out).toMatch(/не JSON/);
});
