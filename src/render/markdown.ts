/**
 * `notes` fields as Markdown: markdown-it with raw HTML off, links only to http, https and
 * mailto (any other link, javascript:, data:, command:, file:, stays as its text), and
 * images as links to them (the panel's CSP would block remote images anyway).
 */
import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(https?:|mailto:)/i;

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
md.validateLink = (url: string): boolean => SAFE_LINK.test(url.trim());
md.renderer.rules.image = (tokens, idx, options, _env, self) => {
  const token = tokens[idx];
  const alt = self.renderInlineAsText(token.children ?? [], options, _env) || 'image';
  return `<a href="${md.utils.escapeHtml(token.attrGet('src') ?? '')}">${md.utils.escapeHtml(alt)}</a>`;
};

export function renderMarkdown(source: string): string {
  return md.render(source);
}
