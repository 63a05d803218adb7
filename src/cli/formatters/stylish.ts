/**
 * `--format stylish` (the default), after ESLint's: a header per file with problems, one
 * aligned row per finding (`line:col  severity  message  rule`, one-based for people),
 * then a summary line. Document text and file names pass through `printable`: no
 * control character or line break of theirs reaches the terminal.
 */
import { countBySeverity, plural } from '../../engine';
import type { Severity } from '../../engine';
import { printable } from '../../render/printable';
import { addCounts, writeAll } from '../report';
import type { Counts, FileReport, ReportWriter } from '../report';

const ANSI = {
  reset: '\x1b[0m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  underline: '\x1b[4m',
  red: '\x1b[31m',
  yellow: '\x1b[33m',
  blue: '\x1b[34m',
} as const;

const SEVERITY_COLOR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.blue };

/** Colors on a terminal unless NO_COLOR is set; FORCE_COLOR turns them on (or off with 0/false) anywhere. */
export function useColor(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR) return false;
  return isTTY;
}

export function stylishWriter(color: boolean): ReportWriter {
  const paint = (codes: string, text: string): string => (color ? `${codes}${text}${ANSI.reset}` : text);
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  return {
    file(report) {
      if (!report.findings.length) return '';
      addCounts(counts, countBySeverity(report.findings));
      const rows = report.findings.map((f) => ({
        line: String(f.range.start.line + 1),
        column: String(f.range.start.character + 1),
        severity: f.severity,
        message: printable(f.message),
        rule: f.rule,
      }));
      const width = (key: 'line' | 'column' | 'severity' | 'message'): number => Math.max(...rows.map((r) => r[key].length));
      const [lineWidth, columnWidth, severityWidth, messageWidth] = [width('line'), width('column'), width('severity'), width('message')];
      let out = `\n${paint(ANSI.underline, printable(report.file))}\n`;
      for (const r of rows) {
        const position = `${r.line.padStart(lineWidth)}:${r.column.padEnd(columnWidth)}`;
        out += `  ${paint(ANSI.dim, position)}  ${paint(SEVERITY_COLOR[r.severity], r.severity.padEnd(severityWidth))}  ${r.message.padEnd(messageWidth)}  ${paint(ANSI.dim, r.rule)}\n`;
      }
      return out;
    },
    end() {
      const total = counts.error + counts.warning + counts.info;
      if (!total) return '';
      const summary = `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')})`;
      const summaryColor = counts.error ? ANSI.red : counts.warning ? ANSI.yellow : ANSI.blue;
      return `\n${paint(ANSI.bold + summaryColor, summary)}\n`;
    },
  };
}

export function formatStylish(reports: readonly FileReport[], color: boolean): string {
  return writeAll(stylishWriter(color), reports);
}
