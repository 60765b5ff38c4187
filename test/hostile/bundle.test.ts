/**
 * The built add-in, as `npm run build` makes it (into a temporary folder): no chunk — ours or a library's — calls
 * a network API, the only outside script is Office.js, and every page ships its Content-Security-Policy.
 * Building takes about a minute on two busy cores; it is the only test here that runs webpack.
 */
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import webpack from 'webpack';
import { NETWORK_CALLS } from './support';
// Slow on purpose (release build): tests run webpack's production config or the release script.
jest.setTimeout(120_000);

const root = path.join(__dirname, '..', '..');
let out: string;

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'pk-bundle-'));
  const cwd = process.cwd();
  process.chdir(root); // the config's entries and templates are relative to the project
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = await require(path.join(root, 'webpack.config.js'))({}, { mode: 'production' });
    config.output = { ...config.output, path: out };
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      webpack(config, (err, s) => (err || !s ? reject(err ?? new Error('webpack gave no stats')) : resolve(s))),
    );
    if (stats.hasErrors()) throw new Error(`Сборка не удалась:\n${stats.toString({ all: false, errors: true })}`);
  } finally {
    process.chdir(cwd);
  }
}, 600_000);
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

test('no chunk of the built add-in calls a network API', () => {
  const chunks = fs.readdirSync(out).filter((f) => f.endsWith('.js'));
  expect(chunks.length).toBeGreaterThanOrEqual(2);
  const found: string[] = [];
  for (const f of chunks) {
    const text = fs.readFileSync(path.join(out, f), 'utf8');
    for (const [what, re] of NETWORK_CALLS) {
      const m = re.exec(text);
      if (m) found.push(`${f}: ${what} …${text.slice(Math.max(0, m.index - 60), m.index + 60)}…`);
    }
  }
  expect(found).toEqual([]);
});

test('each built page has the policy first and loads no outside script but Office.js', () => {
  const pages = fs.readdirSync(out).filter((f) => f.endsWith('.html') && f !== 'help.html');
  expect(pages.sort()).toEqual(['commands.html', 'taskpane.html']);
  for (const p of pages) {
    const html = fs.readFileSync(path.join(out, p), 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(csp).not.toBeNull();
    expect(csp!.index).toBeLessThan(html.indexOf('<script'));
    expect(csp![1]).toContain("connect-src 'self' https://appsforoffice.microsoft.com;");
    const outside = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]).filter((s) => /^[a-z]+:|^\/\//i.test(s));
    expect(outside).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
  }
  // The help page is static and loads nothing from outside.
  const help = fs.readFileSync(path.join(out, 'help.html'), 'utf8');
  expect(help).not.toMatch(/<script[^>]*src="(?:[a-z]+:)?\/\//i);
});
