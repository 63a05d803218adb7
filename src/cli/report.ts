/** What the formatters print: each reviewed file with its reported findings, written file by file. */
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

export function addCounts(total: Counts, more: Counts): void {
  total.error += more.error;
  total.warning += more.warning;
  total.info += more.info;
}

/**
 * A format written file by file, in the order the files were reviewed, so a run keeps one
 * file's findings at a time: `file` gives the text for one file (with whatever opens the
 * report, for the first), `end` what closes it (the counts, a closing bracket). The text
 * is exactly what formatting all the files at once gives.
 */
export interface ReportWriter {
  file(report: FileReport): string;
  end(): string;
}

/** The whole report at once. */
export function writeAll(writer: ReportWriter, reports: readonly FileReport[]): string {
  let out = '';
  for (const report of reports) out += writer.file(report);
  return out + writer.end();
}

/**
 * A JSON array written element by element, byte for byte as `JSON.stringify` writes the
 * whole array with `indent` spaces (0: none) when it sits `depth` levels deep in its document.
 * (JSON strings hold no raw line break, so indenting an element's lines is safe.)
 */
export class JsonArrayWriter {
  private count = 0;
  private readonly pad: string;
  constructor(private readonly indent = 0, private readonly depth = 0) {
    this.pad = indent ? `\n${' '.repeat(indent * (depth + 1))}` : '';
  }

  item(value: unknown): string {
    const text = this.indent ? JSON.stringify(value, null, this.indent).replace(/\n/g, this.pad) : JSON.stringify(value);
    return `${this.count++ ? ',' : '['}${this.pad}${text}`;
  }

  end(): string {
    if (!this.count) return '[]';
    return this.indent ? `\n${' '.repeat(this.indent * this.depth)}]` : ']';
  }
}
