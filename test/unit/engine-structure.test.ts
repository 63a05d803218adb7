/**
 * The engine's shape: no import cycles (type imports included), no rule importing a rule,
 * the rule registry as the one list of rules, and one vocabulary equal to the schema's.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import schema from '../../schemas/mlsystem.schema.json';
import { RULE_IDS, RULES } from '../../src/engine';
import { PILLAR_IDS, STAGE_IDS, STAGE_LABELS, PILLAR_LABELS, STAGE_STATUSES, STATUS_TEXT, TASKS } from '../../src/engine/vocabulary';

const ENGINE = resolve(__dirname, '../../src/engine');
const RULES_DIR = join(ENGINE, 'rules');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const files = sourceFiles(ENGINE);

/** The engine files a file imports (relative imports only; `import type` counts too). */
function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'|^\s*import\s+'(\.[^']+)'/gm)].map((m) => m[1] ?? m[2]);
  return specifiers.flatMap((spec) => {
    const base = resolve(dirname(file), spec);
    const found = [`${base}.ts`, join(base, 'index.ts')].find((c) => files.includes(c));
    return found ? [found] : [];
  });
}

const graph = new Map(files.map((f) => [f, localImports(f)]));
const name = (f: string): string => relative(ENGINE, f);

describe('engine structure', () => {
  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'visiting');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next].map(name).join(' -> '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    assert.deepEqual(cycles, []);
  });

  it('has no rule importing another rule', () => {
    const ruleFiles = files.filter((f) => dirname(f) === RULES_DIR && !f.endsWith('index.ts'));
    const offenders = ruleFiles.flatMap((f) => (graph.get(f) ?? []).filter((g) => dirname(g) === RULES_DIR).map((g) => `${name(f)} -> ${name(g)}`));
    assert.deepEqual(offenders, []);
  });

  it('registers every rule file once, under its file name', () => {
    const ruleFiles = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));
    assert.deepEqual([...RULE_IDS].sort(), ruleFiles.sort());
    assert.deepEqual(RULES.map((r) => r.id), RULE_IDS);
  });
});

describe('the vocabulary', () => {
  const definitions = schema.definitions as unknown as Record<string, { properties: Record<string, { enum?: unknown[] }> }>;
  const enumOf = (values: readonly unknown[] | undefined): unknown[] => (values ?? []).filter((v) => v !== null);

  it('names the stages and pillars the schema has, each with a label', () => {
    assert.deepEqual([...STAGE_IDS], Object.keys(schema.properties.lifecycle.properties));
    assert.deepEqual([...PILLAR_IDS], Object.keys(schema.properties.requirements.properties));
    assert.deepEqual(Object.keys(STAGE_LABELS), [...STAGE_IDS]);
    assert.deepEqual(Object.keys(PILLAR_LABELS), [...PILLAR_IDS]);
  });

  it('has the schema\'s stage statuses, each with its display text', () => {
    assert.deepEqual([...STAGE_STATUSES], enumOf(definitions.stage.properties.status.enum));
    assert.deepEqual(Object.keys(STATUS_TEXT), [...STAGE_STATUSES]);
  });

  it('has the schema\'s framing tasks', () => {
    assert.deepEqual([...TASKS], enumOf(definitions.framing.properties.task.enum));
  });
});
