/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it. Regions are one-based
 * (SARIF's default columnKind, UTF-16 code units, matches the engine's characters); file
 * URIs are relative to %SRCROOT%, the folder the review ran in.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, ruleDocsUrl } from '../../engine';
import type { Check, Rule, Severity } from '../../engine';
import { RULE_HELP } from '../generated/rule-help';
import { JsonArrayWriter } from '../report';
import type { ReportWriter } from '../report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/mlsystem-review/mlsystem-review';
/** The fingerprint's name carries a version: changing how it is computed means a new name. */
export const FINGERPRINT_KEY = 'mlsystemReviewTarget/v1';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A docs page with its relative links made absolute, so they work inside GitHub's alert view. */
export function helpMarkdown(markdown: string, pageUrl: string): string {
  return markdown.replace(/\]\(([^)\s]+)\)/g, (whole, href: string) => (/^[a-z][a-z0-9+.-]*:/i.test(href) ? whole : `](${new URL(href, pageUrl).href})`));
}

function driverRule(rule: Rule): object {
  const url = ruleDocsUrl(rule.id);
  const docs = RULE_HELP[rule.id];
  return {
    id: rule.id,
    shortDescription: { text: rule.summary },
    fullDescription: { text: `${rule.summary} Default severity: ${rule.severity}.` },
    helpUri: url,
    help: {
      text: `${rule.summary}\n\nDocumentation: ${url}`,
      markdown: docs ? helpMarkdown(docs, url) : `${rule.summary}\n\nSee the documentation of [\`${rule.id}\`](${url}): why it matters, an example, and how to fix or waive it.`,
    },
    defaultConfiguration: { level: LEVEL[rule.severity] },
  };
}

/** A team's check as a SARIF rule: its message as the description, its docs as the help URI. */
function checkRule(check: Check): object {
  const summary = check.message ?? `The team's check \`${check.id}\` (from the review configuration).`;
  return {
    id: check.id,
    shortDescription: { text: summary },
    fullDescription: { text: `${summary} Default severity: ${check.severity}.` },
    ...(check.docs ? { helpUri: check.docs } : {}),
    help: {
      text: check.docs ? `${summary}\n\nDocumentation: ${check.docs}` : summary,
      markdown: check.docs ? `${summary}\n\nSee [the team's documentation](${check.docs}).` : summary,
    },
    defaultConfiguration: { level: LEVEL[check.severity] },
  };
}

/** A URI for the artifact: relative to %SRCROOT% when inside it, else an absolute file URI. */
export function artifactLocation(absolute: string, root: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(root, absolute);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(absolute).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function fingerprint(rule: string, target: string, occurrence: number): string {
  return createHash('sha256').update(`${rule}\0${target}\0${occurrence}`).digest('hex');
}

/** Stands for the results in the log written around them; a string no log holds otherwise. */
const RESULTS_PLACE = '\u0000results';

/**
 * The log's text before and after its results: the log written with a placeholder for
 * them, split there. The results are the last field of the one run, itself the last field.
 */
function logAround(options: { version: string; root: string }, checks: readonly Check[]): { before: string; after: string } {
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'mlsystem-review',
          version: options.version,
          semanticVersion: options.version,
          informationUri: INFORMATION_URI,
          rules: [...RULES.map(driverRule), ...checks.map(checkRule)],
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(options.root + path.sep).href } },
      results: RESULTS_PLACE,
    }],
  };
  const text = JSON.stringify(log, null, 2);
  const place = text.lastIndexOf(JSON.stringify(RESULTS_PLACE));
  return { before: text.slice(0, place), after: `${text.slice(place + JSON.stringify(RESULTS_PLACE).length)}\n` };
}

/** The team's checks are those of every design reviewed, known before the first file (SARIF lists its rules first). */
export function sarifWriter(options: { version: string; root: string; checks?: readonly Check[] }): ReportWriter {
  const checks = options.checks ?? [];
  const ruleIndex = new Map<string, number>([...RULES.map((r) => r.id), ...checks.map((c) => c.id)].map((id, i) => [id, i]));
  const { before, after } = logAround(options, checks);
  // runs[0].results sits three levels deep.
  const results = new JsonArrayWriter(2, 3);
  let started = false;
  const start = (): string => (started ? '' : ((started = true), before));
  return {
    file(report) {
      const location = artifactLocation(report.absolute, options.root);
      // Keyed by what the finding is about (its target), not its line, so GitHub keeps
      // tracking an alert when lines above it move; repeats get an occurrence number.
      const occurrences = new Map<string, number>();
      let out = start();
      for (const f of report.findings) {
        const key = `${f.rule}\0${f.target}`;
        const occurrence = occurrences.get(key) ?? 0;
        occurrences.set(key, occurrence + 1);
        out += results.item({
          ruleId: f.rule,
          ruleIndex: ruleIndex.get(f.rule),
          level: LEVEL[f.severity],
          message: { text: f.message },
          properties: { help: f.help },
          locations: [{
            physicalLocation: {
              artifactLocation: location,
              region: {
                startLine: f.range.start.line + 1,
                startColumn: f.range.start.character + 1,
                endLine: f.range.end.line + 1,
                endColumn: f.range.end.character + 1,
              },
            },
          }],
          partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(f.rule, f.target, occurrence) },
        });
      }
      return out;
    },
    end: () => `${start()}${results.end()}${after}`,
  };
}

