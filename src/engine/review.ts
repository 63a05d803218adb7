/**
 * text + options -> findings. The only place findings are made: rules run over one
 * parse, each finding is given its rule id and range, waivers are applied, severities
 * set, and the lifecycle model derived.
 */
import type { Fix, Range, RuleFinding, Severity, SeveritySetting } from './basics';
import { Editor } from './edits';
import { buildLifecycle } from './lifecycle';
import { designOutline } from './outline';
import { defineLazy } from './lazy';
import { isMap, Locator } from './locate';
import { decodeText, INVALID_UTF8_MESSAGE } from './decode';
import type { DecodedText } from './decode';
import { parse, unreadable } from './parse';
import type { ParsedDesign } from './parse';
import { asRecord } from './read';
import { checkRule } from './checks';
import type { Rule, RuleContext } from './rule';
import { isWaivable, RULE_IDS, RULES, RULES_BY_ID } from './rules';
import type { Finding, FindingRule, LifecycleModel, OutlineNode, ReviewOptions, ReviewResult, WaivedFinding } from './types';
import { SchemaReport } from './schema';
import { valuesAt } from './schema-navigator';
import { isWritableTarget, readWaivers, resolveWaiverTarget, waiverFor } from './waivers';

const UNWAIVABLE: ReadonlySet<string> = new Set(RULES.filter((r) => r.waivable === false).map((r) => r.id));

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Rule ids are lowercase ASCII words and hyphens, so code-unit order is the locale's order, and cheaper. */
function byRule(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || byRule(a.rule, b.rule);
}

/**
 * Where a finding is shown. Undefined when it is placed on a node the text does not hold
 * (read through an alias) and its rule asked to skip it then.
 */
function placeFinding(loc: Locator, f: RuleFinding): Range | undefined {
  if (f.range) return f.range;
  const at = f.at ?? 'subject';
  return loc.anchorRange(f.path, at) ?? (f.unplaced === 'skip' ? undefined : loc.missingRange(f.path));
}

/**
 * The "Waive <rule> here" fix: a waiver whose target is the nearest one, from the finding's
 * own path up, that a waiver can name and that covers the finding (a key no dotted path
 * can spell is waived through its parent).
 */
function waiveFix(ctx: RuleContext, f: Omit<Finding, 'fixes' | 'severity'>): Fix | undefined {
  if (!isWaivable(f)) return undefined;
  let target: string | undefined;
  for (let n = f.path.length; n > 0 && target === undefined; n--) {
    const prefix = f.path.slice(0, n);
    // By id as the review names it, else by index when the id is no name to write down.
    const named = n === f.path.length ? f.target : ctx.loc.target(prefix);
    for (const candidate of [named, prefix.join('.')]) {
      const resolved = resolveWaiverTarget(ctx.loc, candidate);
      if (target === undefined && resolved && resolved.every((segment, i) => f.path[i] === segment) && isWritableTarget(candidate)) target = candidate;
    }
  }
  if (target === undefined && f.path.length) return undefined;
  const entry: Record<string, string> = { rule: f.rule };
  if (target) entry.target = target;
  entry.reason = 'other';
  const e = ctx.edit.appendItem(['waivers'], entry);
  if (!e) return undefined;
  // The editor's version: the same entry with the reason, a note, an owner and an expiry to fill in.
  const stops = ctx.edit.appendItem(['waivers'], { ...entry, ...WAIVER_STOPS, expires: WAIVER_STOP_TOKEN(4) });
  if (stops) {
    const expires = addDays(ctx.today, WAIVER_DAYS);
    defineLazy(e, { snippet: () => waiverSnippet(stops.newText, expires) });
  }
  return { title: `Waive ${f.rule} here`, kind: 'waive', edits: [e] };
}

/** How long a waiver made by the quick fix lasts unless the author says otherwise. */
const WAIVER_DAYS = 90;
/** Plain words YAML writes as they are, replaced by tab stops once the entry is written. */
const WAIVER_STOP_TOKEN = (n: number): string => `mlsystemTabStop${n}`;
const WAIVER_STOPS = { reason: WAIVER_STOP_TOKEN(1), note: WAIVER_STOP_TOKEN(2), owner: WAIVER_STOP_TOKEN(3) };

/** `YYYY-MM-DD` plus `days`, in UTC. */
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function waiverSnippet(written: string, expires: string): string {
  const placeholders: Record<string, string> = {
    [WAIVER_STOP_TOKEN(1)]: `\${1|${valuesAt(['waivers', 0, 'reason']).map((v) => v.value).join(',')}|}`,
    [WAIVER_STOP_TOKEN(2)]: '${2:why the team accepts this risk}',
    [WAIVER_STOP_TOKEN(3)]: '${3:who answers for it}',
    [WAIVER_STOP_TOKEN(4)]: `\${4:${expires}}`,
  };
  const escaped = written.replace(/[$}\\]/g, '\\$&');
  return escaped.replace(/mlsystemTabStop\d/g, (token) => placeholders[token] ?? token);
}

/** A rule's finding made whole; the waive fix joins the rule's fixes when a host first asks for them. */
function completeFinding(ctx: RuleContext, rule: Rule<FindingRule>, f: RuleFinding, range: Range, severity: Severity): Finding {
  const { at: _at, unplaced: _unplaced, missing: _missing, fixes: ruleFixes = [], ...found } = f;
  // Object.assign, not object spread: V8 moves the objects a spread makes here out of the
  // young generation, so every finding of a run over many files outlived its review.
  const base = Object.assign({}, found, { help: f.help ?? rule.summary, rule: rule.id, range, target: f.target ?? ctx.loc.target(f.path) }, rule.docs ? { docs: rule.docs } : {});
  return defineLazy(Object.assign({}, base, { severity }), {
    fixes: (): Fix[] => {
      if (!ctx.edit.canEdit) return [];
      const own = typeof ruleFixes === 'function' ? ruleFixes() : ruleFixes;
      const waive = waiveFix(ctx, base);
      return waive ? [...own, waive] : own;
    },
  }) as Finding;
}

/**
 * The rules this document gets: all that are on (the built-in ones, then the team's
 * checks), but only `schema` for a top level that is not a mapping.
 */
function activeRules(design: ParsedDesign, checks: readonly Rule<FindingRule>[], setting: (id: FindingRule) => SeveritySetting): Rule<FindingRule>[] {
  // Other rules wait for a document they can read.
  if (design.errors.length) return setting('yaml-syntax') === 'off' ? [] : [RULES_BY_ID['yaml-syntax']];
  // A document whose top level is not a mapping (`~`, a list, prose) is one schema problem:
  // the design rules, and their fixes, need a mapping to read and to write into.
  const root = design.doc?.contents;
  const readable = !root || isMap(root);
  return [...RULES, ...checks].filter((r) => r.id !== 'yaml-syntax' && setting(r.id) !== 'off' && (readable || r.id === 'schema'));
}

export function review(text: string, options: ReviewOptions = {}): ReviewResult {
  return reviewDesign(parse(text), options);
}

/** A file's review: of its text, or of bytes that are not UTF-8 (one `yaml-syntax` finding); none when it is too large. */
export type BytesReview = { kind: 'text' | 'invalid-utf8'; result: ReviewResult } | Extract<DecodedText, { kind: 'too-large' }>;

export function reviewBytes(bytes: Uint8Array, options: ReviewOptions = {}): BytesReview {
  const decoded = decodeText(bytes);
  if (decoded.kind === 'too-large') return decoded;
  const design = decoded.kind === 'text' ? parse(decoded.text) : unreadable(decoded.text, decoded.range, INVALID_UTF8_MESSAGE);
  return { kind: decoded.kind, result: reviewDesign(design, options) };
}

/** The review of a parsed text (`review` parses it first). */
export function reviewDesign(design: ParsedDesign, options: ReviewOptions = {}): ReviewResult {
  const loc = new Locator(design.doc, design.lines);
  const data = asRecord(design.data) ?? {};
  const today = options.today ?? todayUtc();
  const checks = (options.checks ?? []).map(checkRule);
  const byId = new Map<string, Rule<FindingRule>>([...RULES, ...checks].map((r) => [r.id, r]));
  const setting = (id: FindingRule): SeveritySetting => options.rules?.[id] ?? byId.get(id)?.severity ?? 'warning';
  const off = new Set<string>([...byId.keys()].filter((id) => setting(id as FindingRule) === 'off'));
  // A waiver may name a check as it names a rule.
  const ruleIds = checks.length ? [...RULE_IDS, ...checks.map((c) => c.id)] : RULE_IDS;
  const ctx: RuleContext = {
    design, data, loc, edit: new Editor(loc), today, ruleIds, unwaivable: UNWAIVABLE,
    waivers: { waivers: readWaivers(data, loc, today, ruleIds), silenced: new Map(), off },
    schema: new SchemaReport(design.data),
  };

  const findings: Finding[] = [];
  const waived: WaivedFinding[] = [];
  const run = (rule: Rule<FindingRule>): void => {
    const severity = setting(rule.id) as Severity;
    for (const found of rule.check(ctx)) {
      // One finding per problem: a value the schema reports as wrong is the schema's finding only.
      if (rule.id !== 'schema' && !found.range && ctx.schema.rejects(found.path)) continue;
      const range = placeFinding(loc, found);
      if (!range) continue;
      const finding = completeFinding(ctx, rule, found, range, severity);
      // Waivers apply to design findings; the `waivers` phase reports on what they silenced.
      const waiver = rule.phase !== 'waivers' && isWaivable(finding) ? waiverFor(ctx.waivers, { rule: finding.rule, path: finding.path, missing: found.missing }) : undefined;
      if (waiver) waived.push({ ...finding, waiver: waiver.index });
      else findings.push(finding);
    }
  };
  const rules = activeRules(design, checks, setting);
  for (const r of rules) if (r.phase !== 'waivers') run(r);
  for (const r of rules) if (r.phase === 'waivers') run(r);

  findings.sort(byPosition);
  waived.sort(byPosition);
  const result = { findings, waived, design: design.errors.length ? undefined : design.data };
  // Derived on first read: the CLI and the diagnostics never need them, the panel does.
  return defineLazy(result, {
    lifecycle: (): LifecycleModel => buildLifecycle(ctx, findings),
    outline: (): OutlineNode[] => designOutline(design.doc?.contents),
  }) as ReviewResult;
}
