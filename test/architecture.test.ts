/**
 * The house as the brief keeps it: the pure core (src/domain) at the bottom, files/ and excel/ the only adapters,
 * cli/, taskpane/ and the ribbon's commands/ on top; no import running upward, no import circles (type-only imports
 * included: a circle of types is still two modules that cannot be understood apart), no file much over 500 lines.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const SRC = path.join(__dirname, '..', 'src');

/** What each layer may import besides itself. */
const MAY_IMPORT: Record<string, string[]> = {
  domain: [],
  files: ['domain'],
  excel: ['domain'],
  cli: ['domain', 'files'],
  taskpane: ['domain', 'files', 'excel'],
  commands: ['domain', 'excel', 'taskpane'],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n) ? [p] : [];
  });
}

function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  const isFile = (p: string) => {
    try {
      return statSync(p).isFile();
    } catch {
      return false; // not there, or under a file (package.json/index.ts)
    }
  };
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find((c) => /\.tsx?$/.test(c) && isFile(c));
}

const files = sources(SRC);
const imports = new Map(
  files.map((f) => {
    const text = readFileSync(f, 'utf8');
    const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*(?:\/\*[^*]*\*\/\s*)?)'(\.[^']+)'/g)].map((m) => m[1]);
    return [f, specs.map((s) => resolve(f, s)).filter((r): r is string => r !== undefined)];
  }),
);
const layerOf = (f: string) => path.relative(SRC, f).split(path.sep)[0];

test('no import runs upward: the core imports nothing outside it, adapters only the core', () => {
  const wrong: string[] = [];
  for (const [f, deps] of imports)
    for (const d of deps) {
      const [from, to] = [layerOf(f), layerOf(d)];
      if (from !== to && !(MAY_IMPORT[from] ?? []).includes(to)) wrong.push(`${path.relative(SRC, f)} → ${path.relative(SRC, d)}`);
    }
  expect(wrong).toEqual([]);
  expect(Object.keys(MAY_IMPORT).sort()).toEqual([...new Set(files.map(layerOf))].filter((l) => !/\.tsx?$/.test(l)).sort());
});

test('no import circles, type-only imports included', () => {
  // Tarjan's strongly connected components over the import graph: any of more than one module is a circle.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const circles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of imports.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        component.push(path.relative(SRC, w));
      } while (w !== v);
      if (component.length > 1) circles.push(component.sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  expect(circles).toEqual([]);
});

test('no source file much over 500 lines', () => {
  const long = files.map((f) => [path.relative(SRC, f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 520);
  expect(long).toEqual([]);
});
