/**
 * The skeletons the fixes (and snippets) insert: each pillar with its expected keys, a
 * lifecycle stage, a stakeholder. Placeholders are strings that start with "TODO:" and
 * ask the question the design must answer, so the result stays valid against the schema.
 */
import type { Editor } from './edits';
import type { Locator } from './locate';
import { asRecord, isFilled } from './rule';
import type { RuleContext } from './rule';
import type { DataPath, PillarId, RuleFinding, RuleId, StageStatus, TextEdit } from './types';

export const PILLAR_SKELETONS: Readonly<Record<PillarId, Readonly<Record<string, unknown>>>> = {
  reliability: {
    failure_modes: ['TODO: how can the system fail, and what does each failure cost?'],
    silent_failures: 'TODO: how are silent failures (wrong answers, no errors) detected?',
    fallback: 'TODO: what happens when the model is wrong or unavailable?',
  },
  scalability: {
    traffic: { current: 'TODO: requests or predictions per day today', expected: 'TODO: expected at peak and in a year' },
    model_complexity: 'TODO: how may the model grow, and what would it need to run?',
    model_count: 'TODO: how many models now, and how many later (per customer, region...)?',
    resources: 'TODO: how do compute and memory scale with load?',
    artifact_management: 'TODO: where are models and their lineage stored?',
  },
  maintainability: {
    versioning: {
      code: 'TODO: how is the code versioned?',
      data: 'TODO: how are training data versioned?',
      artifacts: 'TODO: how are models and other artifacts versioned?',
    },
    reproducibility: 'TODO: how is a model rebuilt from its code and data versions?',
    documentation: 'TODO: where is the system documented?',
    ownership: 'TODO: who owns training, serving and the data?',
  },
  adaptability: {
    monitoring: 'TODO: what is monitored in production (quality, drift, volume)?',
    retraining: 'TODO: when and how is the model retrained?',
    rollout: 'TODO: how does a new model reach production safely?',
  },
};

export const STAGE_SKELETON: Readonly<{ status: StageStatus }> = { status: 'planned' };

export const STAKEHOLDER_SKELETON: Readonly<Record<string, unknown>> = {
  name: 'TODO: who must be involved?',
  role: 'TODO: their role (business owner, domain expert, end user...)',
  concerns: ['TODO: what must the system get right for them?'],
};

/**
 * Edits that make the mapping at `mapPath` hold every key of `wanted`: absent keys are
 * inserted together, keys present but empty are filled in place. Keys already filled and
 * other keys (notes, x- extensions) are left alone. When the mapping is null or empty it
 * is replaced by the whole of `wanted`.
 */
export function fillKeys(edit: Editor, loc: Locator, current: unknown, mapPath: DataPath, wanted: Readonly<Record<string, unknown>>): TextEdit[] {
  const record = asRecord(current);
  if (!record || !Object.keys(record).length) {
    const e = loc.locate(mapPath) ? edit.fillEmpty(mapPath, wanted) : edit.insertEntries(mapPath, { ...wanted });
    return e ? [e] : [];
  }
  const edits: TextEdit[] = [];
  const absent: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wanted)) {
    if (!(key in record)) absent[key] = value;
    else if (!isFilled(record[key])) {
      const e = edit.fillEmpty([...mapPath, key], value);
      if (e) edits.push(e);
    }
  }
  if (Object.keys(absent).length) {
    const e = edit.insertEntries(mapPath, absent);
    if (e) edits.push(e);
  }
  return edits;
}

/**
 * Insertions at the same offset joined into one edit, in the order given, so the editor
 * and `applyEdits` produce the same text (they would order same-place insertions apart).
 */
export function joinInsertions(edits: readonly TextEdit[]): TextEdit[] {
  const isInsertion = (e: TextEdit): boolean => e.range.end.line === e.range.start.line && e.range.end.character === e.range.start.character;
  const groups: TextEdit[][] = [];
  for (const e of edits) {
    const group = isInsertion(e)
      ? groups.find((g) => isInsertion(g[0]) && g[0].range.start.line === e.range.start.line && g[0].range.start.character === e.range.start.character)
      : undefined;
    if (group) group.push(e);
    else groups.push([e]);
  }
  return groups.map((group) => {
    if (group.length === 1) return group[0];
    // Each insertion at the end of a text without a final newline leads with one; keep only the first.
    // The text is joined when read, so fixes nobody applies are never written out.
    let text: string | undefined;
    const join = (): string => group.map((e) => e.newText).reduce((all, next) => all + (all.endsWith('\n') ? next.replace(/^\n/, '') : next));
    return { range: group[0].range, get newText(): string { return (text ??= join()); } };
  });
}

/** "a", "a and b", "a, b and c". */
export function listWords(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * A finding that a pillar written as a mapping lacks `key`, on that key (or where it would
 * go), with the fix that fills it from the pillar's skeleton.
 */
export function missingPillarKey(
  { loc, edit }: RuleContext, rule: RuleId, pillar: PillarId, current: Record<string, unknown>, key: string, message: string,
): RuleFinding {
  const pillarPath = ['requirements', pillar];
  const path = [...pillarPath, key];
  const edits = fillKeys(edit, loc, current, pillarPath, { [key]: PILLAR_SKELETONS[pillar][key] });
  return {
    rule,
    message,
    range: loc.subjectRange(path) ?? loc.missingRange(path),
    path,
    fixes: edits.length ? [{ title: `Add ${key} to ${pillar}`, edits }] : [],
  };
}
