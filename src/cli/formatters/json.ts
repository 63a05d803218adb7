/** `--format json` (docs/cli.md, "Output formats"): zero-based ranges as in the LSP. */
import { JsonArrayWriter, writeAll } from '../report';
import type { FileReport, ReportWriter } from '../report';

export function jsonWriter(): ReportWriter {
  const files = new JsonArrayWriter();
  return {
    file: (r) => files.item({
      file: r.file,
      findings: r.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, help: f.help, range: f.range })),
    }),
    end: () => `${files.end()}\n`,
  };
}

export function formatJson(reports: readonly FileReport[]): string {
  return writeAll(jsonWriter(), reports);
}
