/**
 * Document + findings -> the lifecycle model the preview panel draws: the six stages,
 * the four pillars, and the trace from business objectives to framings and ML metrics.
 */
import type { Node } from './locate';
import { durationDays } from './duration';
import { pillarShape, requirementsOf } from './pillars';
import { pillarReadiness, sectionReadiness } from './readiness';
import { asArray, asRecord, asString, isFilled, referencesAt } from './read';
import type { RuleContext } from './rule';
import { PILLAR_IDS, PILLAR_LABELS, SECTION_IDS, SECTION_LABELS, STAGE_IDS, STAGE_LABELS, STAGE_STATUSES } from './vocabulary';
import type { PillarId, StageId, StageStatus } from './vocabulary';
import type {
  DataPath, ExperimentLink, Finding, FindingSummary, GroundTruth, LifecycleModel, MetricLink, ObjectiveTrace, PillarModel, Range, SectionReadiness, StageModel,
} from './types';
import { countBySeverity } from './wording';

/**
 * Which stage a finding belongs to: its own `lifecycle.<stage>` entry, or the stage whose
 * questions it is about (objectives, stakeholders and framing are scoping; detecting
 * silent failures and adapting are monitoring and continual learning).
 */
export function stageOf(finding: Finding): StageId | undefined {
  const [section, child] = finding.path;
  if (section === 'lifecycle' && (STAGE_IDS as readonly unknown[]).includes(child)) return child as StageId;
  if (section === 'business' || section === 'stakeholders' || section === 'framing') return 'scoping';
  if (finding.rule === 'silent-failure' || (section === 'requirements' && child === 'adaptability')) return 'monitoring';
  return undefined;
}

function summary(f: Finding): FindingSummary {
  return { rule: f.rule, severity: f.severity, message: f.message, range: f.range };
}

export function buildLifecycle(ctx: Pick<RuleContext, 'data' | 'loc'>, findings: readonly Finding[]): LifecycleModel {
  const { data, loc } = ctx;
  const rangeOf = (path: DataPath): Range => loc.placeRange(path);
  // Key start through value end, so the panel can tell which element holds the cursor.
  const spanOf = (path: DataPath): Range | undefined => {
    const located = loc.locate(path);
    // A stage merged in (`<<: *stages`) is shown where it is merged, not where it is written.
    if (located?.through) return loc.keyRange(path);
    const start = (located?.pair?.key as Node | undefined)?.range?.[0] ?? located?.node?.range?.[0];
    const end = located?.node?.range?.[1] ?? (located?.pair?.key as Node | undefined)?.range?.[1];
    return start === undefined || end === undefined ? undefined : loc.lines.range(start, Math.max(start, end));
  };
  const counts = countBySeverity(findings);
  const byStage = new Map<StageId, FindingSummary[]>();
  const byPillar = new Map<PillarId, FindingSummary[]>();
  for (const f of findings) {
    const stage = stageOf(f);
    if (stage) byStage.set(stage, [...(byStage.get(stage) ?? []), summary(f)]);
    const [section, child] = f.path;
    if (section === 'requirements' && (PILLAR_IDS as readonly unknown[]).includes(child)) {
      byPillar.set(child as PillarId, [...(byPillar.get(child as PillarId) ?? []), summary(f)]);
    }
  }

  const lifecycle = asRecord(data.lifecycle) ?? {};
  const stages: StageModel[] = STAGE_IDS.map((id) => {
    const present = id in lifecycle;
    const entry = asRecord(lifecycle[id]) ?? {};
    const status = asString(entry.status);
    return {
      id,
      label: STAGE_LABELS[id],
      present,
      status: (STAGE_STATUSES as readonly string[]).includes(status ?? '') ? (status as StageStatus) : undefined,
      owner: asString(entry.owner),
      notes: asString(entry.notes),
      artifacts: asArray(entry.artifacts).map(asString).filter((a): a is string => a !== undefined),
      range: rangeOf(['lifecycle', id]),
      span: spanOf(['lifecycle', id]),
      findings: byStage.get(id) ?? [],
    };
  });

  const pillars: PillarModel[] = PILLAR_IDS.map((id) => {
    const shape = pillarShape(data, id);
    const record = shape.kind === 'missing' ? undefined : asRecord(shape.value);
    return {
      id,
      label: PILLAR_LABELS[id],
      state: shape.kind === 'missing' ? 'missing' : shape.kind === 'empty' ? 'empty' : 'present',
      notes: record ? asString(record.notes) : undefined,
      readiness: pillarReadiness(requirementsOf(data), id),
      range: rangeOf(['requirements', id]),
      span: spanOf(['requirements', id]),
      findings: byPillar.get(id) ?? [],
    };
  });

  const business = asRecord(data.business) ?? {};
  const objectives: ObjectiveTrace[] = asArray(business.objectives).map((raw, i) => {
    const o = asRecord(raw) ?? {};
    return {
      id: asString(o.id) ?? `#${i + 1}`,
      statement: asString(o.statement),
      kind: asString(o.kind),
      metric: asString(o.metric),
      target: asString(o.target),
      range: rangeOf(['business', 'objectives', i]),
      span: spanOf(['business', 'objectives', i]),
      framings: [],
      metrics: [],
      unframed: true,
    };
  });
  const objectiveById = new Map(objectives.map((o) => [o.id, o]));
  const unlinkedMetrics: MetricLink[] = [];
  asArray(data.framing).forEach((raw, fi) => {
    const framing = asRecord(raw) ?? {};
    const framingId = asString(framing.id) ?? `#${fi + 1}`;
    const serves = asArray(Array.isArray(framing.serves) ? framing.serves : [framing.serves]).map(asString);
    for (const id of new Set(serves)) {
      const objective = id === undefined ? undefined : objectiveById.get(id);
      if (!objective) continue;
      objective.framings.push({ id: framingId, task: asString(framing.task), range: rangeOf(['framing', fi]), span: spanOf(['framing', fi]) });
      objective.unframed = false;
    }
    asArray(framing.metrics).forEach((rawMetric, mi) => {
      const metric = asRecord(rawMetric) ?? {};
      const link: MetricLink = {
        framing: framingId,
        name: asString(metric.name) ?? `metric ${mi + 1}`,
        target: asString(metric.target),
        range: rangeOf(['framing', fi, 'metrics', mi]),
        span: spanOf(['framing', fi, 'metrics', mi]),
      };
      const moved = objectiveById.get(asString(metric.moves) ?? '');
      if (moved) moved.metrics.push(link);
      else unlinkedMetrics.push(link);
    });
  });

  // The experiment in production that measures each objective.
  const online = asRecord(data.evaluation)?.online;
  const onlineRecord = asRecord(online);
  if (onlineRecord) {
    const method = asString(onlineRecord.method);
    for (const ref of referencesAt(['evaluation', 'online', 'measures'], onlineRecord.measures)) {
      const objective = ref.placeholder ? undefined : objectiveById.get(ref.id);
      if (objective && !objective.experiment) objective.experiment = { method, range: rangeOf(ref.path) } satisfies ExperimentLink;
    }
  } else if (typeof online === 'string' && isFilled(online)) {
    const range = rangeOf(['evaluation', 'online']);
    for (const objective of objectives) objective.experiment = { description: online, range };
  }

  const sections: SectionReadiness[] = SECTION_IDS.map((id) => ({
    id,
    label: SECTION_LABELS[id],
    ...sectionReadiness(data, id),
    range: id === 'identity' ? loc.firstKeyRange() : rangeOf([id]),
  }));

  return {
    name: asString(data.name), summary: asString(data.summary), stages, pillars, objectives, unlinkedMetrics, counts,
    groundTruth: groundTruthOf(data, rangeOf, spanOf), sections,
  };
}

/** `data.labels` for the trace: its source, delay (in days when a duration) and quality. */
function groundTruthOf(data: Record<string, unknown>, rangeOf: (path: DataPath) => Range, spanOf: (path: DataPath) => Range | undefined): GroundTruth | undefined {
  const labels = asRecord(data.data)?.labels;
  if (!isFilled(labels)) return undefined;
  const path = ['data', 'labels'];
  const record = asRecord(labels);
  if (!record) return { source: asString(labels), range: rangeOf(path), span: spanOf(path) };
  return {
    source: asString(record.source),
    delay: asString(record.delay),
    delayDays: durationDays(record.delay),
    quality: asString(record.quality),
    range: rangeOf(path),
    span: spanOf(path),
  };
}
