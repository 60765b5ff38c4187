// Preloaded into the measured merge (node -r): on exit, writes what the whole process used — peak resident memory
// and CPU time, worker threads included — to the file named by BENCH_USAGE.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const file = process.env.BENCH_USAGE;
  // Through `npm run cli` npm's own process has this preloaded too (NODE_OPTIONS): only the merge's counts.
  if (!file || !/profkampaniya\.js$/.test(process.argv[1] ?? '')) return;
  const u = process.resourceUsage();
  writeFileSync(file, JSON.stringify({ maxRssKb: u.maxRSS, userUs: u.userCPUTime, systemUs: u.systemCPUTime }));
});
