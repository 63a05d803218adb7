/**
 * The JSON Schema of mlsystem.yaml: the precompiled validator, the mapping of its errors to
 * `schema` findings (one per problem, at the exact node, with "did you mean" fixes). The
 * schema itself is walked by schema-navigator.ts.
 */
import type { ErrorObject } from 'ajv';
import validate from './generated/validate-schema';
import type { DataPath, Fix, RuleFinding } from './basics';
import { LIMITS } from './parse';
import { own } from './read';
import type { Editor } from './edits';
import { isMap, isScalar } from './locate';
import type { Locator } from './locate';
import { alternatives, keyHomes, keysAt, resolve, schemaAt, typeOf, valueAt } from './schema-navigator';
import type { JsonSchema } from './schema-navigator';
import { STAGE_STATUSES } from './vocabulary';
import { listWords, plural } from './wording';

/** What the schema findings read: the design as data, and where to place and fix things. */
export interface SchemaContext {
  data: unknown;
  loc: Locator;
  edit: Editor;
  /** The review's validation of `data`, when it has one already. */
  report?: SchemaReport;
}

// ---------------------------------------------------------------------------------------
// "Did you mean"

/** Edit distance counting a swap of two neighbours as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Spelling-insensitive form: camelCase, dashes and spaces all become snake_case, lower case. */
function normalize(word: string): string {
  return word.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/[\s-]+/g, '_');
}

interface Match {
  candidate: string;
  /** Lower is closer: an edit distance (0-2), then 3 for a prefix, 4 for a part. */
  score: number;
}

function scoreMatches(word: string, candidates: readonly string[]): Match[] {
  const w = normalize(word);
  const allowed = Math.min(2, Math.max(1, Math.floor(w.length / 3)));
  const scored: Match[] = [];
  for (const candidate of candidates) {
    const c = normalize(candidate);
    const distance = editDistance(w, c);
    if (distance <= allowed) scored.push({ candidate, score: distance });
    else if (Math.min(w.length, c.length) >= 3 && (c.startsWith(w) || w.startsWith(c))) scored.push({ candidate, score: 3 });
    else if (w.length >= 5 && c.includes(w)) scored.push({ candidate, score: 4 });
  }
  return scored.sort((x, y) => x.score - y.score);
}

/**
 * Candidates close to `word`, best first: within two edits (fewer for short words), or one
 * a clear prefix or part of the other ("multiclass" -> "multiclass-classification").
 */
export function closeMatches(word: string, candidates: readonly string[]): string[] {
  return scoreMatches(word, candidates).map((m) => m.candidate);
}

/**
 * One fix per close match (at most three). The first is preferred only when it is closer
 * than every other, so fix-all never picks between equally likely values.
 */
function suggestionFixes(matches: readonly Match[], make: (s: string) => Fix | undefined): Fix[] {
  const fixes: Fix[] = [];
  for (const m of matches.slice(0, 3)) {
    const fix = make(m.candidate);
    if (fix) fixes.push(fix);
  }
  const clearBest = matches.length === 1 || (matches.length > 1 && matches[0].score < matches[1].score);
  if (fixes.length && clearBest) fixes[0].isPreferred = true;
  return fixes;
}

// ---------------------------------------------------------------------------------------
// Errors -> findings

/** A JSON pointer (ajv's instancePath) as a data path: list indexes become numbers. */
function toDataPath(pointer: string, data: unknown): (string | number)[] {
  if (!pointer) return [];
  const path: (string | number)[] = [];
  let value = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key: string | number = Array.isArray(value) ? Number(segment) : segment;
    path.push(key);
    value = value !== null && typeof value === 'object' ? own(value as Record<string | number, unknown>, key) : undefined;
  }
  return path;
}

/**
 * One error per problem: a failed "this or that" choice keeps only the errors of the
 * alternative that fits the value's type; when none fits, only the choice's own error.
 * (Every alternative is written inline, so its errors sit under the choice's schemaPath.)
 */
function collapseChoices(errors: readonly ErrorObject[], branchCount: (choice: ErrorObject) => number): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  // Errors sorted by instancePath, so a choice finds the errors at and under its value by
  // binary search: the work is the size of each choice's subtree, never all errors per choice.
  const sorted = [...errors].sort((a, b) => (a.instancePath < b.instancePath ? -1 : a.instancePath > b.instancePath ? 1 : 0));
  const firstAtOrAfter = (key: string): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].instancePath < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // `p` itself is [p, p + NUL); its descendants `p/...` are [p + '/', p + '0') ('0' follows '/').
  const atOrUnder = (p: string): ErrorObject[] => [
    ...sorted.slice(firstAtOrAfter(p), firstAtOrAfter(`${p}\0`)),
    ...sorted.slice(firstAtOrAfter(`${p}/`), firstAtOrAfter(`${p}0`)),
  ];
  const choices = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .map((e) => ({ e, depth: e.instancePath.split('/').length }))
    .sort((a, b) => a.depth - b.depth)
    .map(({ e }) => e);
  for (const choice of choices) {
    if (dropped.has(choice)) continue;
    const prefix = `${choice.schemaPath}/`;
    const branchOf = (e: ErrorObject): number | undefined =>
      e !== choice && e.schemaPath.startsWith(prefix) ? Number(e.schemaPath.slice(prefix.length).split('/')[0]) : undefined;
    const near = atOrUnder(choice.instancePath).filter((e) => !dropped.has(e));
    const branches = new Map<number, ErrorObject[]>();
    for (const e of near) {
      const b = branchOf(e);
      if (b === undefined) continue;
      const list = branches.get(b);
      if (list) list.push(e);
      else branches.set(b, [e]);
    }
    const typeMismatch = (b: number): boolean =>
      (branches.get(b) ?? []).some((e) => e.keyword === 'type' && e.instancePath === choice.instancePath && e.schemaPath === `${prefix}${b}/type`);
    // A branch may have no error of its own here: the value's problems lie deeper, in a
    // shared definition whose errors carry that definition's schemaPath.
    let count = branchCount(choice);
    for (const b of branches.keys()) count = Math.max(count, b + 1);
    const errorsIn = (b: number): number => branches.get(b)?.length ?? 0;
    const fitting = Array.from({ length: count }, (_, b) => b).filter((b) => !typeMismatch(b)).sort((x, y) => errorsIn(x) - errorsIn(y));
    const best = fitting[0];
    if (best !== undefined) dropped.add(choice);
    for (const e of near) {
      const b = branchOf(e);
      if (b !== undefined && b !== best) dropped.add(e);
    }
  }
  const kept = errors.filter((e) => !dropped.has(e));
  // A value of the wrong type says everything about it; other complaints about it are noise.
  const wrongType = new Set(kept.filter((e) => e.keyword === 'type' || e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath));
  return kept.filter((e) => !wrongType.has(e.instancePath) || e.keyword === 'type' || e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'additionalProperties');
}

const ITEM_NOUNS: Record<string, string> = {
  objectives: 'objective',
  framing: 'framing',
  metrics: 'metric',
  stakeholders: 'stakeholder',
  waivers: 'waiver',
  sources: 'data source',
};

const ENUM_NOUNS: Record<string, string> = {
  task: 'an ML task',
  maturity: 'an ML maturity stage',
  kind: 'an objective kind',
  status: 'a stage status',
  reason: 'a waiver reason',
  method: 'an online evaluation method',
};

function quoteList(words: readonly string[]): string {
  return listWords(words.map((w) => `"${w}"`), 'or');
}

/** A value's kind in plain words. */
function kindOf(value: unknown): string {
  switch (typeOf(value)) {
    case 'null':
      return 'empty';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping';
    case 'string':
      return 'a string';
    case 'boolean':
      return 'true/false';
    default:
      return 'a number';
  }
}

/** What a schema accepts, in plain words ("a string or a list of strings"). */
function expected(schema: JsonSchema): string[] {
  const s = resolve(schema);
  if (s.anyOf ?? s.oneOf) return (s.anyOf ?? s.oneOf)!.flatMap(expected);
  const types = (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []).filter((t) => t !== 'null');
  const words: string[] = [];
  for (const t of types) {
    if (t === 'string') words.push('a string');
    else if ((t === 'number' || t === 'integer') && !types.includes('string')) words.push('a number');
    else if (t === 'boolean') words.push('true or false');
    else if (t === 'array') {
      const items = s.items ? expected(s.items) : [];
      words.push(items.length === 1 && items[0] === 'a string' ? 'a list of strings' : items.length === 1 && items[0] === 'a mapping' ? 'a list of mappings' : 'a list');
    } else if (t === 'object') {
      const keys = Object.keys(s.properties ?? {});
      words.push(keys.length && keys.length <= 3 ? `a mapping with ${listWords(keys)}` : 'a mapping');
    }
  }
  return words;
}

export class SchemaFindings {
  private readonly data: unknown;

  constructor(private readonly ctx: SchemaContext) {
    this.data = ctx.data;
  }

  /** How a list item is named in messages: `objective "faster-routing"`, `framing #2`. */
  private itemName(path: DataPath): string | undefined {
    const index = path[path.length - 1];
    const list = path[path.length - 2];
    if (typeof index !== 'number' || typeof list !== 'string') return undefined;
    const noun = own(ITEM_NOUNS, list);
    if (!noun) return `item ${index + 1} of "${list}"`;
    const item = valueAt(this.data, path) as Record<string, unknown> | undefined;
    const label = item && typeof item === 'object' ? (item.id ?? item.name ?? item.rule) : undefined;
    return typeof label === 'string' || typeof label === 'number' ? `${noun} "${label}"` : `${noun} #${index + 1}`;
  }

  /** The thing at `path` as the subject of a sentence. */
  private subject(path: DataPath): string {
    if (!path.length) return 'The design';
    const item = this.itemName(path);
    if (item) return item[0].toUpperCase() + item.slice(1);
    return `"${path[path.length - 1]}"`;
  }

  /** The mapping at `path` as a place ("in the design", `in "requirements.reliability"`). */
  private place(path: DataPath): string {
    if (!path.length) return 'the design';
    return this.itemName(path) ?? `"${this.ctx.loc.target(path)}"`;
  }

  /** A key the locator cannot name (a number, a complex key) is shown at its mapping's key. */
  private finding(path: DataPath, message: string, at: 'value' | 'key' | 'missing' = 'value', fixes: Fix[] = [], help?: string): RuleFinding {
    const finding: RuleFinding = { message, path, at: path.length ? at : 'missing', fixes };
    if (help) finding.help = help;
    return finding;
  }

  /**
   * A flow mapping's entry with no value whose text follows an entry's plain value on the
   * same line: most likely a comma inside the value (`{expected: a (b, c) d}`). The whole
   * value as written, from the first piece to the last.
   */
  private splitByComma(parent: DataPath, key: string): { whole: string } | undefined {
    const map = this.ctx.loc.node(parent);
    if (!isMap(map) || !map.flow) return undefined;
    const text = this.ctx.loc.lines.text;
    const index = map.items.findIndex((p) => isScalar(p.key) && String(p.key.value) === key);
    const pair = map.items[index];
    if (!pair || pair.value !== null || index === 0) return undefined;
    // Back to the entry whose value the comma cut, over other value-less pieces.
    let first = index - 1;
    while (first > 0 && map.items[first].value === null) first--;
    const start = (map.items[first].value as { range?: number[] } | null)?.range?.[0];
    if (start === undefined || !isScalar(map.items[first].value)) return undefined;
    let last = index;
    while (last + 1 < map.items.length && map.items[last + 1].value === null) last++;
    const end = (map.items[last].key as { range?: number[] } | null)?.range?.[1];
    if (end === undefined || text.slice(start, end).includes('\n')) return undefined;
    return { whole: text.slice(start, end) };
  }

  /** Whether `key` under `parent` takes a list but not `value` itself (a string or number). */
  private wantsListOf(parent: DataPath, key: string, value: unknown): boolean {
    if (typeof value !== 'string' && typeof value !== 'number') return false;
    const schema = schemaAt([...parent, key]);
    if (!schema) return false;
    const types = alternatives(schema).flatMap((b) => {
      const t = resolve(b).type;
      return Array.isArray(t) ? t : t ? [t] : [];
    });
    return types.includes('array') && !types.includes(typeOf(value));
  }

  private unknownKey(parent: DataPath, key: string): RuleFinding {
    const path = [...parent, key];
    const present = valueAt(this.data, parent) as Record<string, unknown>;
    const known = keysAt(parent, this.data);
    // Renaming onto a key the mapping already has would only make a duplicate.
    const matches = scoreMatches(key, known.filter((k) => !Object.hasOwn(present, k)));
    const suggestions = matches.map((m) => m.candidate);
    let message = `Unknown key "${key}" in ${this.place(parent)}.`;
    let help: string | undefined;
    const split = this.splitByComma(parent, key);
    if (split) {
      message = `"${key}" is not a key: a comma cut \`${split.whole}\` in pieces. Quote the value.`;
      help = `In a flow mapping ({...}) a comma ends the value. Write it in quotes: "${split.whole.replace(/"/g, '\\"')}".`;
      return this.finding(path, message, 'key', [], help);
    }
    if (suggestions.length) {
      message += ` Did you mean ${quoteList(suggestions.slice(0, 3))}?`;
    } else {
      const homes = keyHomes(key);
      const home = homes?.length === 1 ? homes[0] : undefined;
      if (home !== undefined) {
        const where = home.endsWith('[]') ? `each item of "${home.slice(0, -2).replace(/\[\]/g, '')}"` : `"${home.replace(/\[\]/g, '')}"`;
        message += ` It belongs in ${where}.`;
      } else {
        message += ' Use a known key, or start your own keys with "x-".';
        help = `The review ignores unknown keys.${known.length ? ` The keys here are ${quoteList(known)}.` : ''}`;
      }
    }
    const fixes = suggestionFixes(matches, (s) => {
      const edit = this.ctx.edit.renameKey(path, s);
      if (!edit) return undefined;
      // A text where the new key wants a list of texts (`constraint: x` -> `constraints: [x]`):
      // the rename wraps it, so it does not trade one schema error for another.
      const value = valueAt(this.data, path);
      const wrap = this.wantsListOf(parent, s, value) ? this.ctx.edit.replaceValue(path, [value]) : undefined;
      return { title: `Rename to \`${s}\``, kind: 'rename', edits: wrap ? [edit, wrap] : [edit] };
    });
    return this.finding(path, message, 'key', fixes, help);
  }

  private missing(parent: DataPath, key: string): RuleFinding {
    const path = [...parent, key];
    const owner = parent.length ? this.itemName(parent) : undefined;
    const sections: Record<string, { message: string; help: string }> = {
      mlsystem: { message: 'The design must start with "mlsystem: 1".', help: '"mlsystem" is the format version, so tools know how to read the design.' },
      name: { message: 'The design must have a "name".', help: 'Reviews, reports and the lifecycle panel identify the system by its name.' },
      business: { message: 'The design must have a "business" section.', help: 'It says why the system exists, and every other section answers to it.' },
      objectives: { message: '"business" must list its "objectives".', help: 'A design starts from at least one business objective.' },
    };
    const section = !parent.length || key === 'objectives' ? own(sections, key) : undefined;
    if (section) return this.finding(path, section.message, 'missing', [], section.help);
    const message = `${owner ? owner[0].toUpperCase() + owner.slice(1) : this.subject(parent)} must have "${key}".`;
    const help = key === 'id' && owner ? 'Other parts of the design refer to it by its id.'
      : key === 'rule' && owner ? 'A waiver must name the rule it silences.' : undefined;
    return this.finding(path, message, 'missing', [], help);
  }

  private badEnum(path: DataPath, value: unknown, allowed: readonly unknown[]): RuleFinding {
    const values = allowed.filter((v): v is string => typeof v === 'string');
    const key = String(path[path.length - 1]);
    const noun = own(ENUM_NOUNS, key) ?? `a valid "${key}"`;
    const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
    const matches = typeof value === 'string' ? scoreMatches(value, values) : [];
    const suggestions = matches.map((m) => m.candidate);
    const message = suggestions.length
      ? `${shown} is not ${noun}. Did you mean ${quoteList(suggestions.slice(0, 3))}?`
      : `${shown} is not ${noun}: use one of ${quoteList(values)}.`;
    const fixes = suggestionFixes(matches, (s) => {
      const edit = this.ctx.edit.replaceValue(path, s);
      return edit && { title: `Replace with \`${s}\``, kind: 'replace', edits: [edit] };
    });
    return this.finding(path, message, undefined, fixes);
  }

  private toFinding(error: ErrorObject): RuleFinding {
    const path = toDataPath(error.instancePath, this.data);
    const value = valueAt(this.data, path);
    const params = error.params as Record<string, unknown>;
    const subject = this.subject(path);
    switch (error.keyword) {
      case 'additionalProperties':
        return this.unknownKey(path, String(params.additionalProperty));
      case 'required':
        return this.missing(path, String(params.missingProperty));
      case 'enum':
        return this.badEnum(path, value, (params.allowedValues as unknown[]) ?? []);
      case 'const': {
        const fix = String(value).trim() === '1' ? this.ctx.edit.replaceValue(path, 1) : undefined;
        return this.finding(path, `${subject} must be 1.`, undefined,
          fix ? [{ title: 'Replace with `1`', kind: 'replace', edits: [fix], isPreferred: true }] : [],
          'This is format 1 of the design document, the only format this review reads.');
      }
      case 'type':
      case 'anyOf':
      case 'oneOf': {
        if (!path.length) {
          return this.finding(path, value === null
            ? 'The design is empty: it must be a mapping that starts with "mlsystem: 1", then "name" and "business".'
            : `The design must be a mapping of sections (mlsystem, name, business, ...), not ${kindOf(value)}.`);
        }
        if (path.length === 2 && path[0] === 'lifecycle' && typeof value === 'string' && (STAGE_STATUSES as readonly string[]).includes(value)) {
          // `deployment: done` is a natural shorthand: offer the mapping it means.
          const edit = this.ctx.edit.replaceValue(path, { status: value });
          return this.finding(path, `${subject} must be a mapping such as {status: ${value}}, not a string.`, undefined,
            edit ? [{ title: `Replace with \`{status: ${value}}\``, kind: 'replace', edits: [edit], isPreferred: true }] : []);
        }
        const written = schemaAt(path);
        const schema = error.keyword === 'type' ? { type: params.type as string | string[], items: written && resolve(written).items } : written;
        const words = schema ? [...new Set(expected(schema))] : [];
        const want = words.length ? words.join(' or ') : 'a different kind of value';
        return this.finding(path, `${subject} must be ${want}, not ${kindOf(value)}.`);
      }
      case 'pattern':
        return this.finding(path, path[path.length - 1] === 'expires'
          ? `${subject} must be a date written as YYYY-MM-DD (e.g. 2027-06-30), not "${String(value)}".`
          : `${subject} does not have the expected form: "${String(value)}".`);
      case 'minItems':
        return path[path.length - 1] === 'objectives'
          ? this.finding(path, '"objectives" must list at least one business objective.', undefined, [], 'A design starts from why the system exists.')
          : this.finding(path, `${subject} must have at least ${String(params.limit)} item(s).`);
      default:
        return this.finding(path, `${subject} ${error.message ?? 'is not valid'}.`);
    }
  }

  findings(): RuleFinding[] {
    const errors = (this.ctx.report ?? new SchemaReport(this.data)).errors();
    // The validator checks sections in the format's order, so the first ones listed are
    // the first a reader meets; past the cap, one finding says how many more there are.
    const shown = errors.slice(0, LIMITS.maxSchemaFindings).map((e) => this.toFinding(e));
    if (errors.length > shown.length) {
      const first = this.toFinding(errors[shown.length]);
      shown.push({ ...first, fixes: [], message: `${plural(errors.length - shown.length, 'more schema problem')} not listed (at most ${LIMITS.maxSchemaFindings} are shown per document): fix the ones above and review again.` });
    }
    return shown;
  }
}

/** Errors about a value itself: its type, an allowed value, its form. */
const VALUE_KEYWORDS: ReadonlySet<string> = new Set(['type', 'anyOf', 'oneOf', 'enum', 'const', 'pattern']);

/**
 * The schema's judgement of one design's data, validated on first use and kept by the
 * review (not in a module-level cache, so the review's data dies with the review).
 */
export class SchemaReport {
  private found: readonly ErrorObject[] | undefined;
  private rejected: ReadonlySet<string> | undefined;

  constructor(private readonly data: unknown) {}

  /** The schema's errors, one per problem. */
  errors(): readonly ErrorObject[] {
    if (!this.found) {
      const data = this.data;
      const branchCount = (choice: ErrorObject): number => {
        const written = schemaAt(toDataPath(choice.instancePath, data));
        return written ? alternatives(written).length : 0;
      };
      this.found = validate(data) ? [] : collapseChoices(validate.errors ?? [], branchCount);
    }
    return this.found;
  }

  /**
   * Whether the schema reports the value at `path`, or a value holding it, as wrong (a
   * string where true/false belongs, a list where one id belongs, a value not allowed).
   * Such a value is not an answer any other rule can read: the `schema` finding is the
   * one problem (docs/format.md, "Where findings appear").
   */
  rejects(path: DataPath): boolean {
    this.rejected ??= new Set(this.errors().filter((e) => VALUE_KEYWORDS.has(e.keyword)).map((e) => e.instancePath));
    if (!this.rejected.size) return false;
    let pointer = '';
    for (const segment of path) {
      pointer += `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (this.rejected.has(pointer)) return true;
    }
    return false;
  }
}

/** The `schema` rule's findings for a design. */
export function schemaFindings(ctx: SchemaContext): RuleFinding[] {
  return new SchemaFindings(ctx).findings();
}
