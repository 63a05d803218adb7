/**
 * `--format gitlab`: a GitLab Code Quality report (the subset of Code Climate's format
 * GitLab reads): one issue per finding with `description`, `check_name`, `fingerprint`,
 * `severity` and `location` (path relative to the folder the review ran in, one-based line).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Severity } from '../../engine';
import { toPosix } from '../discovery';
import { JsonArrayWriter } from '../report';
import type { ReportWriter } from '../report';

/** GitLab's scale is info, minor, major, critical, blocker; a review error blocks no deploy by itself. */
const SEVERITY: Record<Severity, 'info' | 'minor' | 'major'> = { error: 'major', warning: 'minor', info: 'info' };

export interface CodeQualityIssue {
  type: 'issue';
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number; end: number } };
}

export function gitlabWriter(options: { root: string }): ReportWriter {
  const issues = new JsonArrayWriter(2);
  return {
    file(report) {
      const file = toPosix(path.relative(options.root, report.absolute)) || report.file;
      // Keyed by file, rule, what the finding is about and its message, never its line, so
      // an issue keeps its identity when lines above it move; repeats get an occurrence number.
      const occurrences = new Map<string, number>();
      let out = '';
      for (const f of report.findings) {
        const key = [file, f.rule, f.target, f.message].join('\0');
        const occurrence = occurrences.get(key) ?? 0;
        occurrences.set(key, occurrence + 1);
        const issue: CodeQualityIssue = {
          type: 'issue',
          description: f.message,
          check_name: f.rule,
          fingerprint: createHash('sha256').update(`${key}\0${occurrence}`).digest('hex'),
          severity: SEVERITY[f.severity],
          location: { path: file, lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
        };
        out += issues.item(issue);
      }
      return out;
    },
    end: () => `${issues.end()}\n`,
  };
}

