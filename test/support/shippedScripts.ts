/**
 * What must run on Internet Explorer 11 and Edge Legacy (EdgeHTML), checked on the files that ship, not on sources:
 * every script a page runs before its bundle — inline, or loaded without `defer`/`async`/`type="module"` from our
 * own folder — must parse as ES5, or the notice never shows and the pane stays on «Загрузка…». The bundle itself is
 * ES2020 (deferred; on those webviews it fails to parse, harmlessly, after the notice is up). Office.js is Microsoft's.
 */
import fs from 'fs';
import path from 'path';
import { parse } from 'acorn';

/** The reason `code` is not ES5 (acorn's message with line:column), or null when it is. */
export function notEs5(code: string): string | null {
  try {
    parse(code, { ecmaVersion: 5, sourceType: 'script' });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

export interface PageScript {
  /** `src` as written, or «inline #n». */
  name: string;
  /** Runs before the bundle: no defer, async or type="module". */
  blocking: boolean;
  /** Loaded from our own folder (not https://…) or inline. */
  ours: boolean;
  /** The code, for scripts of ours that are blocking. */
  code?: string;
}

/** The scripts of one built page, in document order, with the code of ours that runs before the bundle read from `dir`. */
export function pageScripts(dir: string, page: string): PageScript[] {
  const html = fs.readFileSync(path.join(dir, page), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  let inline = 0;
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map(([, attrs, body]) => {
    const src = /\bsrc="([^"]*)"/i.exec(attrs)?.[1];
    const blocking = !/\b(defer|async)\b/i.test(attrs) && !/type="module"/i.test(attrs);
    if (src === undefined) return { name: `inline #${++inline}`, blocking, ours: true, code: body };
    const ours = !/^[a-z]+:|^\/\//i.test(src);
    return { name: src, blocking, ours, code: ours && blocking ? fs.readFileSync(path.join(dir, src), 'utf8') : undefined };
  });
}

/**
 * Every page in `dir` (top level *.html) with each script that must be ES5 and is not, as «page: script: reason».
 * Empty when all is well. The boot files (boot.*.js) are held to ES5 whether a page names them or not.
 */
export function es5Failures(dir: string): string[] {
  const out: string[] = [];
  for (const page of fs.readdirSync(dir).filter((f) => f.endsWith('.html')))
    for (const s of pageScripts(dir, page))
      if (s.blocking && s.ours) {
        const why = notEs5(s.code ?? '');
        if (why) out.push(`${page}: ${s.name}: ${why}`);
      }
  for (const boot of fs.readdirSync(dir).filter((f) => /^boot\..*\.js$/.test(f))) {
    const why = notEs5(fs.readFileSync(path.join(dir, boot), 'utf8'));
    if (why) out.push(`${boot}: ${why}`);
  }
  return out;
}
