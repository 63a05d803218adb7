/**
 * Completion and hover content from the JSON Schema and the document's own ids, for a
 * cursor context (yaml-cursor.ts). Host-free: returns plain entries the editor turns
 * into `CompletionItem`s, so the logic is unit-tested without VS Code.
 */
import { RULES_BY_ID, RULE_IDS, waiverTargets } from '../../engine';
import type { RuleId } from '../../engine';
import type { CursorContext, DataPath } from './yaml-cursor';

/** The parts of JSON Schema (draft 2020-12 / 07) that completion reads. */
export interface JsonSchema {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  type?: string | string[];
  title?: string;
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema | boolean;
  enum?: unknown[];
  markdownEnumDescriptions?: string[];
  enumDescriptions?: string[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  examples?: unknown[];
}

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

/** Walks a JSON Schema along data paths, through `$ref`, `oneOf`, `anyOf` and `allOf`. */
export class SchemaNavigator {
  constructor(private readonly root: JsonSchema) {}

  private deref(schema: JsonSchema, seen = new Set<string>()): JsonSchema {
    let s = schema;
    while (s.$ref && !seen.has(s.$ref)) {
      seen.add(s.$ref);
      const m = /^#\/(\$defs|definitions)\/(.+)$/.exec(s.$ref);
      const target = m ? (m[1] === '$defs' ? this.root.$defs : this.root.definitions)?.[decodeURIComponent(m[2])] : s.$ref === '#' ? this.root : undefined;
      if (!target) break;
      const { $ref: _ignored, ...rest } = s;
      s = { ...target, ...rest };
    }
    return s;
  }

  /** The alternatives a schema allows, each without combinators. */
  branches(schema: JsonSchema | boolean | undefined): JsonSchema[] {
    if (!schema || schema === true) return [];
    const s = this.deref(schema);
    const out: JsonSchema[] = [];
    const { oneOf, anyOf, allOf, ...base } = s;
    if (base.type || base.properties || base.enum || base.const !== undefined || base.items || base.description) out.push(base);
    for (const sub of [...(oneOf ?? []), ...(anyOf ?? []), ...(allOf ?? [])]) {
      for (const b of this.branches(sub)) out.push({ description: base.description, ...b });
    }
    return out;
  }

  /** The schemas that may describe the value at `path` (empty when the path is unknown). */
  at(path: DataPath): JsonSchema[] {
    let current = this.branches(this.root);
    for (const segment of path) {
      const next: JsonSchema[] = [];
      for (const s of current) {
        if (typeof segment === 'number') {
          if (s.items && s.items !== true) next.push(...this.branches(s.items));
          continue;
        }
        const prop = s.properties?.[segment];
        if (prop) {
          next.push(...this.branches(prop));
          continue;
        }
        let matched = false;
        for (const [pattern, sub] of Object.entries(s.patternProperties ?? {})) {
          if (new RegExp(pattern, 'u').test(segment)) {
            next.push(...this.branches(sub));
            matched = true;
          }
        }
        if (!matched && typeof s.additionalProperties === 'object') next.push(...this.branches(s.additionalProperties));
      }
      current = next;
    }
    return current;
  }

  /** The first description found for the value at `path`. */
  describe(path: DataPath): string | undefined {
    for (const s of this.at(path)) {
      const text = s.markdownDescription ?? s.description;
      if (text) return text;
    }
    return undefined;
  }

  /** Keys a mapping at `path` may have, with their schemas and whether they are required. */
  keys(path: DataPath): { name: string; schema: JsonSchema[]; required: boolean }[] {
    const byName = new Map<string, { name: string; schema: JsonSchema[]; required: boolean }>();
    for (const s of this.at(path)) {
      for (const [name, sub] of Object.entries(s.properties ?? {})) {
        const entry = byName.get(name) ?? { name, schema: [], required: false };
        entry.schema.push(...this.branches(sub));
        entry.required ||= Boolean(s.required?.includes(name));
        byName.set(name, entry);
      }
    }
    return [...byName.values()];
  }

  /** The enumerated values (and booleans) the value at `path` may take. */
  values(path: DataPath): { value: string; description?: string }[] {
    return enumValues(this.at(path));
  }
}

function types(s: JsonSchema): string[] {
  return Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ['object'] : s.items ? ['array'] : [];
}

function enumValues(schemas: JsonSchema[]): { value: string; description?: string }[] {
  const out = new Map<string, string | undefined>();
  for (const s of schemas) {
    const descriptions = s.markdownEnumDescriptions ?? s.enumDescriptions ?? [];
    (s.enum ?? []).forEach((v, i) => {
      if (v !== null && typeof v !== 'object') out.set(String(v), descriptions[i]);
    });
    if (s.const !== undefined && s.const !== null && typeof s.const !== 'object') out.set(String(s.const), s.description);
    if (types(s).includes('boolean')) {
      out.set('true', undefined);
      out.set('false', undefined);
    }
  }
  return [...out].map(([value, description]) => (description ? { value, description } : { value }));
}

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
  const all = schemas.flatMap(types);
  const values = enumValues(schemas);
  const hasMapping = schemas.some((s) => types(s).includes('object') && s.properties);
  const itemSchemas = schemas.filter((s) => types(s).includes('array'));
  const itemsAreMappings = itemSchemas.some((s) => s.items && s.items !== true && (types(s.items).includes('object') || s.items.$ref !== undefined));
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
  const names = [...new Set(schemas.flatMap(types))].filter((t) => t !== 'null');
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
  if (matches(path, ['framing', '#', 'serves'], true) || matches(path, ['framing', '#', 'metrics', '#', 'moves'], true)) {
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

/** Completion entries for a cursor context. */
export function completionEntries(nav: SchemaNavigator, cursor: CursorContext & { data?: unknown }): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  if (cursor.kind === 'key' || cursor.kind === 'item') {
    const present = new Set(cursor.presentKeys);
    for (const k of nav.keys(cursor.path)) {
      if (present.has(k.name)) continue;
      const description = k.schema.map((s) => s.markdownDescription ?? s.description).find(Boolean);
      out.push({
        label: k.name,
        kind: 'key',
        insertText: keyInsertText(k.name, k.schema),
        detail: [k.required ? 'required' : '', shapeOf(k.schema)].filter(Boolean).join(', ') || undefined,
        documentation: description,
        sortText: `${k.required ? '0' : '1'}${k.name}`,
      });
    }
  }
  if (cursor.kind === 'value' || cursor.kind === 'item') {
    const present = new Set(cursor.presentValues);
    const seen = new Set<string>();
    for (const v of referenceValues(cursor.path, cursor.data)) {
      if (present.has(v.value) || seen.has(v.value)) continue;
      seen.add(v.value);
      out.push({ label: v.value, kind: 'reference', insertText: snippetText(ID_SAFE.test(v.value) ? v.value : JSON.stringify(v.value)), documentation: v.description });
    }
    for (const v of nav.values(cursor.path)) {
      if (present.has(v.value) || seen.has(v.value)) continue;
      seen.add(v.value);
      out.push({ label: v.value, kind: 'value', insertText: snippetText(yamlScalar(v.value)), documentation: v.description });
    }
  }
  return out;
}

/** Hover text (Markdown) for the key or value at a path. */
export function hoverMarkdown(nav: SchemaNavigator, path: DataPath, onKey: boolean, value: unknown): string | undefined {
  if (!onKey && matches(path, ['waivers', '#', 'rule']) && typeof value === 'string' && (RULE_IDS as readonly string[]).includes(value)) {
    const rule = RULES_BY_ID[value as RuleId];
    return `**${rule.id}** (${rule.severity} by default)\n\n${rule.summary}`;
  }
  const description = nav.describe(path) ?? (typeof path[path.length - 1] === 'number' ? nav.describe(path.slice(0, -1)) : undefined);
  if (!description) return undefined;
  const name = [...path].reverse().find((p) => typeof p === 'string');
  return name ? `**${name}**\n\n${description}` : description;
}
