/**
 * The first script must run where the bundle cannot (Internet Explorer 11, Edge Legacy): it is held to ES5 by
 * parsing it with acorn at ecmaVersion 5, and it is copied into the build untouched (never through swc).
 */
import fs from 'fs';
import path from 'path';
import { parse } from 'acorn';

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
  expect(config).toMatch(/from: BOOT_SRC, to: BOOT_JS/);
  for (const page of ['src/taskpane/taskpane.html', 'src/commands/commands.html']) {
    const html = fs.readFileSync(path.join(__dirname, '..', page), 'utf8');
    expect(html).toMatch(/<meta http-equiv="X-UA-Compatible" content="IE=Edge" \/>/);
    // The first script before anything else; office.js asynchronous, so it never holds the first paint.
    expect(html.indexOf('<script src="<%= bootJs %>"></script>')).toBeGreaterThan(0);
    expect(html.indexOf('<script src="<%= bootJs %>"></script>')).toBe(html.indexOf('<script'));
    expect(html).toMatch(/<script src="<%= officeJs %>" async data-office-js><\/script>/);
  }
});
