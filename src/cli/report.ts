/** What the formatters print: each reviewed file with its reported findings. */
import type { Finding } from '../engine';

export type ReportedFinding = Pick<Finding, 'rule' | 'severity' | 'message' | 'range' | 'target'>;

export interface FileReport {
  /** As given or found (see discovery). */
  file: string;
  absolute: string;
  findings: ReportedFinding[];
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export function countFindings(reports: readonly FileReport[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const r of reports) for (const f of r.findings) counts[f.severity]++;
  return counts;
}
