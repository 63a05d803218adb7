import type { Fix, RuleFinding } from '../basics';
import { asArray, asRecord, asString, isFilled, nameableObjectiveIds, servedIds } from '../read';
import { defineRule } from '../rule';

/** At most this many "Add `moves`" fixes per metric. */
const MAX_CHOICES = 5;

export const rule = defineRule({
  id: 'unlinked-metric',
  severity: 'warning',
  summary: 'Every ML metric must name the business objective it moves (`moves`).',
  check({ data, edit }) {
    const objectiveIds = nameableObjectiveIds(data);
    const findings: RuleFinding[] = [];
    asArray(data.framing).forEach((rawFraming, f) => {
      const framing = asRecord(rawFraming);
      if (!framing) return;
      // The objective this framing serves, when it serves exactly one, is the likely link.
      const served = servedIds(framing).filter((id) => objectiveIds.includes(id));
      asArray(framing.metrics).forEach((rawMetric, m) => {
        const metric = asRecord(rawMetric);
        if (!metric || isFilled(metric.moves)) return;
        const path = ['framing', f, 'metrics', m];
        // Built when a host asks: placing an entry in the format's order reads the schema, per choice.
        const fixes = (): Fix[] => {
          // The objectives the framing serves first, then the others; a handful is a choice, hundreds are noise.
          const candidates = [...new Set([...served, ...objectiveIds])].slice(0, MAX_CHOICES);
          const built: Fix[] = [];
          for (const id of candidates) {
            const e = Object.hasOwn(metric, 'moves') ? edit.fillEmpty([...path, 'moves'], id) : edit.insertEntries(path, { moves: id });
            if (e) built.push({ title: `Add \`moves: ${id}\``, kind: 'insert', edits: [e], isPreferred: served.length === 1 && served[0] === id });
          }
          return built;
        };
        const name = asString(metric.name);
        findings.push({
          message: `ML metric ${name === undefined ? m + 1 : `\`${name}\``} does not say which business objective it moves: add \`moves: <id>\`.`,
          help: 'An ML metric matters only when improving it moves a business metric.',
          path,
          unplaced: 'skip',
          fixes,
        });
      });
    });
    return findings;
  },
});
