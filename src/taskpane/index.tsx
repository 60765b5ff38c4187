/**
 * Starts the pane. Inside Excel, Office.onReady reports the Excel host and the pane works on the open workbook;
 * in a plain browser (office.js absent, blocked, or reporting no host) it works on files.
 */
import { createRoot } from 'react-dom/client';
import { App, type SectionId } from './App';
import { pickLang, STRINGS } from './strings';
import { browserHost } from './services/browserHost';
import type { PaneHost } from './services/host';

const SECTIONS: SectionId[] = ['settings', 'forms', 'check', 'merge', 'summary'];
/** How long to wait for Office.onReady before deciding there is no Office here. */
const OFFICE_WAIT_MS = 4000;

type Ready = { host: Office.HostType | null; language?: string; dark: boolean };

function waitForOffice(): Promise<Ready> {
  const browserDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const none: Ready = { host: null, dark: browserDark };
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return Promise.resolve(none);
  return Promise.race([
    Office.onReady().then((info): Ready => {
      if (info.host !== Office.HostType.Excel) return none;
      const bg = Office.context.officeTheme?.bodyBackgroundColor;
      return { host: info.host, language: Office.context.displayLanguage, dark: bg ? luminance(bg) < 0.4 : false };
    }),
    new Promise<Ready>((resolve) => setTimeout(() => resolve(none), OFFICE_WAIT_MS)),
  ]).catch(() => none);
}

/** Relative luminance of #RRGGBB, 0 (black) … 1 (white). */
function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return 1;
  const [r, g, b] = m.slice(1).map((x) => parseInt(x, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

async function start() {
  const ready = await waitForOffice();
  const lang = pickLang(ready.language, location.search);
  document.documentElement.lang = lang;
  let host: PaneHost;
  if (ready.host) {
    // The office.js adapter loads only inside Excel.
    const { excelHost } = await import(/* webpackChunkName: "excel-host" */ './services/excelHost');
    host = excelHost();
  } else host = browserHost();
  const section = new URLSearchParams(location.search).get('section') as SectionId | null;
  const root = document.getElementById('root')!;
  createRoot(root).render(<App host={host} t={STRINGS[lang]} dark={ready.dark} initialSection={section && SECTIONS.includes(section) ? section : undefined} />);
}

start().catch(() => {
  const root = document.getElementById('root');
  if (root) root.textContent = 'Не удалось запустить панель «Профкампания». Закройте панель и откройте её снова; если не поможет — обновите страницу.';
});
