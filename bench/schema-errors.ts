/**
 * `node --import tsx bench/schema-errors.ts`: review time against the number of list items
 * that fail the schema (`- {}` under `waivers`), up to a design near the 4 MiB limit.
 * Linear means the time per item stays flat as the count grows. Prints, never fails.
 */
import { performance } from 'node:perf_hooks';
import { LIMITS, review } from '../src/engine';

const base = 'mlsystem: 1\nname: bench\nbusiness:\n  objectives:\n    - id: a\nwaivers:\n';
const counts = [2_500, 10_000, 40_000, Math.floor((LIMITS.maxLength - base.length) / 7)];
console.log('items   time      per item  findings');
for (const n of counts) {
  const text = base + '  - {}\n'.repeat(n);
  review(text.slice(0, 2000), { today: '2026-11-26' });
  const start = performance.now();
  const result = review(text, { today: '2026-11-26' });
  const ms = performance.now() - start;
  console.log(`${String(n).padEnd(7)} ${`${ms.toFixed(0)} ms`.padEnd(9)} ${`${((ms * 1000) / n).toFixed(1)} us`.padEnd(9)} ${result.findings.length} (${text.length} characters)`);
}
