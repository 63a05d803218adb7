// Preloaded with --require: when the process exits, writes its CPU time and peak resident
// memory as JSON to the file named by BENCH_USAGE_FILE, so every contestant is measured
// alike. CPU time, unlike wall time, hardly changes when other work shares the machine.
process.on('exit', () => {
  const file = process.env.BENCH_USAGE_FILE;
  if (!file) return;
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  require('node:fs').writeFileSync(file, JSON.stringify({ cpuMs, peakRssKiB: usage.maxRSS }));
});
