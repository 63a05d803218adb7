/**
 * text + options -> findings. The only place findings are made: rules run over one
 * parse, waivers are applied, severities set, and the lifecycle model derived.
 */
import { Editor } from './edits';
import { buildLifecycle } from './lifecycle';
import { designOutline } from './outline';
import { isMap, Locator } from './locate';
import { parse } from './parse';
import { asRecord } from './rule';
import type { RuleContext } from './rule';
import { RULES, RULES_BY_ID } from './rules';
import type { Finding, Fix, LifecycleModel, OutlineNode, ReviewOptions, ReviewResult, RuleFinding, RuleId, Severity, SeveritySetting, WaivedFinding } from './types';
import { readWaivers, resolveWaiverTarget, UNWAIVABLE, waiverFor } from './waivers';
import type { WaiverState } from './waivers';

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule);
}

export function review(text: string, options: ReviewOptions = {}): ReviewResult {
  const design = parse(text);
  const loc = new Locator(design.doc, design.lines);
  const edit = new Editor(loc);
  const setting = (id: RuleId): SeveritySetting => options.rules?.[id] ?? RULES_BY_ID[id].severity;
  const ctx: RuleContext = { design, data: asRecord(design.data) ?? {}, loc, edit, today: options.today ?? todayUtc() };

  const waiveFix = (f: RuleFinding & { target: string }): Fix | undefined => {
    if (UNWAIVABLE.has(f.rule) || f.path[0] === 'waivers') return undefined;
    // The nearest target, from the finding's own path up, that a waiver can name and that
    // covers the finding (a key no dotted path can spell is waived through its parent).
    let target: string | undefined;
    for (let n = f.path.length; n > 0 && target === undefined; n--) {
      const candidate = n === f.path.length ? f.target : loc.target(f.path.slice(0, n));
      const resolved = resolveWaiverTarget(loc, candidate);
      if (resolved && resolved.every((segment, i) => f.path[i] === segment)) target = candidate;
    }
    if (target === undefined && f.path.length) return undefined;
    const entry: Record<string, string> = { rule: f.rule };
    if (target) entry.target = target;
    entry.reason = 'other';
    const e = edit.appendItem(['waivers'], entry);
    return e && { title: `Waive ${f.rule} here`, edits: [e], kind: 'waive' };
  };
  const finish = (f: RuleFinding, severity: Severity): Finding => {
    const target = f.target ?? loc.target(f.path);
    // The waive fix joins the rule's fixes when a host first asks for them.
    let fixes: Fix[] | undefined;
    return Object.defineProperty({ ...f, target, severity }, 'fixes', {
      enumerable: true,
      configurable: true,
      get: (): Fix[] => {
        if (!fixes) {
          const waive = waiveFix({ ...f, target });
          fixes = waive ? [...f.fixes, waive] : f.fixes;
        }
        return fixes;
      },
    }) as Finding;
  };

  const findings: Finding[] = [];
  const waived: WaivedFinding[] = [];
  const report = (raw: RuleFinding[], state?: WaiverState): void => {
    for (const f of raw) {
      const level = setting(f.rule);
      if (level === 'off') continue;
      const waiver = state && waiverFor(state, f);
      if (waiver) waived.push({ ...finish(f, level), waiver: waiver.index });
      else findings.push(finish(f, level));
    }
  };

  if (design.errors.length) {
    // Other rules wait for a document they can read.
    report(design.errors);
  } else {
    const off = new Set(RULES.filter((r) => setting(r.id) === 'off').map((r) => r.id));
    const state: WaiverState = { waivers: readWaivers(ctx.data, loc, ctx.today), silenced: new Map(), off };
    // A document whose top level is not a mapping (`~`, a list, prose) is one schema problem:
    // the design rules, and their fixes, need a mapping to read and to write into.
    const root = design.doc?.contents;
    const readable = !root || isMap(root);
    const active = RULES.filter((r) => r.id !== 'yaml-syntax' && setting(r.id) !== 'off' && (readable || r.id === 'schema'));
    for (const r of active) if (r.phase !== 'waivers') report(r.check(ctx), state);
    ctx.waivers = state;
    for (const r of active) if (r.phase === 'waivers') report(r.check(ctx));
  }
  findings.sort(byPosition);
  waived.sort(byPosition);
  let lifecycle: LifecycleModel | undefined;
  let outline: OutlineNode[] | undefined;
  return {
    findings,
    waived,
    design: design.errors.length ? undefined : design.data,
    // Derived on first read: the CLI and the diagnostics never need it, the panel does.
    get lifecycle(): LifecycleModel {
      return (lifecycle ??= buildLifecycle(ctx, findings));
    },
    get outline(): OutlineNode[] {
      return (outline ??= designOutline(design.doc?.contents));
    },
  };
}
