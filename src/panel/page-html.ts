/**
 * The panel page's HTML shell. Pure (no `vscode`), so the Chromium tests load exactly what
 * the panel loads. The script draws everything from the state in `data-state` (escaped,
 * never an inline script); the CSP allows only our own styles, fonts and the one nonce'd
 * script file.
 */
import { escapeMarkup as esc } from '../render/escape';
import { pageTitle } from '../protocol/panel-messages';
import type { PageStrings, PanelState } from '../protocol/panel-messages';
import { legendMarkup } from '../render/sections-html';

export interface PanelHtmlOptions {
  /** `webview.cspSource`: the origin our own resources are served from. */
  cspSource: string;
  /** A fresh random nonce for each page load. */
  nonce: string;
  /** The page script (dist/webview/panel.js) as a webview uri. */
  scriptUri: string;
  /** Stylesheets (codicons, then the panel's), as webview uris. */
  styleUris: string[];
  state: PanelState;
  /** The page's words, in the display language. */
  strings: PageStrings;
  /** The display language (`vscode.env.language`), for the page's `lang`. */
  language: string;
}

function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export function renderPanelHtml(options: PanelHtmlOptions): string {
  const { state, strings } = options;
  return `<!DOCTYPE html>
<html lang="${esc(options.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy(options.cspSource, options.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${options.styleUris.map((href) => `<link rel="stylesheet" href="${esc(href)}">`).join('\n')}
<title>${esc(pageTitle(strings, state.fileName))}</title>
</head>
<body data-state="${esc(JSON.stringify(state))}" data-strings="${esc(JSON.stringify(strings))}">
<header class="toolbar">
  <div class="title"><h1 id="design-name"></h1><span id="file-name" class="file-name"></span></div>
  <div id="counts" class="counts" role="status" aria-live="polite"></div>
  <div class="actions">
    <button type="button" id="export" class="action" title="${esc(strings.exportTooltip)}"><span class="codicon codicon-export" aria-hidden="true"></span><span class="action-label">${esc(strings.exportLabel)}</span></button>
    <button type="button" id="export-report" class="action" title="${esc(strings.reportTooltip)}"><span class="codicon codicon-report" aria-hidden="true"></span><span class="action-label">${esc(strings.reportLabel)}</span></button>
    <button type="button" id="lock" class="action" aria-pressed="false" title="${esc(strings.lockTooltip)}"><span class="codicon codicon-unlock" aria-hidden="true"></span><span class="action-label">${esc(strings.followLabel)}</span></button>
  </div>
</header>
<main class="layout">
  <figure id="diagram" class="diagram"><div id="cycle"></div>${legendMarkup()}</figure>
  <div id="sections" class="sections"></div>
</main>
<script nonce="${esc(options.nonce)}" src="${esc(options.scriptUri)}"></script>
</body>
</html>
`;
}
