/**
 * `--format github`: one GitHub Actions workflow command per finding, which GitHub shows as
 * an annotation on the file and line:
 * `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE`.
 * Escaped as GitHub's toolkit does (data: `%`, CR, LF; properties also `:` and `,`), after
 * control characters are made visible, so every output line is exactly one command.
 */
import type { Severity } from '../../engine';
import { printable } from '../../render/printable';
import type { FileReport, ReportWriter } from '../report';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(text: string): string {
  return printable(text, '\r\n').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function fileCommands(report: FileReport): string {
  let out = '';
  for (const f of report.findings) {
    const properties = [
      ['file', report.file],
      ['line', String(f.range.start.line + 1)],
      ['col', String(f.range.start.character + 1)],
      ['endLine', String(f.range.end.line + 1)],
      ['endColumn', String(f.range.end.character + 1)],
      ['title', f.rule],
    ].map(([key, value]) => `${key}=${escapeProperty(value)}`);
    out += `::${COMMAND[f.severity]} ${properties.join(',')}::${escapeData(f.message)}\n`;
  }
  return out;
}

export function githubWriter(): ReportWriter {
  return { file: fileCommands, end: () => '' };
}

