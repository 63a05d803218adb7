/**
 * The user documentation stays true to the product: a page per rule with its real default
 * severity, YAML examples that parse, and links that lead somewhere.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parseDocument } from 'yaml';
import { isWaivable, review, RULE_IDS, RULES_BY_ID } from '../../src/engine';

const root = join(__dirname, '..', '..');
const rulesDir = join(root, 'docs', 'rules');
const markdown = new MarkdownIt();

type Token = ReturnType<MarkdownIt['parse']>[number];

/** The user-facing pages this project writes (docs/cli.md and docs/testing.md have their own owners). */
const pages = [
  'README.md',
  'docs/format.md',
  'docs/configuration.md',
  'docs/limits.md',
  ...readdirSync(rulesDir).filter((f) => f.endsWith('.md')).map((f) => `docs/rules/${f}`),
];

function tokens(page: string): Token[] {
  return markdown.parse(readFileSync(join(root, page), 'utf8'), {});
}

function fences(page: string, lang: string): string[] {
  return tokens(page).filter((t) => t.type === 'fence' && t.info.trim() === lang).map((t) => t.content);
}

function links(page: string): string[] {
  const found: string[] = [];
  for (const t of tokens(page)) {
    for (const child of t.children ?? []) {
      if (child.type === 'link_open') found.push(child.attrGet('href') ?? '');
      if (child.type === 'image') found.push(child.attrGet('src') ?? '');
    }
  }
  return found;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchors(page: string): Set<string> {
  const all = tokens(page);
  const slugs = new Set<string>();
  all.forEach((t, i) => {
    if (t.type !== 'heading_open') return;
    const text = (all[i + 1].children ?? []).map((c) => c.content).join('');
    slugs.add(text.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').trim().replace(/\s/g, '-'));
  });
  return slugs;
}

describe('rule documentation', () => {
  it('has exactly one page per rule', () => {
    const files = readdirSync(rulesDir).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
    assert.deepEqual(files, [...RULE_IDS].sort());
  });

  for (const id of RULE_IDS) {
    describe(id, () => {
      const page = `docs/rules/${id}.md`;
      const text = existsSync(join(root, page)) ? readFileSync(join(root, page), 'utf8') : '';

      it('is titled with the rule id', () => {
        assert.match(text.split('\n')[0], new RegExp(`^# \`${id}\``));
      });

      it(`names the default severity the engine uses (${RULES_BY_ID[id].severity})`, () => {
        const stated = /^\*\*Default severity:\*\* (\w+)$/m.exec(text)?.[1];
        assert.equal(stated, RULES_BY_ID[id].severity);
      });

      it('explains the check, why it matters, an example, the quick fix and how to waive or configure it', () => {
        const headings = tokens(page).filter((t) => t.type === 'inline' && /^#+ /.test(text.split('\n')[t.map?.[0] ?? 0])).map((t) => t.content);
        for (const h of ['What it checks', 'Why it matters', 'Example', 'Quick fix', 'Waive or configure']) {
          assert.ok(headings.includes(h), `missing section "${h}"`);
        }
        assert.ok(text.includes(`"${id}"`), 'shows how to configure this rule by its id');
      });

      it('shows a bad example that gets this finding and a good one that does not', () => {
        const all = tokens(page);
        const start = all.findIndex((t) => t.type === 'inline' && t.content === 'Example');
        const end = all.findIndex((t, i) => i > start && t.type === 'heading_open' && t.tag === 'h2');
        // yaml-syntax's bad example cannot be YAML: it is shown as text.
        const [bad, good] = all.slice(start, end).filter((t) => t.type === 'fence' && ['yaml', 'text'].includes(t.info.trim()));
        assert.ok(bad && good, 'two example blocks');
        const rulesIn = (yamlText: string): string[] => review(yamlText, { today: '2026-11-26' }).findings.map((f) => f.rule);
        assert.ok(rulesIn(bad.content).includes(id), `the bad example gets no ${id} finding: ${rulesIn(bad.content).join(', ')}`);
        assert.ok(!rulesIn(good.content).includes(id), `the good example gets a ${id} finding`);
      });

      if (isWaivable({ rule: id, path: [] })) {
        it('shows a waiver that silences the bad example\'s finding', () => {
          const all = tokens(page);
          const example = all.findIndex((t) => t.type === 'inline' && t.content === 'Example');
          const bad = all.slice(example).find((t) => t.type === 'fence')?.content ?? '';
          const section = all.findIndex((t) => t.type === 'inline' && t.content === 'Waive or configure');
          const waiver = all.slice(section).find((t) => t.type === 'fence' && t.info.trim() === 'yaml')?.content ?? '';
          const before = review(bad, { today: '2026-11-26' });
          const after = review(bad + waiver, { today: '2026-11-26' });
          const count = (r: typeof before): number => r.findings.filter((f) => f.rule === id).length;
          assert.ok(count(after) < count(before), `${count(before)} ${id} findings before the waiver, ${count(after)} after`);
          assert.ok(after.waived.some((f) => f.rule === id));
          assert.deepEqual(after.findings.filter((f) => f.path[0] === 'waivers').map((f) => f.message), []);
        });
      }
    });
  }
});

describe('YAML examples in the docs', () => {
  for (const page of pages) {
    const blocks = fences(page, 'yaml');
    if (!blocks.length) continue;
    it(`${page}: every yaml block parses`, () => {
      for (const block of blocks) {
        const doc = parseDocument(block);
        assert.deepEqual(doc.errors.map((e) => e.message), [], block);
      }
    });
  }

  it('waiver examples in the rule pages waive their own rule, with a valid reason', () => {
    for (const id of RULE_IDS) {
      const all = tokens(`docs/rules/${id}.md`);
      const section = all.findIndex((t) => t.type === 'inline' && t.content === 'Waive or configure');
      for (const fence of all.slice(section).filter((t) => t.type === 'fence' && t.info.trim() === 'yaml')) {
        const data = parseDocument(fence.content).toJS() as { waivers?: { rule?: string; reason?: string }[] } | null;
        assert.ok(data?.waivers?.length, `docs/rules/${id}.md: the waiver example has no waivers`);
        for (const w of data.waivers) {
          assert.equal(w.rule, id, `docs/rules/${id}.md waives ${w.rule}`);
          assert.ok(['out-of-scope', 'business-priorities', 'architecture-constraints', 'other'].includes(w.reason ?? ''), `reason ${w.reason}`);
        }
      }
    }
  });

  it('the JSON examples are valid configuration', () => {
    for (const page of pages) {
      for (const block of fences(page, 'json')) {
        assert.doesNotThrow(() => JSON.parse(block), `${page}: ${block}`);
      }
    }
  });
});

describe('links', () => {
  for (const page of pages) {
    it(`${page}: relative links point to files and headings that exist`, () => {
      const broken: string[] = [];
      for (const href of links(page)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue; // http:, https:, mailto:
        const [path, anchor] = href.split('#');
        const target = path ? resolve(dirname(join(root, page)), decodeURIComponent(path)) : join(root, page);
        if (!existsSync(target)) {
          broken.push(`${href} (no file ${relative(root, target)})`);
        } else if (anchor && target.endsWith('.md') && !anchors(relative(root, target)).has(anchor)) {
          broken.push(`${href} (no heading #${anchor})`);
        }
      }
      assert.deepEqual(broken, []);
    });
  }
});

describe('README', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');

  it('lists every rule with its default severity and links its page', () => {
    for (const id of RULE_IDS) {
      const row = readme.split('\n').find((line) => line.startsWith(`| [\`${id}\`](docs/rules/${id}.md) |`));
      assert.ok(row, `no row for ${id}`);
      assert.equal(row.split('|')[2].trim(), RULES_BY_ID[id].severity, id);
    }
  });

  it('gives the two commands exactly', () => {
    assert.ok(fences('README.md', 'sh').some((b) => b.trim() === 'npm ci && npm test'));
    assert.ok(fences('README.md', 'sh').some((b) => b.trim() === 'npx mlsystem-review examples/'));
  });

  it('states the limits the engine enforces', async () => {
    const { LIMITS } = await import('../../src/engine');
    assert.equal(LIMITS.maxLength, 4 * 1024 * 1024);
    assert.match(readme, /4 MiB/);
    assert.match(readme, new RegExp(`${LIMITS.maxAliasCount} alias expansions`));
    assert.match(readme, new RegExp(`deeper than ${LIMITS.maxDepth}\\s+levels`));
  });
});
