/**
 * `npm run fuzz`: the engine on generated and mutated inputs (test/fuzz/inputs.ts).
 *
 *   npm run fuzz                              20,000 inputs from a new seed (printed)
 *   npm run fuzz -- --seed 42 --count 2000    the same 2,000 inputs every time (CI)
 *   npm run fuzz -- --seed 42 --only 1234     replay one input
 *
 * Each input: the review never throws and keeps its ranges inside the document. Inputs
 * the review can read also get: every fix keeps the YAML valid, removes its finding and
 * changes nothing outside its edit; fix-all finishes and a second pass changes nothing.
 * Time is reported (median and slowest input), and fails only far above normal: an input
 * over 2 s whose time per character is over 100x the median's. A parent process watches for progress and
 * names the input that hangs (no progress for 60 s). Failing inputs are written to
 * test-results/fuzz/ for replay. Exit 1 on any failure.
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { review } from '../../src/engine';
import { bounds, checkFixAll, checkFixes, checkReview, TODAY } from '../property/checks';
import { corpusCases, InputSource } from './inputs';

const root = path.resolve(__dirname, '..', '..');
const HANG_MS = 60_000;
const SLOW_MS = 2000;
const SLOW_FACTOR = 100;
const FIX_CHECK_MAX_LENGTH = 20_000;
/** Fixes checked per input (spread over those offered): many inputs beat every fix of few. */
const FIXES_PER_INPUT = 8;

interface Options {
  seed: number;
  count: number;
  only?: number;
  child: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const seed = value('--seed') ?? process.env.FUZZ_SEED;
  return {
    seed: seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(seed),
    count: Number(value('--count') ?? process.env.FUZZ_COUNT ?? 20_000),
    only: value('--only') === undefined ? undefined : Number(value('--only')),
    child: argv.includes('--child'),
  };
}

type Progress = { type: 'at'; index: number } | { type: 'done'; failed: number };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[sorted.length >> 1] : 0;
}

/** The fuzzing itself (in the child process). */
function fuzz(options: Options): number {
  bounds.hangMs = Infinity;
  const corpus = corpusCases(root);
  const source = new InputSource(options.seed, corpus);
  const indexes = options.only === undefined ? Array.from({ length: options.count }, (_, i) => i) : [options.only];
  console.log(`fuzz: seed ${options.seed}, ${indexes.length} input(s), ${corpus.length} YAML test-suite cases${corpus.length ? '' : ' (../shared/corpus not found: examples and generated inputs only)'}`);
  const times: number[] = [];
  // Review time per 1,000 characters (a floor of 1,000 for small inputs): a large input is
  // expected to take longer, a superlinear one is not.
  const rates: number[] = [];
  let slowest = { ms: -1, index: -1, how: '', length: 0 };
  let steepest = { rate: -1, ms: 0, index: -1, how: '', length: 0 };
  const failures: { index: number; how: string; message: string }[] = [];
  let fixChecked = 0;
  const started = performance.now();
  for (const index of indexes) {
    process.send?.({ type: 'at', index } satisfies Progress);
    const { text, how } = source.input(index);
    try {
      const t0 = performance.now();
      const result = review(text, { today: TODAY });
      const ms = performance.now() - t0;
      times.push(ms);
      const rate = ms / (Math.max(text.length, 1000) / 1000);
      rates.push(rate);
      if (ms > slowest.ms) slowest = { ms, index, how, length: text.length };
      if (rate > steepest.rate) steepest = { rate, ms, index, how, length: text.length };
      checkReview(text);
      // Fixes only where the review could read the document (otherwise it offers none),
      // and only on documents of a design's size: each fix checked costs a review.
      if (!result.findings.some((f) => f.rule === 'yaml-syntax') && text.length < FIX_CHECK_MAX_LENGTH) {
        fixChecked++;
        checkFixes(text, FIXES_PER_INPUT);
        checkFixAll(text);
      }
    } catch (e) {
      failures.push({ index, how, message: String((e as Error)?.stack ?? e) });
      const dir = path.join(root, 'test-results', 'fuzz');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${options.seed}-${index}.yaml`), text);
    }
    if (options.only === undefined && (index + 1) % 2000 === 0) console.log(`fuzz: ${index + 1}/${indexes.length}, ${failures.length} failure(s)`);
  }
  const typical = median(times);
  const tooSlow = steepest.ms > SLOW_MS && steepest.rate > SLOW_FACTOR * median(rates);
  console.log(`fuzz: ${indexes.length} inputs in ${((performance.now() - started) / 1000).toFixed(1)} s; fixes and fix-all checked on ${fixChecked}`);
  console.log(`fuzz: review median ${typical.toFixed(2)} ms; slowest #${slowest.index} ${slowest.ms.toFixed(0)} ms (${slowest.length} characters, ${slowest.how})`);
  for (const f of failures.slice(0, 20)) {
    console.log(`\nFAIL #${f.index} (${f.how})\n${f.message.split('\n').slice(0, 12).join('\n')}`);
  }
  if (failures.length) {
    console.log(`\nfuzz: ${failures.length} failure(s); inputs in test-results/fuzz/; replay one with npm run fuzz -- --seed ${options.seed} --only ${failures[0].index}`);
  }
  console.log(`fuzz: steepest #${steepest.index} ${steepest.rate.toFixed(2)} ms per 1,000 characters (median ${median(rates).toFixed(2)}; ${steepest.length} characters, ${steepest.how})`);
  if (tooSlow) console.log(`fuzz: FAIL: input #${steepest.index} took ${steepest.ms.toFixed(0)} ms, over ${SLOW_FACTOR}x the median time per character and over ${SLOW_MS} ms`);
  return failures.length + (tooSlow ? 1 : 0);
}

/** The watchdog (the parent process): a hang is named, never waited out. */
function watch(argv: readonly string[]): void {
  const child = fork(__filename, [...argv, '--child'], { execArgv: process.execArgv, stdio: 'inherit' });
  let current = -1;
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      console.log(`fuzz: FAIL: input #${current} made no progress for ${HANG_MS / 1000} s (a hang); replay it with --only ${current}`);
      child.kill('SIGKILL');
      process.exitCode = 1;
    }, HANG_MS);
  };
  arm();
  child.on('message', (m: Progress) => {
    if (m.type === 'at') {
      current = m.index;
      arm();
    }
  });
  child.on('exit', (code) => {
    clearTimeout(timer);
    if (process.exitCode === undefined) process.exitCode = code ?? 1;
  });
}

const options = parseArgs(process.argv.slice(2));
if (options.child) {
  process.exitCode = fuzz(options) ? 1 : 0;
  process.disconnect?.();
} else {
  // The seed is fixed here, so parent and child draw the same inputs.
  const argv = process.argv.slice(2).filter((a, i, all) => a !== '--seed' && all[i - 1] !== '--seed');
  watch([...argv, '--seed', String(options.seed)]);
}
