/**
 * Realistic designs of a given size for the benchmarks: many objectives, each served by a
 * framing with linked metrics, labels and an online evaluation that measures every
 * objective, plus full pillars and lifecycle, so every rule has work.
 */

function objective(i: number): string {
  return `    - id: objective-${i}
      statement: Reduce the handling cost of request type ${i} by a third.
      kind: cost
      metric: median handling minutes for type ${i}
      baseline: 30 min
      target: 20 min
`;
}

function framing(i: number): string {
  return `  - id: model-${i}
    serves: [objective-${i}]
    task: multiclass-classification
    inputs:
      - The text of the request.
      - The customer's account tier.
    outputs: One of the queues.
    classes: [accounting, inventory, hr, it]
    objective:
      function: cross-entropy
      description: Minimize cross-entropy between predicted and actual queue.
    metrics:
      - name: accuracy
        target: ">= 0.9"
        moves: objective-${i}
      - name: macro F1
        target: ">= 0.85"
        moves: objective-${i}
    baseline: Keyword rules.
`;
}

const TAIL = `requirements:
  reliability:
    failure_modes: [Misrouted requests]
    silent_failures: Daily audit of a sample of routed requests.
    fallback: Low-confidence requests go to a human queue.
  scalability:
    traffic: {current: 10k/day, expected: 1M/day}
    model_complexity: Logistic regression; a transformer needs 16 GB.
    model_count: One model per request type.
    resources: Autoscale on queue depth.
    artifact_management: Model registry with lineage.
  maintainability:
    versioning: {code: git, data: lake snapshots, artifacts: model registry}
    reproducibility: One pipeline run from a pinned snapshot.
    documentation: This file and the model cards.
    ownership: ml-platform-team
  adaptability:
    monitoring: Audited accuracy, input drift, per-queue volume.
    retraining: Weekly, or when audited accuracy drops below 0.88.
    rollout: Shadow for a week, then canary to 10%.
lifecycle:
  scoping: {status: done, owner: product}
  data_engineering: {status: done, owner: data-eng}
  model_development: {status: in-progress, owner: ml-platform-team}
  deployment: {status: planned}
  monitoring: {status: planned}
  business_analysis: {status: planned}
`;

/** A design of about `lines` lines (at least one objective and framing). */
export function generateDesign(lines: number): string {
  const head = `mlsystem: 1
name: generated-${lines}
summary: A generated design for the benchmarks.
owners: [ml-platform-team]
stakeholders:
  - name: Head of support
    role: business owner
business:
  problem: Requests take too long to handle.
  maturity: developing
  objectives:
`;
  const fixed = head.split('\n').length + TAIL.split('\n').length + 1;
  const perPair = objective(0).split('\n').length - 1 + framing(0).split('\n').length - 1;
  const count = Math.max(1, Math.round((lines - fixed) / perPair));
  const objectives: string[] = [];
  const framings: string[] = [];
  for (let i = 0; i < count; i++) {
    objectives.push(objective(i));
    framings.push(framing(i));
  }
  const ids = Array.from({ length: count }, (_, i) => `objective-${i}`).join(', ');
  const depth = `data:\n  labels: {source: The queue that finally handled each request., delay: 2d}\nevaluation:\n  online: {method: a-b-test, measures: [${ids}]}\n`;
  return head + objectives.join('') + 'framing:\n' + framings.join('') + depth + TAIL;
}

/**
 * A design of about `lines` lines with the gaps of a draft, so the review has findings
 * (and fixes) to make: metrics without `moves`, every other framing serving nothing, and
 * no adaptability pillar.
 */
export function generateDraft(lines: number): string {
  return generateDesign(lines)
    .replace(/\n\s+moves: objective-\d+/g, '')
    .replace(/serves: \[objective-(\d+)\]/g, (all, i: string) => (Number(i) % 2 ? 'serves: []' : all))
    .replace(/  adaptability:\n(    .*\n)+/, '');
}
