/**
 * `npm run bench`: the review beside yaml-language-server's schema validation, Spectral and
 * the bare `yaml` parse, side by side in one run, alternating, on the same documents and the
 * same schema. Reports medians and ratios (never pass/fail: these machines are noisy):
 * 1. in-process, per document, 80 to 50,000 lines;
 * 2. whole processes over folders of 400 and 1,000 design files;
 * 3. peak memory over 10,000 design files;
 * 4. the editor's costs.
 * Writes bench/results/latest.json (ignored) beside the printed tables.
 *
 * Options: --quick (a short pass), --only=1,3 (some sections), --before=<cli.js or bin>
 * (an earlier build of the CLI, run beside the current one in sections 2 and 3).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import { getLanguageService } from 'yaml-language-server';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { review } from '../src/engine';
import { generateDesign, generateDraft } from './designs';
import { WORKER_THRESHOLD_LINES } from '../src/node/review-runner';

const root = path.resolve(__dirname, '..');
const quick = process.argv.includes('--quick');
const option = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = option('only')?.split(',').map(Number);
const section = (n: number): boolean => !only || only.includes(n);
const before = option('before') && path.resolve(option('before')!);
const schemaPath = path.join(root, 'schemas', 'mlsystem.schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)) + ' ms';
const ratio = (a: number, b: number): string => (a / b).toFixed(2) + 'x';

// --- the three contestants -------------------------------------------------------------

const schemaUri = 'file:///mlsystem.schema.json';
const yls = getLanguageService({
  schemaRequestService: async (uri) => (uri === schemaUri ? JSON.stringify(schema) : Promise.reject(new Error(`no schema ${uri}`))),
  workspaceContext: { resolveRelativePath: (relative) => relative },
});
yls.configure({ validate: true, completion: false, hover: false, schemas: [{ uri: schemaUri, fileMatch: ['*'], schema }] });
let version = 0;

type Contestant = { name: string; run: (text: string) => unknown };
const contestants: Contestant[] = [
  { name: 'review', run: (text) => review(text, { today: '2026-11-26' }) },
  // A fresh document version each time: yaml-language-server caches parses by version.
  { name: 'yaml-language-server', run: (text) => yls.doValidation(TextDocument.create('file:///bench/mlsystem.yaml', 'yaml', ++version, text), false) },
  { name: 'bare parse', run: (text) => parseDocument(text).toJS() },
];

/** Alternates the contestants round by round so drift in the machine's load hits all alike. */
async function sideBySide(text: string, budgetMs: number): Promise<Record<string, number>> {
  const samples: Record<string, number[]> = Object.fromEntries(contestants.map((c) => [c.name, []]));
  for (const c of contestants) await c.run(text); // warm up
  const deadline = performance.now() + budgetMs;
  let rounds = 0;
  while (rounds < 5 || (performance.now() < deadline && rounds < 2000)) {
    for (const c of contestants) {
      const start = performance.now();
      await c.run(text);
      samples[c.name].push(performance.now() - start);
    }
    rounds++;
  }
  return Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, median(s)]));
}

// --- documents -----------------------------------------------------------------------------

function exampleDocuments(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.ya?ml$/.test(entry.name)) out.push({ name: path.relative(root, file), text: readFileSync(file, 'utf8') });
    }
  };
  if (existsSync(path.join(root, 'examples'))) walk(path.join(root, 'examples'));
  return out;
}

const lineCount = (text: string): number => text.split('\n').length;

type Usage = { wallMs: number; cpuMs: number; peakRssKiB: number };

/** Runs a node process with the usage preload; its wall time, CPU time and peak memory. */
function measureProcess(args: readonly string[], cwd: string): Usage {
  const usageFile = path.join(os.tmpdir(), `mlsystem-bench-usage-${process.pid}.json`);
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--require', path.join(root, 'bench', 'processes', 'usage.cjs'), ...args], {
    cwd, env: { ...process.env, BENCH_USAGE_FILE: usageFile }, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const wallMs = performance.now() - start;
  // The review exits 1 when it reports findings, Spectral too; anything else is a failure.
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
  rmSync(usageFile, { force: true });
  return { wallMs, ...usage };
}

/** A folder of `count` design folders, each with one generated 80-line design (or draft, with findings). */
function designFolder(count: number, draft = false): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlsystem-bench-'));
  const design = draft ? generateDraft(80) : generateDesign(80);
  for (let i = 0; i < count; i++) {
    const team = path.join(dir, `team-${String(i).padStart(5, '0')}`);
    mkdirSync(team);
    writeFileSync(path.join(team, 'mlsystem.yaml'), design.replace('name: generated-80', `name: design-${i}`));
  }
  return dir;
}

/**
 * A Spectral ruleset checking what the review checks first: the four pillars, complete
 * framings, linked metrics and the schema (7 rules), written beside the designs.
 */
function spectralRuleset(dir: string): string {
  const truthy = (field: string) => ({ field, function: 'truthy' });
  const pillar = (id: string) => ({ given: '$.requirements', then: truthy(id), severity: 'warn', message: `The ${id} pillar is missing.` });
  const ruleset = {
    rules: {
      reliability: pillar('reliability'),
      scalability: pillar('scalability'),
      maintainability: pillar('maintainability'),
      adaptability: pillar('adaptability'),
      'complete-framing': { given: '$.framing[*]', then: ['inputs', 'outputs', 'objective', 'task'].map(truthy), severity: 'warn', message: 'A framing must define its inputs, outputs, objective and task.' },
      'linked-metric': { given: '$.framing[*].metrics[*]', then: truthy('moves'), severity: 'warn', message: 'An ML metric must name the objective it moves.' },
      schema: { given: '$', then: { function: 'schema', functionOptions: { schema, dialect: 'draft7' } }, severity: 'error', message: '{{error}}' },
    },
  };
  const file = path.join(dir, '.spectral.json');
  writeFileSync(file, JSON.stringify(ruleset));
  return file;
}

type ProcessContestant = { name: string; args: (dir: string) => string[]; everyRound: boolean };

function processContestants(dir: string): ProcessContestant[] {
  const cli = path.join(root, 'bin', 'mlsystem-review.js');
  const spectral = require.resolve('@stoplight/spectral-cli/dist/index.js');
  const ruleset = spectralRuleset(dir);
  return [
    { name: 'review', args: (d) => [cli, '--format', 'json', d], everyRound: true },
    ...(before ? [{ name: 'review (before)', args: (d: string) => [before, '--format', 'json', d], everyRound: true }] : []),
    { name: 'yaml-language-server', args: (d) => [path.join(root, 'bench', 'processes', 'yls-validate.cjs'), d], everyRound: true },
    { name: 'bare parse', args: (d) => [path.join(root, 'bench', 'processes', 'bare-parse.cjs'), d], everyRound: true },
    // Several times slower than the rest: one round is enough to tell the ratio.
    { name: 'Spectral', args: () => [spectral, 'lint', 'team-*/mlsystem.yaml', '--ruleset', ruleset, '--format', 'json', '--quiet'], everyRound: false },
  ];
}

const mib = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`;

async function main(): Promise<void> {
  const results: Record<string, unknown> = { machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, memoryGiB: Math.round(os.totalmem() / 2 ** 30), loadAverage: os.loadavg() } };
  console.log(`Machine: ${os.cpus().length} x ${os.cpus()[0]?.model}, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);

  if (section(1)) {
    const sizes = quick ? [80, 1000] : [80, 1000, 10000, 50000];
    const docs = [
      ...exampleDocuments(),
      ...sizes.map((n) => ({ name: `generated ${n} lines`, text: generateDesign(n) })),
      // Drafts: the same sizes with gaps, so findings and their fixes are part of the cost.
      ...sizes.slice(0, 3).map((n) => ({ name: `generated draft ${n} lines`, text: generateDraft(n) })),
    ];
    console.log('1. In-process, side by side (median per run; ratios: review / other)');
    console.log('| document | lines | review | yaml-language-server | bare parse | vs yls | vs bare | review µs/line |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    const side: unknown[] = [];
    for (const doc of docs) {
      const lines = lineCount(doc.text);
      const budget = quick ? 1000 : lines > 20000 ? 12000 : lines > 5000 ? 6000 : 2500;
      const m = await sideBySide(doc.text, budget);
      side.push({ document: doc.name, lines, ...m });
      console.log(`| ${doc.name} | ${lines} | ${fmt(m.review)} | ${fmt(m['yaml-language-server'])} | ${fmt(m['bare parse'])} | ${ratio(m.review, m['yaml-language-server'])} | ${ratio(m.review, m['bare parse'])} | ${((m.review * 1000) / lines).toFixed(1)} |`);
    }
    results.sideBySide = side;
  }

  if (!existsSync(path.join(root, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');

  // 2. Whole processes over folders of designs, alternating round by round.
  if (section(2)) {
    const whole: unknown[] = [];
    for (const count of quick ? [400] : [400, 1000]) {
      const dir = designFolder(count);
      const contestants = processContestants(dir);
      const runs: Record<string, Usage[]> = Object.fromEntries(contestants.map((c) => [c.name, []]));
      const rounds = quick ? 1 : 3;
      for (let round = 0; round < rounds; round++) {
        for (const c of contestants) if (round === 0 || c.everyRound) runs[c.name].push(measureProcess(c.args(dir), dir));
      }
      rmSync(dir, { recursive: true, force: true });
      const med = (name: string, key: keyof Usage): number => median(runs[name].map((u) => u[key]));
      console.log(`\n2. Whole process over ${count} design files (median of ${rounds} alternating rounds; Spectral: one; CPU time is user + system)`);
      console.log('| process | wall | CPU | peak memory | review / this, wall | review / this, CPU |');
      console.log('|---|---:|---:|---:|---:|---:|');
      const row: Record<string, unknown> = { files: count };
      for (const c of contestants) {
        row[c.name] = { wallMs: med(c.name, 'wallMs'), cpuMs: med(c.name, 'cpuMs'), peakRssKiB: med(c.name, 'peakRssKiB'), runs: runs[c.name] };
        console.log(`| ${c.name} | ${fmt(med(c.name, 'wallMs'))} | ${fmt(med(c.name, 'cpuMs'))} | ${mib(med(c.name, 'peakRssKiB'))} | ${ratio(med('review', 'wallMs'), med(c.name, 'wallMs'))} | ${ratio(med('review', 'cpuMs'), med(c.name, 'cpuMs'))} |`);
      }
      whole.push(row);
    }
    results.wholeProcess = whole;
  }

  // 3. Peak memory over 10,000 files: the review against the floor, for complete designs and for drafts (six findings each).
  if (section(3)) {
    const count = quick ? 2000 : 10000;
    const cli = path.join(root, 'bin', 'mlsystem-review.js');
    const memory: Record<string, unknown> = { files: count };
    for (const draft of [false, true]) {
      const dir = designFolder(count, draft);
      const runs: Record<string, Usage> = {
        review: measureProcess([cli, '--format', 'json', dir], dir),
        'bare parse': measureProcess([path.join(root, 'bench', 'processes', 'bare-parse.cjs'), dir], dir),
        ...(before ? { 'review (before)': measureProcess([before, '--format', 'json', dir], dir) } : {}),
      };
      rmSync(dir, { recursive: true, force: true });
      const kind = draft ? 'drafts' : 'designs';
      console.log(`\n3. Peak memory over ${count} ${draft ? 'drafts (six findings each)' : 'complete designs'} (one run each)`);
      console.log('| process | peak memory | / bare parse | wall | CPU |');
      console.log('|---|---:|---:|---:|---:|');
      for (const [name, u] of Object.entries(runs)) {
        console.log(`| ${name} | ${mib(u.peakRssKiB)} | ${ratio(u.peakRssKiB, runs['bare parse'].peakRssKiB)} | ${fmt(u.wallMs)} | ${fmt(u.cpuMs)} |`);
      }
      memory[kind] = runs;
    }
    results.memory = memory;
  }

  // 4. The editor's costs.
  if (section(4)) {
    console.log('\n4. Editor costs');
    const sizesOf: Record<string, number> = {};
    for (const file of ['dist/extension.js', 'dist/engine.js', 'dist/review-worker.js', 'dist/cli.js', 'dist/webview/panel.js']) {
      if (existsSync(path.join(root, file))) sizesOf[file] = statSync(path.join(root, file)).size;
    }
    // The VSIX, when `npm run package` has made one.
    if (existsSync(path.join(root, 'out', 'mlsystem-review.vsix'))) sizesOf['out/mlsystem-review.vsix'] = statSync(path.join(root, 'out', 'mlsystem-review.vsix')).size;
    for (const [file, size] of Object.entries(sizesOf)) console.log(`- ${file}: ${(size / 1024).toFixed(0)} KB`);
    results.bundleSizes = sizesOf;

    // Longest single review on the extension host's thread, were it done there: the largest design below the worker threshold.
    const biggestInline = generateDesign(WORKER_THRESHOLD_LINES);
    const inline = await sideBySide(biggestInline, quick ? 1000 : 3000);
    results.longestInlineReviewMs = inline.review;
    console.log(`- a ${WORKER_THRESHOLD_LINES}-line design, the largest reviewed on the extension host's thread (larger ones go to a worker): ${fmt(inline.review)}`);

    const activation = path.join(root, 'bench', 'results', 'editor.json');
    if (existsSync(activation)) {
      const editor = JSON.parse(readFileSync(activation, 'utf8'));
      results.editor = editor;
      for (const [k, v] of Object.entries(editor)) console.log(`- ${k}: ${typeof v === 'number' ? fmt(v) : String(v)}`);
    } else {
      console.log('- activation and edit-to-diagnostics times: run `npm run test:integration` first (it records bench/results/editor.json in the real host)');
    }
  }

  mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(root, 'bench', 'results', 'latest.json'), JSON.stringify(results, null, 2));
  console.log('\nWritten: bench/results/latest.json');
}

main().catch((e) => {
  console.error(`bench: ${(e as Error).message}`);
  process.exit(1);
});
