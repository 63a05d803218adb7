/**
 * Completion and hover content from the JSON Schema (walked by the engine's navigator) and
 * the document's own ids, for a cursor context (yaml-cursor.ts). Host-free: returns plain
 * entries each editor host turns into its own completion items (completion.ts, hover.ts).
 */
import { describePath, keysWithSchemas, MLSYSTEM_SCHEMA, RULES_BY_ID, RULE_IDS, typesOf, valuesAt, valuesOf, waiverTargets } from '../engine';
import type { JsonSchema, RuleId } from '../engine';
import type { CursorContext, DataPath } from './yaml-cursor';

export interface CompletionEntry {
  label: string;
  kind: 'key' | 'value' | 'reference';
  /** Snippet syntax (`$0`, `${1|a,b|}`); `\t` stands for one level of indentation. */
  insertText: string;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Sorts required keys first. */
  sortText?: string;
}

const ID_SAFE = /^[A-Za-z0-9_.-]+$/;

/** Escape text for a snippet's literal part. */
function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** A value as YAML on one line: quoted when it would not read back as the same string. */
function yamlScalar(value: string): string {
  return /^[A-Za-z0-9_./-][A-Za-z0-9_ ./-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) && !/^[\d.-]+$/.test(value) ? value : JSON.stringify(value);
}

/** What to insert after `key:` for a value of these schemas. */
function keyInsertText(name: string, schemas: JsonSchema[]): string {
  const all = schemas.flatMap(typesOf);
  const values = valuesOf(schemas);
  const hasMapping = schemas.some((s) => typesOf(s).includes('object') && s.properties);
  const itemSchemas = schemas.filter((s) => typesOf(s).includes('array'));
  const itemsAreMappings = itemSchemas.some((s) => s.items && (typesOf(s.items).includes('object') || s.items.$ref !== undefined));
  const key = snippetText(name);
  if (values.length && !all.includes('object') && !all.includes('array')) {
    return `${key}: \${1|${values.map((v) => v.value.replace(/[,|\\]/g, '\\$&')).join(',')}|}`;
  }
  if (hasMapping) return `${key}:\n\t$0`;
  if (itemSchemas.length && itemsAreMappings && !all.includes('string')) return `${key}:\n\t- $0`;
  if (itemSchemas.length && !all.includes('string')) return `${key}: [$0]`;
  return `${key}: $0`;
}

function shapeOf(schemas: JsonSchema[]): string {
  const names = [...new Set(schemas.flatMap(typesOf))].filter((t) => t !== 'null');
  const words: Record<string, string> = { object: 'mapping', array: 'list' };
  return names.map((t) => words[t] ?? t).join(' or ');
}

/** Objective ids declared in the document. */
export function objectiveIds(data: unknown): string[] {
  const business = record(data)?.business;
  const objectives = record(business)?.objectives;
  return ids(objectives);
}

function record(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function ids(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const item of list) {
    const id = record(item)?.id;
    if ((typeof id === 'string' || typeof id === 'number') && !out.includes(String(id))) out.push(String(id));
  }
  return out;
}

/** Every place a waiver `target` can name, as the review names them (the engine's list). */
export { waiverTargets };

/** Does `path` (optionally followed by one list index) match `pattern`, where `#` is any index? */
function matches(path: DataPath, pattern: readonly (string | '#')[], allowItem = false): boolean {
  const p = allowItem && path.length === pattern.length + 1 && typeof path[path.length - 1] === 'number' ? path.slice(0, -1) : path;
  return p.length === pattern.length && pattern.every((seg, i) => (seg === '#' ? typeof p[i] === 'number' : p[i] === seg));
}

/** The document's own names a value at `path` refers to: objective ids, rule ids, targets. */
export function referenceValues(path: DataPath, data: unknown): { value: string; description?: string }[] {
  if (matches(path, ['framing', '#', 'serves'], true) || matches(path, ['framing', '#', 'metrics', '#', 'moves'], true)
    || matches(path, ['evaluation', 'online', 'measures'], true)) {
    const objectives = record(record(data)?.business)?.objectives;
    return objectiveIds(data).map((id) => {
      const statement = Array.isArray(objectives) ? record(objectives.find((o) => String(record(o)?.id) === id))?.statement : undefined;
      return typeof statement === 'string' ? { value: id, description: statement } : { value: id };
    });
  }
  if (matches(path, ['waivers', '#', 'rule'])) {
    return RULE_IDS.filter((id) => id !== 'yaml-syntax').map((id) => ({ value: id, description: RULES_BY_ID[id].summary }));
  }
  if (matches(path, ['waivers', '#', 'target'])) return waiverTargets(data).map((value) => ({ value }));
  return [];
}

/**
 * Completion entries for a cursor context, from the design's schema, or from `schema`
 * (the configuration file's); the document's own ids only in a design.
 */
export function completionEntries(cursor: CursorContext & { data?: unknown }, schema: JsonSchema = MLSYSTEM_SCHEMA): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  const design = schema === MLSYSTEM_SCHEMA;
  if (cursor.kind === 'key' || cursor.kind === 'item') {
    const present = new Set(cursor.presentKeys);
    for (const k of keysWithSchemas(cursor.path, schema)) {
      if (present.has(k.name)) continue;
      out.push({
        label: k.name,
        kind: 'key',
        insertText: keyInsertText(k.name, k.schemas),
        detail: [k.required ? 'required' : '', shapeOf(k.schemas)].filter(Boolean).join(', ') || undefined,
        documentation: k.description,
        sortText: `${k.required ? '0' : '1'}${k.name}`,
      });
    }
  }
  if (cursor.kind === 'value' || cursor.kind === 'item') {
    const present = new Set(cursor.presentValues);
    const seen = new Set<string>();
    for (const v of design ? referenceValues(cursor.path, cursor.data) : []) {
      if (present.has(v.value) || seen.has(v.value)) continue;
      seen.add(v.value);
      out.push({ label: v.value, kind: 'reference', insertText: snippetText(ID_SAFE.test(v.value) ? v.value : JSON.stringify(v.value)), documentation: v.description });
    }
    for (const v of valuesAt(cursor.path, schema)) {
      if (present.has(v.value) || seen.has(v.value)) continue;
      seen.add(v.value);
      out.push({ label: v.value, kind: 'value', insertText: snippetText(yamlScalar(v.value)), documentation: v.description });
    }
  }
  return out;
}

/** Hover text (Markdown) for the key or value at a path, in a design or (with `schema`) a configuration file. */
export function hoverMarkdown(path: DataPath, onKey: boolean, value: unknown, schema: JsonSchema = MLSYSTEM_SCHEMA): string | undefined {
  if (schema === MLSYSTEM_SCHEMA && !onKey && matches(path, ['waivers', '#', 'rule']) && typeof value === 'string' && (RULE_IDS as readonly string[]).includes(value)) {
    const rule = RULES_BY_ID[value as RuleId];
    return `**${rule.id}** (${rule.severity} by default)\n\n${rule.summary}`;
  }
  if (!onKey && (typeof value === 'string' || typeof value === 'number')) {
    // An allowed value is described as completion describes it.
    const chosen = valuesAt(path, schema).find((v) => v.value === String(value));
    if (chosen?.description) return `**${chosen.value}**\n\n${chosen.description}`;
  }
  const description = describePath(path, schema) ?? (typeof path[path.length - 1] === 'number' ? describePath(path.slice(0, -1), schema) : undefined);
  if (!description) return undefined;
  const name = [...path].reverse().find((p) => typeof p === 'string');
  return name ? `**${name}**\n\n${description}` : description;
}
