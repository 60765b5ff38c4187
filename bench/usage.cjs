// Preloaded into the measured merge (node -r): on exit, writes what the whole process used — peak resident memory
// and CPU time, worker threads included — to the file named by BENCH_USAGE.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const file = process.env.BENCH_USAGE;
  if (!file) return;
  const u = process.resourceUsage();
  writeFileSync(file, JSON.stringify({ maxRssKb: u.maxRSS, userUs: u.userCPUTime, systemUs: u.systemCPUTime }));
});
