/**
 * The first script must run where the bundle cannot (Internet Explorer 11, Edge Legacy): it is held to ES5 by
 * parsing it with acorn at ecmaVersion 5, and it is copied into the build untouched (never through swc, never through
 * the minifier, which writes ES2019 such as `catch{`). Checked on the source and on what `npm run build` writes.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { parse } from 'acorn';
import { es5Failures, notEs5, pageScripts } from './support/shippedScripts';

const file = path.join(__dirname, '..', 'src', 'taskpane', 'boot', 'first.es5.js');
const source = fs.readFileSync(file, 'utf8');
const es5 = (code: string) => parse(code, { ecmaVersion: 5, sourceType: 'script' });

test('the first script is ES5: Internet Explorer 11 parses it', () => {
  expect(() => es5(source)).not.toThrow();
});

test('the ES5 check does fail on what IE11 cannot parse', () => {
  for (const later of ['let a = 1;', 'const f = () => 1;', 'var s = `x`;', 'var o = { a, b };', 'f(...xs);', 'class A {}', 'for (var x of xs) {}', 'a?.b;', 'a ?? b;', 'async function f() {}'])
    expect(() => es5(later)).toThrow();
});

test('the first script uses no library feature IE11 lacks before it has checked for it', () => {
  // Whatever the script calls unconditionally must exist in IE11 (ES5 + DOM Level 2): no Promise, fetch, URL,
  // Array.from, Object.assign, String.prototype.includes/startsWith, classList, dataset, append/prepend.
  const body = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const checkedOnly = body.slice(body.indexOf('function whyUnsupported'), body.indexOf('/** This page'));
  const rest = body.replace(checkedOnly, '');
  for (const bad of [/\bPromise\b/, /\bfetch\(/, /new URL\(/, /URLSearchParams/, /Array\.from/, /Object\.assign/, /\.includes\(/, /\.startsWith\(/, /\.endsWith\(/, /classList/, /dataset/, /\.append\(/, /\.prepend\(/, /\.remove\(\)/, /\.closest\(/])
    expect(rest).not.toMatch(bad);
});

test('the build copies the first script as it is, before the bundle, on both pages', () => {
  const config = fs.readFileSync(path.join(__dirname, '..', 'webpack.config.js'), 'utf8');
  expect(config).toMatch(/from: BOOT_SRC, to: BOOT_JS, info: \{ minimized: true \}/);
  for (const page of ['src/taskpane/taskpane.html', 'src/commands/commands.html']) {
    const html = fs.readFileSync(path.join(__dirname, '..', page), 'utf8');
    expect(html).toMatch(/<meta http-equiv="X-UA-Compatible" content="IE=Edge" \/>/);
    // The first script before anything else; office.js asynchronous, so it never holds the first paint.
    expect(html.indexOf('<script src="<%= bootJs %>"></script>')).toBeGreaterThan(0);
    expect(html.indexOf('<script src="<%= bootJs %>"></script>')).toBe(html.indexOf('<script'));
    expect(html).toMatch(/<script src="<%= officeJs %>" async data-office-js><\/script>/);
  }
});

describe('what `npm run build` ships', () => {
  // Slow on purpose: a production build (webpack), as `npm run build` runs it, into a folder of its own.
  jest.setTimeout(120_000);
  const root = path.join(__dirname, '..');
  let out = '';
  let run: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-build-'));
    const { scripts } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const [tool, ...args] = scripts.build.split(' ');
    expect(tool).toBe('webpack');
    const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [root] });
    run = spawnSync(process.execPath, [cli, ...args, '--output-path', out], { cwd: root, encoding: 'utf8' });
  }, 300_000);

  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test('the build succeeds', () => {
    expect({ status: run.status, output: run.status === 0 ? '' : `${run.stdout}\n${run.stderr}` }).toEqual({ status: 0, output: '' });
  });

  test('every script a built page runs before its bundle is ES5 — the first script first, byte for byte as written', () => {
    expect(es5Failures(out)).toEqual([]);
    for (const page of ['taskpane.html', 'commands.html']) {
      const [first, ...rest] = pageScripts(out, page);
      expect(first.name).toMatch(/^boot\.[0-9a-f]{8}\.js$/);
      expect(first.blocking && first.ours).toBe(true);
      expect(first.code).toBe(source);
      // Nothing else of ours runs before the bundle; the bundle is deferred.
      expect(rest.filter((s) => s.ours && s.blocking)).toEqual([]);
    }
  });

  test('the ES5 check of built files does fail on what the minifier wrote before (`catch{`, ES2019)', () => {
    expect(notEs5('try{f()}catch{g()}')).toMatch(/Unexpected token/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-es5-'));
    try {
      fs.writeFileSync(path.join(dir, 'boot.0badc0de.js'), '!function(){try{f()}catch{g()}}();');
      fs.writeFileSync(path.join(dir, 'taskpane.html'), '<script src="boot.0badc0de.js"></script><script>let a = 1;</script><script defer src="x.js"></script>');
      expect(es5Failures(dir)).toEqual([
        expect.stringMatching(/^taskpane\.html: boot\.0badc0de\.js: Unexpected token/),
        expect.stringMatching(/^taskpane\.html: inline #1: /),
        expect.stringMatching(/^boot\.0badc0de\.js: Unexpected token/),
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
