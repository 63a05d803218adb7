/**
 * The design snippets (snippets/mlsystem.json, VS Code's snippet format), read for the
 * completion provider, which offers them only in design documents. Host-free.
 */
export interface DesignSnippet {
  name: string;
  prefix: string;
  /** Snippet syntax, lines joined with `\n`. */
  body: string;
  description: string;
}

export function parseSnippetFile(json: unknown): DesignSnippet[] {
  if (json === null || typeof json !== 'object') return [];
  const out: DesignSnippet[] = [];
  for (const [name, raw] of Object.entries(json as Record<string, unknown>)) {
    const s = raw as { prefix?: unknown; body?: unknown; description?: unknown };
    const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
    const body = Array.isArray(s.body) ? s.body.join('\n') : typeof s.body === 'string' ? s.body : undefined;
    if (body === undefined) continue;
    for (const prefix of prefixes) {
      if (typeof prefix === 'string') out.push({ name, prefix, body, description: typeof s.description === 'string' ? s.description : name });
    }
  }
  return out;
}

/**
 * A snippet body as plain text: each placeholder becomes its default (a choice its first
 * option), tab stops vanish and `\t` becomes two spaces. Used for "New Design File".
 */
export function snippetToText(body: string): string {
  let i = 0;
  /** Placeholder defaults by number, so a later `${n}` or `$n` repeats the value, as the editor would. */
  const defaults = new Map<string, string>();
  const read = (stopAt: string | undefined): string => {
    let text = '';
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && i + 1 < body.length) {
        text += body[i + 1];
        i += 2;
      } else if (stopAt && c === stopAt) {
        return text;
      } else if (c === '$' && body[i + 1] === '{') {
        i += 2;
        const numberStart = i;
        while (i < body.length && /[0-9]/.test(body[i])) i++;
        const n = body.slice(numberStart, i);
        if (body[i] === ':') {
          i++;
          const value = read('}');
          i++;
          defaults.set(n, value);
          text += value;
        } else if (body[i] === '|') {
          i++;
          const value = read('|').split(',')[0];
          i += 2; // |}
          defaults.set(n, value);
          text += value;
        } else if (body[i] === '}') {
          i++;
          text += defaults.get(n) ?? '';
        }
      } else if (c === '$' && /[0-9]/.test(body[i + 1] ?? '')) {
        i++;
        const numberStart = i;
        while (i < body.length && /[0-9]/.test(body[i])) i++;
        text += defaults.get(body.slice(numberStart, i)) ?? '';
      } else {
        text += c === '\t' ? '  ' : c;
        i++;
      }
    }
    return text;
  };
  return read(undefined);
}
