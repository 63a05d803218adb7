/**
 * `notes` fields as Markdown: markdown-it with raw HTML off, images off (the panel's CSP
 * would block remote ones anyway), and links only to http, https and mailto; any other
 * link (javascript:, data:, command:, file:) stays as its text.
 */
import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(https?:|mailto:)/i;

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
md.disable(['image']);
md.validateLink = (url: string): boolean => SAFE_LINK.test(url.trim());

export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** Whether a link target may be followed from the panel. */
export function isSafeLink(url: string): boolean {
  return SAFE_LINK.test(url.trim());
}
