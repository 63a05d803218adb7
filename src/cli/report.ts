/** What the formatters print: each reviewed file with its reported findings. */
import { countBySeverity } from '../engine';
import type { Finding, LifecycleModel } from '../engine';

export type ReportedFinding = Pick<Finding, 'rule' | 'severity' | 'message' | 'help' | 'range' | 'target' | 'docs'>;

export interface FileReport {
  /** As given or found (see discovery). */
  file: string;
  absolute: string;
  findings: ReportedFinding[];
  /** The lifecycle model and the design as plain data, when the file could be read as text (for the Markdown summary). */
  lifecycle?: LifecycleModel;
  design?: unknown;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export function countFindings(reports: readonly FileReport[]): Counts {
  return countBySeverity(reports.flatMap((r) => r.findings));
}
