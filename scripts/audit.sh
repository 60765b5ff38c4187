#!/usr/bin/env bash
# Known vulnerabilities in the production dependencies (what ships in the add-in and the CLI).
#
#   bash scripts/audit.sh
#
# Runs `npm audit --omit=dev --audit-level=high` and judges its JSON report:
#   exit 0  no high or critical advisory — or the audit service did not answer (offline, a registry mirror without
#           the audit endpoint): said plainly, because being offline is not a vulnerability;
#   exit 1  a high or critical advisory in a production dependency (listed);
#   exit 2  npm audit failed for another reason (no lockfile, unreadable output): that needs a person.
# NPM=/path/to/npm overrides the npm used (the tests substitute a stand-in).
set -uo pipefail
cd "$(dirname "$0")/.."

NPM="${NPM:-npm}"
report="$(mktemp)"
trap 'rm -f "$report"' EXIT

"$NPM" audit --omit=dev --audit-level=high --json >"$report" 2>/dev/null
npm_status=$?

node - "$report" "$npm_status" <<'EOF'
const fs = require('fs');
const [file, npmStatus] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8').trim();
let report;
try {
  report = JSON.parse(text || 'null');
} catch {
  console.error(`Аудит зависимостей: npm audit вернул не JSON (код ${npmStatus}). Запустите «npm audit --omit=dev» вручную и посмотрите, что не так.`);
  process.exit(2);
}
const counts = report && report.metadata && report.metadata.vulnerabilities;
if (counts && typeof counts === 'object') {
  const serious = Object.entries(report.vulnerabilities || {}).filter(([, v]) => v && (v.severity === 'high' || v.severity === 'critical'));
  const total = (counts.high || 0) + (counts.critical || 0);
  if (total === 0 && serious.length === 0) {
    console.log(`Аудит зависимостей: высоких и критических уязвимостей в рабочих зависимостях нет (всего замечаний: ${counts.total || 0}).`);
    process.exit(0);
  }
  console.error(`Аудит зависимостей: найдены уязвимости высокой или критической степени (${Math.max(total, serious.length)}):`);
  for (const [name, v] of serious) {
    const via = (v.via || []).map((x) => (typeof x === 'string' ? x : x.title || x.url)).filter(Boolean).join('; ');
    console.error(`  ${name} (${v.severity}, версии ${v.range || '?'}): ${via || 'см. npm audit'}${v.fixAvailable ? ' — есть исправление: npm audit fix' : ''}`);
  }
  process.exit(1);
}
// No report: tell an unreachable service from a broken audit.
const error = (report && (report.error || report)) || {};
const code = String(error.code || '');
const message = String(report && report.message ? report.message : error.summary || '');
const status = Number(report && report.statusCode);
const unreachable =
  /^(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ENETDOWN|ECONNABORTED|EPROTO|CERT_|UNABLE_TO_|SELF_SIGNED)/.test(code) ||
  (status >= 400 && /security\/(advisories|audits)/.test(String(report && report.uri) + message)) ||
  /audit endpoint|network|socket hang up|getaddrinfo|offline/i.test(message + ' ' + String(error.detail || ''));
if (unreachable) {
  console.log(`Аудит зависимостей не выполнен: служба аудита npm недоступна (${message || code || `HTTP ${status}`}). Это не уязвимость; повторите, когда будет доступ к registry.npmjs.org.`);
  process.exit(0);
}
console.error(`Аудит зависимостей не выполнен: ${message || code || 'npm audit завершился ошибкой'} (код ${npmStatus}). Исправьте причину (например, восстановите package-lock.json командой npm install) и повторите.`);
process.exit(2);
EOF
