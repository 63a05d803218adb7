import type { RelatedLocation, RuleFinding } from '../basics';
import { asRecord, asString } from '../read';
import { defineRule } from '../rule';

const LIVE = new Set(['in-progress', 'done']);
const NOT_WATCHING = new Set(['planned', 'skipped']);

export const rule = defineRule({
  id: 'unmonitored-deployment',
  severity: 'warning',
  summary: 'A deployment in progress or done needs a monitoring stage that is under way.',
  check({ data, loc }) {
    const lifecycle = asRecord(data.lifecycle);
    const deployment = asRecord(lifecycle?.deployment);
    const status = asString(deployment?.status);
    if (!lifecycle || !status || !LIVE.has(status)) return [];
    // A monitoring stage that says nothing about its progress (`monitoring:`, `{}`,
    // `{owner: x}`) is as absent as a missing one: nothing says monitoring is under way.
    const monitoring = lifecycle.monitoring;
    const monitoringStatus = asString(asRecord(monitoring)?.status);
    const unwatched = monitoringStatus === undefined || NOT_WATCHING.has(monitoringStatus);
    if (!unwatched) return [];
    const path = ['lifecycle', 'deployment'];
    const how = monitoring === undefined || monitoring === null ? 'there is no monitoring stage'
      : monitoringStatus === undefined ? 'the monitoring stage has no status' : `monitoring is ${monitoringStatus}`;
    const related: RelatedLocation[] = [];
    const monitoringRange = loc.subjectRange(['lifecycle', 'monitoring']);
    if (monitoringRange) related.push({ message: monitoringStatus ? `Monitoring is ${monitoringStatus} here.` : 'The monitoring stage has no status here.', range: monitoringRange });
    const finding: RuleFinding = {
      message: `Deployment is ${status} but ${how}: get the monitoring stage under way.`,
      help: 'A model in production without monitoring fails silently when the data drifts or the model degrades.',
      path,
    };
    if (related.length) finding.related = related;
    return [finding];
  },
});
