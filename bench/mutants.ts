/**
 * `npx tsx bench/mutants.ts [--only id,id] [--list] [--quick] [--workers N] [--no-hints] [--keep]`
 *
 * A small mutation run: realistic one-line bugs (a `<` for a `<=`, a wrong base of a percentage, a dropped condition,
 * a header one row off…) applied one at a time to src/domain in a SCRATCH COPY of the tree (never the working tree),
 * each followed by the tests that should notice it. Prints a table: killed (with the test that failed) or survived.
 * Passes or fails nothing itself (so it is not a test); a survivor is a test to write, or an equivalent mutant to
 * explain in MUTANTS below.
 *
 * Per mutant: first its `hints` (the tests expected to kill it, for speed), then — if it survived them — jest
 * `--findRelatedTests` on the mutated file plus the rule/formula parity test, with --bail. Chromium (test/e2e) and
 * release builds are left out: they take minutes each and test nothing a one-line domain change would escape.
 * `--quick`: the hints and the parity test only (no --findRelatedTests): a survivor there is «survived (quick)»,
 * not proof that the whole suite misses it — on 2 shared cores a full related run takes a quarter of an hour.
 * A mutant whose original line is no longer in the file (someone changed it) is reported «not applicable».
 */
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const PARITY_TEST = 'test/rules.parity.libreoffice.test.ts';
const IGNORED_TESTS = '/test/(e2e|release)';
const RUN_TIMEOUT_MS = 25 * 60_000;

interface Mutant {
  id: string;
  file: string;
  /** Exact text that must occur once in the file. */
  original: string;
  replacement: string;
  /** What a user would see wrong (Russian / English). */
  description: string;
  /** Tests expected to kill it, run first. */
  hints?: string[];
  /** Why it cannot be killed, when it is an equivalent mutant. */
  equivalent?: string;
}

const RULE_TESTS = ['src/domain/rules/participation.test.ts', 'src/domain/rules/partners.test.ts'];

export const MUTANTS: Mutant[] = [
  // ——— rules of table 3.1 ———
  {
    id: 'participants-equal', file: 'src/domain/rules/participation.ts',
    original: 'took !== undefined && took > students', replacement: 'took !== undefined && took >= students',
    description: 'школа, где участвовали все ученики, — ошибка / a school where every pupil took part flagged', hints: RULE_TESTS,
  },
  {
    id: 'schools-active-equal', file: 'src/domain/rules/participation.ts',
    original: 'active !== undefined && active > schools', replacement: 'active !== undefined && active >= schools',
    description: 'все ОО организовали мероприятия — ошибка / every school organising flagged', hints: RULE_TESTS,
  },
  {
    id: 'ovz-participants-equal', file: 'src/domain/rules/participation.ts',
    original: 'ovzTook !== undefined && ovzTook > ovz)', replacement: 'ovzTook !== undefined && ovzTook >= ovz)',
    description: 'все обучающиеся с ОВЗ участвовали — ошибка / every ОВЗ pupil took part flagged', hints: RULE_TESTS,
  },
  {
    id: 'ovz-grade-equal', file: 'src/domain/rules/participation.ts',
    original: 'o !== undefined && o > all', replacement: 'o !== undefined && o >= all',
    description: 'класс, где все участники с ОВЗ, — ошибка / a grade whose every participant has ОВЗ flagged', hints: RULE_TESTS,
  },
  {
    id: 'teachers-equal', file: 'src/domain/rules/participation.ts',
    original: 'teachers > teachersTotal', replacement: 'teachers >= teachersTotal',
    description: 'участвовали все педагоги — ошибка / every teacher took part flagged', hints: RULE_TESTS,
  },
  {
    id: 'grades-sum-one-way', file: 'src/domain/rules/participation.ts',
    original: 'if (sum !== total) {', replacement: 'if (sum > total) {',
    description: 'сумма по классам меньше числа участников не замечена / grades adding up to less not flagged', hints: RULE_TESTS,
  },
  {
    id: 'events-one-school', file: 'src/domain/rules/participation.ts',
    original: 'const organised = (active ?? 0) > 0;', replacement: 'const organised = (active ?? 0) > 1;',
    description: 'одна ОО организовала, мероприятий 0 — не замечено / one organising school with no events not flagged', hints: RULE_TESTS,
  },
  {
    id: 'names-over-count', file: 'src/domain/rules/participation.ts',
    original: 'if (listed === count || (open && listed < count)) return;', replacement: 'if (listed >= count || (open && listed < count)) return;',
    description: 'наименований больше, чем указано, — не замечено / more names than the count not warned', hints: RULE_TESTS,
  },
  {
    id: 'negative-zero', file: 'src/domain/rules/context.ts',
    original: 'if (r.value < 0) {', replacement: 'if (r.value <= 0) {',
    description: 'ноль — «отрицательное число» / a zero count called negative', hints: RULE_TESTS,
  },
  // ——— table 3.2, the «Итого» row ———
  {
    id: 'categories-one-way', file: 'src/domain/rules/partners.ts',
    original: 'if (sum !== total) {', replacement: 'if (sum < total) {',
    description: 'категорий больше общего числа партнёров — не замечено / categories over the total not warned', hints: RULE_TESTS,
  },
  {
    id: 'agreement-one-way', file: 'src/domain/rules/partners.ts',
    original: 'if (count === undefined || count === total) continue;', replacement: 'if (count === undefined || count <= total) continue;',
    description: 'в 3.1 партнёров меньше, чем в 3.2, — не замечено / 3.1 under 3.2 not warned', hints: RULE_TESTS,
  },
  {
    id: 'total-row-one-way', file: 'src/domain/rules/totalRow.ts',
    original: 'if (sum !== t)', replacement: 'if (sum < t)',
    description: '«Итого» меньше суммы строк — не замечено / a total under its rows not warned', hints: ['src/domain/rules/totalRow.test.ts'],
  },
  // ——— plan ———
  {
    id: 'plan-ends-after', file: 'src/domain/rules/plan.ts',
    original: 'from < settings.windowFrom || to > settings.windowTo', replacement: 'from < settings.windowFrom || from > settings.windowTo',
    description: 'мероприятие начинается в кампанию и кончается после — не замечено / an event running past the campaign not warned',
    hints: ['src/domain/rules/plan.test.ts'],
  },
  {
    id: 'plan-first-day', file: 'src/domain/rules/plan.ts',
    original: 'from < settings.windowFrom ||', replacement: 'from <= settings.windowFrom ||',
    description: 'мероприятие в первый день кампании — «вне сроков» / an event on the first day warned', hints: ['src/domain/rules/plan.test.ts'],
  },
  {
    id: 'plan-zero-expected', file: 'src/domain/rules/plan.ts',
    original: '!Number.isInteger(expected.value) || expected.value < 0', replacement: '!Number.isInteger(expected.value) || expected.value <= 0',
    description: 'ожидается 0 участников — ошибка / zero expected participants an error', hints: ['src/domain/rules/plan.test.ts'],
  },
  {
    id: 'phone-seven-digits', file: 'src/domain/values/contact.ts',
    original: '(?:\\+?\\d[\\s\\-().]*){6,}', replacement: '(?:\\+?\\d[\\s\\-().]*){7,}',
    description: 'местный номер «43-05-20» не считается телефоном / a local six-digit phone not taken', hints: ['src/domain/rules/plan.test.ts'],
  },
  // ——— monitoring ———
  {
    id: 'monitoring-a-equal-b', file: 'src/domain/monitoring/rules.ts',
    original: 'if (a > b) {', replacement: 'if (a >= b) {',
    description: 'мониторинг: A = B (все участвовали) — ошибка / A = B flagged', hints: ['src/domain/monitoring/rules.test.ts'],
  },
  {
    id: 'monitoring-levels-one-way', file: 'src/domain/monitoring/rules.ts',
    original: 'if (sum !== events.value)', replacement: 'if (sum < events.value)',
    description: 'мероприятий по уровням больше проведённых — не замечено / levels over the events not warned', hints: ['src/domain/monitoring/rules.test.ts'],
  },
  // ——— the forms' «Проверка» formulas (parity) ———
  {
    id: 'formula-not-above-equal', file: 'src/domain/forms/stampAppendix3.ts',
    original: 'when: `AND(${allNumbers(a, b)},${a}>${b})`,', replacement: 'when: `AND(${allNumbers(a, b)},${a}>=${b})`,',
    description: '«Проверка»: все участвовали — ошибка / the form flags every pupil taking part', hints: [PARITY_TEST],
  },
  {
    id: 'formula-window-last-day', file: 'src/domain/forms/stampAppendix2.ts',
    original: 'N(${dates})>${excelDate(s.windowTo)}', replacement: 'N(${dates})>=${excelDate(s.windowTo)}',
    description: '«Проверка»: последний день кампании — «вне сроков» / the form warns on the last day', hints: [PARITY_TEST],
  },
  {
    id: 'formula-names-count', file: 'src/domain/forms/rowChecks.ts',
    original: '`IF(TRIM(${cell})="",0,1+IF(', replacement: '`IF(TRIM(${cell})="",0,IF(',
    description: '«Проверка»: наименований насчитано на одно меньше / the form counts one name too few', hints: [PARITY_TEST],
  },
  // ——— reading ———
  {
    id: 'header-taller', file: 'src/domain/read/locate.ts',
    original: 'return labels > 0 || continued > 0;', replacement: 'return labels > 0;',
    description: 'форма с объединённой шапкой на строку выше читается пустой / a form whose merged header is one row taller read as empty',
    hints: ['src/domain/read/readForms.test.ts'],
  },
  {
    id: 'dash-not-none', file: 'src/domain/values/count.ts',
    original: 'if (DASHES.test(text) || NONE_WORDS.test(text))', replacement: 'if (NONE_WORDS.test(text))',
    description: '«—» в ячейке числа — «не число» / a dash read as unreadable instead of none', hints: RULE_TESTS,
  },
  {
    id: 'autumn-window-end', file: 'src/domain/settings.ts',
    original: 'windowTo: iso(year, 10, 15)', replacement: 'windowTo: iso(year, 10, 14)',
    description: 'осенняя кампания кончается 14.10, а не 15.10 / the autumn window a day short (seed 002: 13 Sep – 15 Oct)',
    hints: ['src/domain/settings.test.ts'],
  },
  // ——— figures and the note ———
  {
    id: 'note-grade-base', file: 'src/domain/indicators/noteDocument.ts',
    original: 'percent(f.grades[i], f.participants)', replacement: 'percent(f.grades[i], f.students)',
    description: 'справка: доля класса от всех обучающихся, а не от участников / the note\'s per-grade % against the wrong base',
    hints: ['src/domain/indicators/noteDocument.test.ts'],
  },
  {
    id: 'note-grade-rounding', file: 'src/domain/indicators/noteDocument.ts',
    original: 'Math.round((n * 1000) / of) / 10', replacement: 'Math.floor((n * 1000) / of) / 10',
    description: 'справка: доли классов отбрасывают остаток / the note\'s per-grade % truncated, not rounded',
    hints: ['src/domain/indicators/noteDocument.test.ts'],
  },
  {
    id: 'share-rounding', file: 'src/domain/text/number.ts',
    original: 'return Math.round((a * 100) / b);', replacement: 'return Math.floor((a * 100) / b);',
    description: 'доли округляются вниз (95,9 % → 95) / shares truncated', hints: ['src/domain/text/text.test.ts'],
  },
  {
    id: 'teachers-share-swapped', file: 'src/domain/indicators/definitions.ts',
    original: 'values: (f) => ({ a: f.teachersWhereTotalGiven, b: f.teachersTotal }),', replacement: 'values: (f) => ({ a: f.teachersTotal, b: f.teachersWhereTotalGiven }),',
    description: 'доля педагогов: числитель и знаменатель переставлены / teachers\' share upside down',
    hints: ['src/domain/indicators/figures.test.ts', 'src/domain/indicators/summarySheet.test.ts'],
  },
  // ——— monitoring targets, report statuses, receipt dates ———
  {
    id: 'target-met-exactly', file: 'src/domain/monitoring/targets.ts',
    original: 'met: deviation === null ? null : deviation >= 0', replacement: 'met: deviation === null ? null : deviation > 0',
    description: 'мониторинг: факт ровно равен плану — «не выполнен» / a target met exactly called missed',
    hints: ['src/domain/monitoring/targets.test.ts', 'test/monitoring.libreoffice.test.ts'],
  },
  {
    id: 'unit-below-exactly', file: 'src/domain/monitoring/targets.ts',
    original: 'if ((a * 100) / b < plan) missed++;', replacement: 'if ((a * 100) / b <= plan) missed++;',
    description: 'мониторинг: организация ровно на плане названа не выполнившей / a unit exactly on target listed as below',
    hints: ['src/domain/monitoring/targets.test.ts', 'test/monitoring.libreoffice.test.ts'],
  },
  {
    id: 'sums-half-given', file: 'src/domain/monitoring/targets.ts',
    original: 'if (va === null || vb === null) continue;', replacement: 'if (va === null && vb === null) continue;',
    description: 'мониторинг: организация, указавшая только A или только B, входит в сумму / a unit with one of A, B counted',
    hints: ['src/domain/monitoring/targets.test.ts'],
  },
  {
    id: 'zero-says-yes', file: 'src/domain/indicators/figures.ts',
    original: 'v === false || v === 0) return false;', replacement: 'v === false) return false;',
    description: '«Получен» = 0 считается «да» / a 0 in «Получен» taken as received', hints: ['src/domain/indicators/figures.test.ts'],
  },
  {
    id: 'on-time-blank-late', file: 'src/domain/indicators/figures.ts',
    original: "if (isBlank(row.onTime)) return 'received';", replacement: "if (row.onTime === null) return 'received';",
    description: 'пустая строка в «В срок» — «с опозданием» / a blank «В срок» read as late', hints: ['src/domain/indicators/figures.test.ts'],
  },
  {
    id: 'one-save-gap', file: 'src/domain/consolidate/receiptDates.ts',
    original: '<= ONE_SAVE_GAP_MS) chain.push(x);', replacement: '< ONE_SAVE_GAP_MS) chain.push(x);',
    description: 'файлы, изменённые ровно через 10 минут, — не одно сохранение / files ten minutes apart not one save',
    hints: ['src/domain/consolidate/receiptDates.test.ts'],
  },
  // ——— names, lists, counts ———
  {
    id: 'yo-not-e', file: 'src/domain/consolidate/names.ts',
    original: ".replace(/ё/g, 'е')", replacement: ".replace(/ё/g, 'ё')",
    description: '«Школа им. Алёшина» и «Алешина» — две организации / ё and е spellings of one unit counted twice',
    hints: ['src/domain/consolidate/names.test.ts', 'src/domain/consolidate/organisations.test.ts'],
  },
  {
    id: 'partner-none-word', file: 'src/domain/consolidate/names.ts',
    original: '|нет|отсутствуют?|', replacement: '|отсутствуют?|',
    description: '«нет» в списке партнёров считается партнёром / «нет» counted as a partner',
    hints: ['src/domain/consolidate/names.test.ts', 'src/domain/values/partnerList.test.ts'],
  },
  {
    id: 'units-first-school-as-header', file: 'src/domain/consolidate/expectedUnits.ts',
    original: '(i === 0 && HEADER.test(name) && !/[\\d«"“]/.test(name))', replacement: '(i === 0 && HEADER.test(name))',
    description: 'список ожидаемых: «Школа № 1» в первой строке принята за заголовок / the first school of the list dropped as a header',
    hints: ['src/domain/consolidate/expectedUnits.test.ts'],
  },
  {
    id: 'units-numbered-dot', file: 'src/domain/consolidate/expectedUnits.ts',
    original: 'if (/^\\d+\\.?$/.test(name) && cells[1])', replacement: 'if (/^\\d+$/.test(name) && cells[1])',
    description: 'список ожидаемых с номерами «1.» в первом столбце: ожидается организация «1.» / a list numbered «1.» expects units called «1.»',
    hints: ['src/domain/consolidate/expectedUnits.test.ts'],
  },
  {
    id: 'decimal-comma', file: 'src/domain/values/count.ts',
    original: ".replace(',', '.');", replacement: ".replace('.', ',');",
    description: '«12,0» в ячейке числа — не число / a count typed with a decimal comma unreadable',
    hints: ['src/domain/values/values.test.ts'],
  },
];

// ——— running ———

interface Outcome {
  mutant: Mutant;
  line: number;
  result: 'killed' | 'survived' | 'survived (quick)' | 'not applicable' | 'timeout' | 'not run';
  by: string;
  seconds: number;
}

function args(): { only?: Set<string>; list: boolean; quick: boolean; workers: number; hints: boolean; keep: boolean } {
  const a = process.argv.slice(2);
  const value = (name: string) => {
    const i = a.indexOf(name);
    return i >= 0 ? a[i + 1] : a.find((x) => x.startsWith(`${name}=`))?.slice(name.length + 1);
  };
  const only = value('--only');
  return {
    only: only ? new Set(only.split(',')) : undefined,
    list: a.includes('--list'),
    quick: a.includes('--quick'),
    workers: Number(value('--workers') ?? 1),
    hints: !a.includes('--no-hints'),
    keep: a.includes('--keep'),
  };
}

/** The tree as it is now (tracked and new files, not ignored ones), node_modules linked. */
function scratchCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pk-mutants-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\0')
    // A worktree's node_modules may be a symlink, which `node_modules/` in .gitignore does not match.
    .filter((f) => f && f !== 'node_modules' && existsSync(path.join(ROOT, f)));
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    cpSync(path.join(ROOT, f), path.join(dir, f));
  }
  symlinkSync(realpathSync(path.join(ROOT, 'node_modules')), path.join(dir, 'node_modules'));
  return dir;
}

function occurrences(text: string, part: string): number {
  let n = 0;
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length)) n++;
  return n;
}

interface JestJson {
  numFailedTests: number;
  numFailedTestSuites: number;
  testResults: { name: string; status: string; message: string; assertionResults: { fullName: string; status: string }[] }[];
}

/** Runs jest in the scratch tree; resolves with the first failed test ('' when all passed), or null on timeout. */
function runJest(dir: string, jestArgs: string[], workers: number, cache: string): Promise<string | null> {
  const out = path.join(cache, `result-${process.pid}.json`);
  rmSync(out, { force: true });
  const argv = [
    path.join(dir, 'node_modules', 'jest', 'bin', 'jest.js'),
    '--ci', '--bail=1', '--silent', `--maxWorkers=${workers}`, `--cacheDirectory=${cache}`,
    `--testPathIgnorePatterns=${IGNORED_TESTS}`, '--json', `--outputFile=${out}`, ...jestArgs,
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, argv, { cwd: dir, stdio: 'ignore', detached: true });
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
      resolve(null);
    }, RUN_TIMEOUT_MS);
    child.on('exit', () => {
      clearTimeout(timer);
      if (!existsSync(out)) return resolve('jest wrote no result (crashed)');
      const r = JSON.parse(readFileSync(out, 'utf8')) as JestJson;
      if (r.numFailedTests === 0 && r.numFailedTestSuites === 0) return resolve('');
      const suite = r.testResults.find((t) => t.status === 'failed');
      if (!suite) return resolve('a suite failed');
      const file = path.relative(dir, suite.name);
      const test = suite.assertionResults.find((t) => t.status === 'failed');
      resolve(test ? `${file} › ${test.fullName}` : `${file} (did not run: ${suite.message.split('\n').find((l) => l.trim()) ?? ''})`);
    });
  });
}

async function main(): Promise<void> {
  const opts = args();
  const chosen = MUTANTS.filter((m) => !opts.only || opts.only.has(m.id));
  const started = new Date();
  const loadBefore = loadavg().map((x) => x.toFixed(2)).join(' ');
  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
  const dir = opts.list ? ROOT : scratchCopy();
  const cache = path.join(tmpdir(), 'pk-mutants-jest-cache');
  mkdirSync(cache, { recursive: true });
  const outcomes: Outcome[] = [];
  let current: { file: string; text: string } | undefined;
  const restore = () => {
    if (current && !opts.list) writeFileSync(current.file, current.text);
    current = undefined;
  };
  const cleanup = () => {
    restore();
    if (!opts.list && !opts.keep) rmSync(dir, { recursive: true, force: true });
  };
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    for (const m of chosen) {
      const file = path.join(dir, m.file);
      const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
      const n = occurrences(text, m.original);
      const line = n === 1 ? text.slice(0, text.indexOf(m.original)).split('\n').length : 0;
      if (n !== 1) {
        outcomes.push({ mutant: m, line, result: 'not applicable', by: n === 0 ? 'the original text is not in the file' : `the original text occurs ${n} times`, seconds: 0 });
        continue;
      }
      if (opts.list) {
        outcomes.push({ mutant: m, line, result: 'not run', by: '(--list)', seconds: 0 });
        continue;
      }
      const t0 = Date.now();
      current = { file, text };
      let by: string | null = '';
      try {
        writeFileSync(file, text.replace(m.original, m.replacement));
        const hints = (m.hints ?? []).filter((h) => existsSync(path.join(dir, h)));
        if (opts.hints && hints.length) by = await runJest(dir, ['--runTestsByPath', ...hints], opts.workers, cache);
        if (by === '')
          by = await runJest(dir, opts.quick ? ['--runTestsByPath', PARITY_TEST] : ['--findRelatedTests', m.file, PARITY_TEST], opts.workers, cache);
      } finally {
        restore();
      }
      const seconds = Math.round((Date.now() - t0) / 1000);
      outcomes.push({ mutant: m, line, result: by === null ? 'timeout' : by ? 'killed' : opts.quick ? 'survived (quick)' : 'survived', by: by ?? '', seconds });
      process.stderr.write(`${m.id}: ${outcomes[outcomes.length - 1].result} (${seconds} s) ${by ?? ''}\n`);
    }
  } finally {
    cleanup();
  }

  const killed = outcomes.filter((o) => o.result === 'killed').length;
  const survived = outcomes.filter((o) => o.result.startsWith('survived'));
  const na = outcomes.filter((o) => o.result === 'not applicable').length;
  console.log(`# Mutation run — ${started.toISOString()}`);
  console.log(`command: npx tsx bench/mutants.ts ${process.argv.slice(2).join(' ')}`.trim());
  console.log(`tree: ${head}${dirty ? ' + uncommitted changes' : ''}; jest workers: ${opts.workers}; load average before: ${loadBefore}, after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`took ${Math.round((Date.now() - started.getTime()) / 1000)} s\n`);
  console.log('| mutant | where | what goes wrong | result | killed by | s |');
  console.log('|---|---|---|---|---|---|');
  for (const o of outcomes)
    console.log(`| ${o.mutant.id} | ${o.mutant.file}:${o.line} | ${o.mutant.description} | ${o.result} | ${o.by.replace(/\|/g, '\\|')} | ${o.seconds} |`);
  console.log(`\n${killed} killed, ${survived.length} survived, ${na} not applicable, of ${outcomes.length}.`);
  for (const o of survived) if (o.mutant.equivalent) console.log(`- ${o.mutant.id}: ${o.mutant.equivalent}`);
}

void main();
