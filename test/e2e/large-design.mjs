// A large design for the preview's tests: `count` objectives (330 give about 5,500 lines),
// each served by a framing with two metrics; every third objective is unframed and every
// fifth metric moves nothing, so the review has findings to list.

/** @param {number} count @returns {string} */
export function largeDesign(count = 330) {
  const objectives = [];
  const framings = [];
  for (let i = 0; i < count; i++) {
    objectives.push(`    - id: objective-${i}
      statement: Reduce the handling cost of request type ${i} by a third.
      kind: cost
      metric: median handling minutes for type ${i}
      baseline: 30 min
      target: 20 min
`);
    if (i % 3 === 2) continue;
    framings.push(`  - id: model-${i}
    serves: [objective-${i}]
    task: multiclass-classification
    inputs: [The text of the request.]
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
${i % 5 ? `        moves: objective-${i}\n` : ''}    baseline: Keyword rules.
`);
  }
  return `mlsystem: 1
name: large-design
summary: A design with many objectives.
business:
  problem: Requests take too long to handle.
  objectives:
${objectives.join('')}framing:
${framings.join('')}lifecycle:
  scoping: {status: done, owner: product}
  data_engineering: {status: in-progress, owner: data-eng}
`;
}
