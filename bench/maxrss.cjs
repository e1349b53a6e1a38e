// Preloaded into the CLI when GNU time is absent: writes the process's peak RSS (KB) where the bench asks.
const file = process.env.HDGUARD_BENCH_MAXRSS_FILE;
if (file) process.on('exit', () => require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS)));
