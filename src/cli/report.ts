/** What the formatters print: each reviewed file with its reported findings. */
import { countBySeverity } from '../engine';
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
  return countBySeverity(reports.flatMap((r) => r.findings));
}
