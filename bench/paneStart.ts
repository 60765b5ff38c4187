/**
 * `npx tsx bench/paneStart.ts [--repeat N]` — how soon the pane shows something, as Office and a browser open it,
 * with the CDN's office.js served (the real one from @microsoft/office-js), never answering, or refused.
 * Prints milliseconds from navigation to what the user sees (median of N, default 3); passes or fails nothing.
 * Builds dist/ first when sources are newer (as the e2e tests do). Needs Chromium (scripts/setup.sh).
 */
import { buildPane, launch, serveDist, asOfficeOpensIt, type OfficeJs } from '../test/e2e/harness';
import { parseArgs } from '../src/cli/io';

const CASES: { name: string; office: OfficeJs; path: string; shows: string }[] = [
  { name: 'browser, office.js served', office: 'real', path: '/taskpane.html', shows: 'Настройки кампании' },
  { name: 'browser, CDN never answers', office: 'hang', path: '/taskpane.html', shows: 'Настройки кампании' },
  { name: 'browser, CDN refused', office: 'refused', path: '/taskpane.html', shows: 'Настройки кампании' },
  { name: 'Office, CDN never answers', office: 'hang', path: asOfficeOpensIt('/taskpane.html'), shows: 'Подключение к Excel…' },
  { name: 'Office, CDN refused', office: 'refused', path: asOfficeOpensIt('/taskpane.html'), shows: 'Библиотека Office не загрузилась' },
];

async function main() {
  const args = parseArgs(process.argv.slice(2), { values: ['repeat'] });
  const repeat = Number(args.values.repeat?.[0] ?? 3) || 3;
  buildPane();
  const server = await serveDist();
  try {
    console.log(`Панель: время до первого экрана, мс (медиана из ${repeat})`);
    for (const c of CASES) {
      const times: number[] = [];
      for (let i = 0; i < repeat; i++) {
        const s = await launch(360, c.office);
        try {
          const t0 = Date.now();
          await s.page.goto(server.url + c.path, { waitUntil: 'commit' });
          await s.page.getByText(c.shows).first().waitFor({ timeout: 60_000 });
          times.push(Date.now() - t0);
        } finally {
          await s.close();
        }
      }
      times.sort((a, b) => a - b);
      console.log(`  ${c.name.padEnd(30)} ${String(times[Math.floor(times.length / 2)]).padStart(6)}  («${c.shows}»; все: ${times.join(', ')})`);
    }
  } finally {
    await server.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
