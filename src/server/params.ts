/**
 * Checks of request parameters the client sent: a malformed request is answered with an
 * InvalidParams error naming what is wrong, never with a crash or a stack trace.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { Position, Range } from '../engine';

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

const isIndex = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

export function documentUri(params: unknown): string {
  const uri = record(record(params)?.textDocument)?.uri;
  if (typeof uri !== 'string' || !uri) throw invalid('textDocument.uri must be a string');
  return uri;
}

export function position(value: unknown, name = 'position'): Position {
  const p = record(value);
  if (!p || !isIndex(p.line) || !isIndex(p.character)) throw invalid(`${name} must have a line and a character, both whole numbers from 0`);
  return { line: p.line, character: p.character };
}

export function range(value: unknown, name = 'range'): Range {
  const r = record(value);
  return { start: position(r?.start, `${name}.start`), end: position(r?.end, `${name}.end`) };
}

/** `context.diagnostics` and `context.only` of a code action request. */
export function codeActionContext(params: unknown): { diagnostics: { range: Range; message: string; code: unknown; source: unknown; raw: unknown }[]; only: string[] | undefined } {
  const context = record(record(params)?.context);
  if (!context) throw invalid('context must be an object');
  const list = context.diagnostics ?? [];
  if (!Array.isArray(list)) throw invalid('context.diagnostics must be a list');
  const diagnostics = list.map((d, i) => {
    const r = record(d);
    if (!r || typeof r.message !== 'string') throw invalid(`context.diagnostics[${i}] must be a diagnostic`);
    return { range: range(r.range, `context.diagnostics[${i}].range`), message: r.message, code: r.code, source: r.source, raw: d };
  });
  const only = context.only;
  if (only !== undefined && only !== null && (!Array.isArray(only) || only.some((k) => typeof k !== 'string'))) throw invalid('context.only must be a list of kinds');
  return { diagnostics, only: Array.isArray(only) ? (only as string[]) : undefined };
}
