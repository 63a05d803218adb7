/** `--format json` (docs/cli.md, "Output formats"): zero-based ranges as in the LSP. */
import type { FileReport } from '../report';

export function formatJson(reports: readonly FileReport[]): string {
  const out = reports.map((r) => ({
    file: r.file,
    findings: r.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, help: f.help, range: f.range })),
  }));
  return `${JSON.stringify(out)}\n`;
}
