/**
 * The engine's shape: no import cycles (type imports included), no rule importing a rule,
 * the rule registry as the one list of rules, and one vocabulary equal to the schema's.
 */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import schema from '../../schemas/mlsystem.schema.json';
import { RULE_IDS, RULES } from '../../src/engine';
import { PILLAR_IDS, STAGE_IDS, STAGE_LABELS, PILLAR_LABELS, STAGE_STATUSES, STATUS_TEXT, TASKS } from '../../src/engine/vocabulary';
import { importCycles, importGraph, layerOf, srcRoot } from './support/import-graph';

const engine = importGraph().filter((m) => layerOf(m.file) === 'engine');
/** A rule's own file (not the registry). */
const isRule = (file: string): boolean => file.startsWith('engine/rules/') && file !== 'engine/rules/index.ts';

describe('engine structure', () => {
  it('has no import cycles, type-only imports included', () => {
    assert.deepEqual(importCycles(engine).map((cycle) => cycle.join(' -> ')), []);
  });

  it('has no rule importing another rule', () => {
    const offenders = engine.filter((m) => isRule(m.file)).flatMap((m) => m.local.filter(isRule).map((other) => `${m.file} -> ${other}`));
    assert.deepEqual(offenders, []);
  });

  it('registers every rule file once, under its file name', () => {
    const ruleFiles = readdirSync(path.join(srcRoot, 'engine', 'rules')).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));
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
