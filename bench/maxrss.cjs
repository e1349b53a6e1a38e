// Preloaded into the CLI when GNU time is absent: writes the process's peak RSS (KB) and its CPU time (ms, user
// and system, every thread) where the bench asks.
const file = process.env.HDGUARD_BENCH_MAXRSS_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    require('node:fs').writeFileSync(file, `${u.maxRSS} ${(u.userCPUTime + u.systemCPUTime) / 1000}`);
  });
}
