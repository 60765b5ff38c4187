/**
 * The team's Excel-strictness checker, check_xlsx.py (/work/shared/tools/ooxml, its README): every XML part against
 * the ISO/IEC 29500 Transitional schemas after markup-compatibility processing, the package's relationships and
 * content types, and Excel's documented limits. Excel meets a workbook it dislikes with «We found a problem with
 * some content…» and drops what it dislikes; LibreOffice opens it without a word, so the LibreOffice tests cannot
 * see this.
 *
 * The tool lives outside the repository: CHECK_XLSX names it, else ../shared/tools/ooxml/check_xlsx.py beside the
 * repository (of the main checkout too, for a git worktree), else the team's copy in /work/shared/tools/ooxml.
 * Not found, or lxml missing, is a failure with the place to get it — never a skip.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const PYTHON = '/usr/bin/python3';
const RELATIVE = path.join('..', 'shared', 'tools', 'ooxml', 'check_xlsx.py');
const TEAM_COPY = '/work/shared/tools/ooxml/check_xlsx.py';

/**
 * Where the checker may be: CHECK_XLSX alone when set; else beside this checkout, beside the main checkout of a
 * worktree, and the team's shared copy.
 */
function candidates(): string[] {
  if (process.env.CHECK_XLSX) return [path.resolve(process.env.CHECK_XLSX)];
  const out = [path.resolve(ROOT, RELATIVE)];
  try {
    const common = execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: ROOT, encoding: 'utf8' }).trim();
    out.push(path.resolve(path.dirname(common), RELATIVE));
  } catch {
    // Not a git checkout (a release's sources): only the place beside it.
  }
  // The team's machines keep it here, wherever the repository was cloned.
  out.push(TEAM_COPY);
  return [...new Set(out)];
}

export function checkXlsxPath(): string {
  const tried = candidates();
  const found = tried.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    `Проверка файлов на строгость Excel (check_xlsx.py) не найдена: искали ${tried.join(', ')}. ` +
      'Это инструмент команды, он лежит вне репозитория, в ../shared/tools/ooxml/ рядом с ним (check_xlsx.py и папка xsd/, ' +
      'см. README.md там же); положите его туда или укажите путь в переменной CHECK_XLSX. Нужен также python3-lxml (scripts/setup.sh).',
  );
}

/** The one schema complaint the README calls harmless: xml:space on <t> in sharedStrings.xml (Excel writes it too). */
const KNOWN = (part: string, message: string) => part === 'xl/sharedStrings.xml' && message.includes('XML/1998/namespace}space') && message.includes('}t\'');

interface PartResult {
  skipped?: boolean;
  schema?: string;
  mce?: { errors: Record<string, { count: number; msg: string; path: string }>; notes: Record<string, number> };
}
type Report = Record<string, { schema: Record<string, PartResult>; package: Record<string, string[][]> }>;

export interface XlsxFinding {
  file: string;
  what: string;
}

/**
 * Runs the checker on the files (paths), returns what Excel would object to: [ERROR]s left after MCE (but the known
 * one), MCE errors, parts the checker could not classify, and every [PROBLEM] of the package checks.
 */
export async function checkXlsx(files: string[]): Promise<XlsxFinding[]> {
  const tool = checkXlsxPath();
  const dir = await mkdtemp(path.join(tmpdir(), 'pk-check-xlsx-'));
  const json = path.join(dir, 'report.json');
  try {
    await new Promise<void>((resolve, reject) =>
      execFile(PYTHON, [tool, '--quiet-mce', '--json', json, ...files], { maxBuffer: 64 * 1024 * 1024, timeout: 600_000 }, (err, _stdout, stderr) => {
        if (!err) resolve();
        else if (/No module named 'lxml'/.test(stderr)) reject(new Error('check_xlsx.py не запустился: нет модуля lxml. Установите python3-lxml (apt-get install -y python3-lxml или scripts/setup.sh).'));
        else reject(new Error(`check_xlsx.py завершился с ошибкой: ${err.message}\n${stderr}`));
      }),
    );
    const report = JSON.parse(await readFile(json, 'utf8')) as Report;
    const findings: XlsxFinding[] = [];
    for (const file of files) {
      const r = report[file];
      if (!r) {
        findings.push({ file, what: 'check_xlsx.py ничего не сказал об этом файле' });
        continue;
      }
      for (const [part, res] of Object.entries(r.schema)) {
        if (res.skipped) findings.push({ file, what: `${part}: часть неизвестного типа, схемой не проверена` });
        for (const e of Object.values(res.mce?.errors ?? {}))
          if (!KNOWN(part, e.msg)) findings.push({ file, what: `[ERROR] ${part} ×${e.count}: ${e.msg} (${e.path})` });
        for (const [note, n] of Object.entries(res.mce?.notes ?? {})) if (/ERROR/.test(note)) findings.push({ file, what: `[MCE] ${part} ×${n}: ${note}` });
      }
      for (const [problem, examples] of Object.entries(r.package)) findings.push({ file, what: `[PROBLEM] ${problem}: ${examples.length}, e.g. ${JSON.stringify(examples.slice(0, 3))}` });
    }
    return findings;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
