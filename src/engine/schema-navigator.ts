/**
 * The one walker of the JSON Schema of mlsystem.yaml (schemas/mlsystem.schema.json, bundled):
 * the schema at a data path, its description, the keys and values it allows, where each key
 * belongs. The `schema` rule's messages, completion and hover all read the schema through it.
 * The walking functions take another root schema too (`root`): the configuration file's
 * schema, for completion and hover in a YAML configuration.
 */
import schemaJson from '../../schemas/mlsystem.schema.json';
import configSchemaJson from '../../schemas/mlsystem-review.config.schema.json';
import type { DataPath } from './basics';
import { own } from './read';

/** The parts of a JSON Schema the review and the editor read. */
export interface JsonSchema {
  $ref?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  markdownEnumDescriptions?: string[];
  examples?: unknown[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  pattern?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  definitions?: Record<string, JsonSchema>;
}

/** The raw schema, as shipped. */
export const MLSYSTEM_SCHEMA: JsonSchema = schemaJson as unknown as JsonSchema;
/** The schema of `.mlsystem-review.json|yaml|yml`. */
export const CONFIG_SCHEMA: JsonSchema = configSchemaJson as unknown as JsonSchema;

/** A schema with its `$ref` followed; keywords written beside the `$ref` win (descriptions). */
export function resolve(schema: JsonSchema, depth = 0, root: JsonSchema = MLSYSTEM_SCHEMA): JsonSchema {
  if (!schema.$ref || depth > 16) return schema;
  const name = /^#\/definitions\/([^/]+)$/.exec(schema.$ref)?.[1];
  const target = name ? root.definitions?.[name] : undefined;
  if (!target) return schema;
  const { $ref: _ignored, ...siblings } = schema;
  return { ...resolve(target, depth + 1, root), ...siblings };
}

/** A value's JSON type: `null`, `array`, `object`, `string`, `number` or `boolean`. */
export function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function acceptsType(schema: JsonSchema, value: unknown): boolean {
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    return types.some((t) => t === actual || (t === 'integer' && Number.isInteger(value)));
  }
  if (schema.enum) return schema.enum.some((v) => typeOf(v) === actual);
  return true;
}

/**
 * The alternatives a schema offers (its `anyOf` branches, or itself); with `narrow`, only
 * those that accept `value`'s type (all of them when none does).
 */
export function alternatives(schema: JsonSchema, value?: unknown, narrow = false, root: JsonSchema = MLSYSTEM_SCHEMA): JsonSchema[] {
  const resolved = resolve(schema, 0, root);
  const branches = (resolved.anyOf ?? resolved.oneOf)?.map((b) => resolve(b, 0, root)) ?? [resolved];
  if (!narrow) return branches;
  const fitting = branches.filter((b) => acceptsType(b, value));
  return fitting.length ? fitting : branches;
}

/** A schema's description: its own (or its property's), else its first alternative's. */
function descriptionOf(schema: JsonSchema, root: JsonSchema = MLSYSTEM_SCHEMA): string | undefined {
  return resolve(schema, 0, root).description ?? alternatives(schema, undefined, false, root).find((b) => b.description !== undefined)?.description;
}

function childrenOf(schema: JsonSchema, segment: string | number): JsonSchema[] {
  if (typeof segment === 'number') return schema.items ? [schema.items] : [];
  const property = own(schema.properties, segment);
  if (property) return [property];
  const patterned = Object.entries(schema.patternProperties ?? {})
    .filter(([pattern]) => new RegExp(pattern, 'u').test(segment))
    .map(([, sub]) => sub);
  // A mapping of names the schema does not list (the configuration's checks by id).
  if (!patterned.length && typeof schema.additionalProperties === 'object') return [schema.additionalProperties];
  return patterned;
}

/** The value at a data path in parsed data, if there is one. */
export function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = own(value as Record<string | number, unknown>, segment);
  }
  return value;
}

/**
 * Every schema that may describe the value at `path`, as written at its property (so the
 * property's own description wins), first the likeliest. With `data`, `anyOf` choices
 * follow the values actually written along the path.
 */
function schemasAt(path: DataPath, data?: unknown, root: JsonSchema = MLSYSTEM_SCHEMA): JsonSchema[] {
  let current: JsonSchema[] = [root];
  for (let i = 0; i < path.length && current.length; i++) {
    const value = data === undefined ? undefined : valueAt(data, path.slice(0, i));
    current = current.flatMap((s) => alternatives(s, value, data !== undefined, root)).flatMap((b) => childrenOf(b, path[i]));
  }
  return current;
}

/** The schema of the value at `path`, as written at its property; `undefined` off the schema. */
export function schemaAt(path: DataPath, data?: unknown): JsonSchema | undefined {
  return schemasAt(path, data)[0];
}

/** The alternatives that may describe the value at `path` (empty off the schema). */
export function branchesAt(path: DataPath, root: JsonSchema = MLSYSTEM_SCHEMA): JsonSchema[] {
  return schemasAt(path, undefined, root).flatMap((s) => alternatives(s, undefined, false, root));
}

/** The schema's description of the field at a data path (hover and completion), if it has one. */
export function describePath(path: DataPath, root: JsonSchema = MLSYSTEM_SCHEMA): string | undefined {
  for (const schema of schemasAt(path, undefined, root)) {
    const description = descriptionOf(schema, root);
    if (description !== undefined) return description;
  }
  return undefined;
}

/** A key a mapping may hold: its alternatives, its description, whether some alternative requires it. */
export interface SchemaKey {
  name: string;
  schemas: JsonSchema[];
  description?: string;
  required: boolean;
}

/** The keys a mapping at `path` may hold, with their schemas (for completion). */
export function keysWithSchemas(path: DataPath, root: JsonSchema = MLSYSTEM_SCHEMA): SchemaKey[] {
  const byName = new Map<string, SchemaKey>();
  for (const branch of branchesAt(path, root)) {
    for (const [name, sub] of Object.entries(branch.properties ?? {})) {
      const entry = byName.get(name) ?? { name, schemas: [], required: false };
      entry.schemas.push(...alternatives(sub, undefined, false, root));
      entry.description ??= descriptionOf(sub, root);
      entry.required ||= Boolean(branch.required?.includes(name));
      byName.set(name, entry);
    }
  }
  return [...byName.values()];
}

/**
 * Whether the field at `path` takes free text: a string the schema does not restrict to an
 * enum, a constant or a pattern. A placeholder there is a question left open; anywhere else
 * (an enum, a boolean, a date, an unknown key) it is a schema problem only.
 */
export function takesText(path: DataPath, data: unknown): boolean {
  const schema = schemaAt(path, data);
  if (!schema) return false;
  return alternatives(schema, valueAt(data, path), true).some((branch) => {
    if (branch.enum || branch.const !== undefined || branch.pattern) return false;
    return typesOf(branch).includes('string');
  });
}

/** `keysAt` without data, by path shape (list indices share their items' schema); bounded, as ids vary per design. */
const keysByShape = new Map<string, readonly string[]>();
const KEYS_BY_SHAPE_LIMIT = 1000;

/** The keys a mapping may hold at `path` (the value written there picks between alternatives). */
export function keysAt(path: DataPath, data?: unknown): string[] {
  if (data !== undefined) return keysFor(path, data);
  const shape = path.map((s) => (typeof s === 'number' ? '#' : `.${s}`)).join('\0');
  let keys = keysByShape.get(shape);
  if (!keys) {
    if (keysByShape.size >= KEYS_BY_SHAPE_LIMIT) keysByShape.clear();
    keys = keysFor(path, undefined);
    keysByShape.set(shape, keys);
  }
  return [...keys];
}

function keysFor(path: DataPath, data: unknown): string[] {
  const schema = schemaAt(path, data);
  if (!schema) return [];
  const value = data === undefined ? {} : valueAt(data, path);
  const keys = new Set<string>();
  for (const branch of alternatives(schema, value, true)) for (const key of Object.keys(branch.properties ?? {})) keys.add(key);
  return [...keys];
}

/**
 * `keys` in the format's order for the mapping at `path` (the schema's order of its
 * properties, which follows the format's); keys it does not list keep their order, after.
 */
export function inFormatOrder(path: DataPath, keys: readonly string[]): string[] {
  const order = keysAt(path);
  const rank = (key: string): number => {
    const i = order.indexOf(key);
    return i < 0 ? order.length : i;
  };
  return keys.map((key, i) => ({ key, i, r: rank(key) })).sort((a, b) => a.r - b.r || a.i - b.i).map((k) => k.key);
}

/** The JSON types a schema allows; a schema with properties or items counts as a mapping or a list. */
export function typesOf(schema: JsonSchema): string[] {
  return Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : schema.properties ? ['object'] : schema.items ? ['array'] : [];
}

/** A value a field may take, with the schema's words for it. */
export interface SchemaValue {
  value: string;
  description?: string;
}

/** The enumerated values (and booleans) these alternatives allow, each once. */
export function valuesOf(schemas: readonly JsonSchema[]): SchemaValue[] {
  const out = new Map<string, string | undefined>();
  for (const s of schemas) {
    const descriptions = s.markdownEnumDescriptions ?? [];
    (s.enum ?? []).forEach((v, i) => {
      if (v !== null && typeof v !== 'object') out.set(String(v), descriptions[i]);
    });
    if (s.const !== undefined && s.const !== null && typeof s.const !== 'object') out.set(String(s.const), s.description);
    if (typesOf(s).includes('boolean')) {
      out.set('true', undefined);
      out.set('false', undefined);
    }
  }
  return [...out].map(([value, description]) => (description ? { value, description } : { value }));
}

/** The enumerated values (and booleans) the value at `path` may take. */
export function valuesAt(path: DataPath, root: JsonSchema = MLSYSTEM_SCHEMA): SchemaValue[] {
  return valuesOf(branchesAt(path, root));
}

/** Where each property name may appear: its parents as dotted paths, `[]` marking a list's items. */
const KEY_HOMES: ReadonlyMap<string, readonly string[]> = (() => {
  const homes = new Map<string, string[]>();
  const visit = (schema: JsonSchema, at: string, depth: number): void => {
    if (depth > 12) return;
    for (const branch of alternatives(schema)) {
      for (const [key, sub] of Object.entries(branch.properties ?? {})) {
        const list = homes.get(key) ?? [];
        if (!list.includes(at)) list.push(at);
        homes.set(key, list);
        visit(sub, at ? `${at}.${key}` : key, depth + 1);
      }
      if (branch.items) visit(branch.items, `${at}[]`, depth + 1);
    }
  };
  visit(MLSYSTEM_SCHEMA, '', 0);
  return homes;
})();

/** The parents (dotted, `[]` for a list's items) under which a property name may appear. */
export function keyHomes(key: string): readonly string[] | undefined {
  return KEY_HOMES.get(key);
}

/** Every property name anywhere in the schema. */
export function knownKeyNames(): ReadonlySet<string> {
  return new Set(KEY_HOMES.keys());
}
