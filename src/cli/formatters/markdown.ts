/**
 * `--format markdown`: a summary for `$GITHUB_STEP_SUMMARY` or a pull-request comment. Per
 * design: counts by severity, the open questions (placeholders) left, a table of section and
 * pillar readiness (the engine's: answered, placeholders, missing), the findings with
 * links to their rules' pages, and the waivers with owner and expiry. Document text and
 * file names are escaped for Markdown and HTML (and `@` broken up, so a document cannot mention anyone).
 */
import { countBySeverity, findingDocsUrl, plural } from '../../engine';
import { designWaivers, openQuestions, readiness, waiverStateText } from '../../render/report-html';
import type { Counts } from '../../render/report-html';
import { printable } from '../../render/printable';
import { addCounts } from '../report';
import type { FileReport, ReportWriter } from '../report';

// `@` gets a zero-width space after it: GitHub decodes entities before it looks for mentions.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '@': '@&#8203;', '|': '&#124;' };

/**
 * Untrusted text as inline Markdown that renders as exactly that text, on one line (it is
 * never at a line's start, so only inline syntax needs escaping: emphasis, code, links,
 * autolinks, HTML, table cells, mentions).
 */
export function escapeMarkdown(text: string): string {
  return printable(text)
    .replace(/[&<>@|]/g, (c) => ENTITIES[c])
    .replace(/[\\`*_[\]~:]/g, '\\$&');
}

function countsText(c: Counts): string {
  return `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info`;
}

const SEVERITY_MARK = { error: '🔴 error', warning: '🟡 warning', info: '🔵 info' } as const;
const STATE_MARK = { answered: '✅', placeholder: '✏️', missing: '⬜' } as const;

function fileSection(report: FileReport, counts: Counts, today: string): string {
  const name = report.lifecycle?.name?.trim();
  const lines = [`### ${escapeMarkdown(report.file)}${name ? ` — ${escapeMarkdown(name)}` : ''}`, '', `**${countsText(counts)}**`, ''];
  if (report.lifecycle) {
    const open = openQuestions(report.lifecycle);
    if (open) lines.push(`${STATE_MARK.placeholder} ${plural(open, 'placeholder')} still to answer: open questions for the review.`, '');
    lines.push('| Section or pillar | State | Answered | Placeholders | Missing | Errors | Warnings | Info |', '|---|---|--:|--:|--:|--:|--:|--:|');
    for (const row of readiness(report.lifecycle, report.findings)) {
      const label = row.kind === 'pillar' ? `Pillar: ${escapeMarkdown(row.label)}` : escapeMarkdown(row.label);
      lines.push(`| ${label} | ${STATE_MARK[row.state]} ${row.state} | ${row.answered} | ${row.placeholders} | ${row.missing} | ${row.counts.error} | ${row.counts.warning} | ${row.counts.info} |`);
    }
    lines.push('');
  }
  if (report.findings.length) {
    lines.push('#### Findings', '');
    for (const f of report.findings) {
      const docs = findingDocsUrl(f);
      const rule = docs ? `[\`${f.rule}\`](${docs})` : `\`${f.rule}\``;
      lines.push(`- ${SEVERITY_MARK[f.severity]} ${rule} line ${f.range.start.line + 1}: ${escapeMarkdown(f.message)}`);
    }
    lines.push('');
  }
  const waivers = designWaivers(report.design, today);
  if (waivers.length) {
    lines.push('#### Waivers', '', '| Rule | Target | Reason | Owner | Expires |', '|---|---|---|---|---|');
    for (const w of waivers) {
      const cell = (value: string | undefined): string => (value === undefined ? '—' : escapeMarkdown(value));
      const expiry = w.expires === undefined ? '—' : `${escapeMarkdown(w.expires)} (${waiverStateText(w)})`;
      const marked = w.state === 'expiring' || w.state === 'expired' ? `⚠️ ${expiry}` : expiry;
      lines.push(`| ${cell(w.rule)} | ${w.target === undefined ? 'whole file' : cell(w.target)} | ${cell(w.reason)} | ${cell(w.owner)} | ${marked} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * The summary's first lines count every design and finding, so it is written at the end;
 * meanwhile each design is kept as its rendered section only (not its findings, data or model).
 */
export function markdownWriter(options: { today: string }): ReportWriter {
  const total: Counts = { error: 0, warning: 0, info: 0 };
  const sections: string[] = [];
  return {
    file(report) {
      const counts = countBySeverity(report.findings);
      addCounts(total, counts);
      sections.push(fileSection(report, counts, options.today));
      return '';
    },
    end() {
      const head = [
        '## ML system design review',
        '',
        sections.length ? `${plural(sections.length, 'design')} reviewed: ${countsText(total)}.` : 'No design documents were reviewed.',
        '',
      ].join('\n');
      return `${[head, ...sections].join('\n')}\n`;
    },
  };
}

