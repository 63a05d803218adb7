// A large design for the preview's tests: `count` objectives (330 give about 5,200 lines),
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
    framings.push(`  - id: churn-model-${i}
    serves: [objective-${i}]
    task: binary-classification
    inputs: [Account age, Tickets in the last 90 days]
    outputs: Whether the customer leaves within a month.
    objective:
      function: log-loss
      description: Penalise confident wrong guesses about who leaves.
    metrics:
      - name: recall at 10% of accounts
        target: ">= 0.6"
        moves: objective-${i}
      - name: precision
${i % 5 ? `        moves: objective-${i}\n` : ''}    baseline: Accounts with three or more complaints.
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
