/** `--format json` (docs/cli.md, "Output formats"): zero-based ranges as in the LSP. */
import { JsonArrayWriter } from '../report';
import type { ReportWriter } from '../report';

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

