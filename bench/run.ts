/**
 * `npm run bench`: the review beside yaml-language-server's schema validation and the
 * bare `yaml` parse, side by side in one run, alternating, on the same documents and the
 * same schema. Reports medians and ratios (never pass/fail: these machines are noisy),
 * then the CLI over a folder of 1,000 designs, and the editor's costs.
 * Writes bench/results/latest.json (ignored) beside the printed tables.
 */
import { execFileSync, spawnSync } from 'node:child_process';
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

async function main(): Promise<void> {
  const results: Record<string, unknown> = { machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, memoryGiB: Math.round(os.totalmem() / 2 ** 30) } };
  console.log(`Machine: ${os.cpus().length} x ${os.cpus()[0]?.model}, Node ${process.version}\n`);

  const sizes = quick ? [100, 1000] : [100, 1000, 10000, 50000];
  const docs = [
    ...exampleDocuments(),
    ...sizes.map((n) => ({ name: `generated ${n} lines`, text: generateDesign(n) })),
    // Drafts: the same sizes with gaps, so findings and their fixes are part of the cost.
    ...sizes.slice(0, 3).map((n) => ({ name: `generated draft ${n} lines`, text: generateDraft(n) })),
  ];
  console.log('1. Side by side (median per run; ratios: review / other)');
  console.log('| document | lines | review | yaml-language-server | bare parse | vs yls | vs bare |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  const side: unknown[] = [];
  for (const doc of docs) {
    const lines = lineCount(doc.text);
    const budget = quick ? 1500 : lines > 20000 ? 20000 : lines > 5000 ? 10000 : 4000;
    const m = await sideBySide(doc.text, budget);
    side.push({ document: doc.name, lines, ...m });
    console.log(`| ${doc.name} | ${lines} | ${fmt(m.review)} | ${fmt(m['yaml-language-server'])} | ${fmt(m['bare parse'])} | ${ratio(m.review, m['yaml-language-server'])} | ${ratio(m.review, m['bare parse'])} |`);
  }
  results.sideBySide = side;

  // 2. The CLI over a folder of 1,000 designs, as a whole process, beside a bare-parse process.
  const cli = path.join(root, 'bin', 'mlsystem-review.js');
  if (existsSync(path.join(root, 'dist', 'cli.js'))) {
    const count = quick ? 200 : 1000;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mlsystem-bench-'));
    const design = generateDesign(80);
    for (let i = 0; i < count; i++) {
      mkdirSync(path.join(dir, `team-${i}`));
      writeFileSync(path.join(dir, `team-${i}`, 'mlsystem.yaml'), design.replace('name: generated-80', `name: design-${i}`));
    }
    const bareScript = `const fs=require('fs'),path=require('path'),{parseDocument}=require(${JSON.stringify(require.resolve('yaml'))});` +
      `for(const d of fs.readdirSync(process.argv[1]))parseDocument(fs.readFileSync(path.join(process.argv[1],d,'mlsystem.yaml'),'utf8')).toJS();`;
    const runs: Record<string, number[]> = { cli: [], bare: [] };
    for (let i = 0; i < (quick ? 2 : 5); i++) {
      let start = performance.now();
      const r = spawnSync(process.execPath, [cli, '--format', 'json', dir], { maxBuffer: 1 << 28 });
      runs.cli.push(performance.now() - start);
      if (r.status !== 0) throw new Error(`CLI exited ${r.status}: ${r.stderr}`);
      start = performance.now();
      execFileSync(process.execPath, ['-e', bareScript, dir]);
      runs.bare.push(performance.now() - start);
    }
    rmSync(dir, { recursive: true, force: true });
    const cliMs = median(runs.cli);
    const bareMs = median(runs.bare);
    results.cliFolder = { files: count, cliMs, bareMs };
    console.log(`\n2. CLI over ${count} design files (whole process, median of ${runs.cli.length}): ${fmt(cliMs)}; a bare-parse process over the same files: ${fmt(bareMs)} (${ratio(cliMs, bareMs)})`);
  }

  // 3. The editor's costs.
  console.log('\n3. Editor costs');
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

  mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(root, 'bench', 'results', 'latest.json'), JSON.stringify(results, null, 2));
  console.log('\nWritten: bench/results/latest.json');
}

main().catch((e) => {
  console.error(`bench: ${(e as Error).message}`);
  process.exit(1);
});
