// The frame every Dockside webview page shares: a strict CSP (our own stylesheet, our own scripts with a
// nonce, nothing remote), the display language, the shared page style (media/webview/page.css), and the
// page's own stylesheet and script from media/.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export interface WebviewPageParts {
  readonly title: string;
  /** Folder of the page's files under media/. */
  readonly media: vscode.Uri;
  readonly stylesheet: string;
  readonly script: string;
  /** The body's markup; inline data scripts must carry the nonce to run. */
  readonly body: (nonce: string) => string;
}

export function webviewPage(webview: vscode.Webview, parts: WebviewPageParts): string {
  const nonce = randomBytes(16).toString('hex');
  const base = webview.asWebviewUri(vscode.Uri.joinPath(sharedMedia(parts.media), 'page.css'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(parts.media, parts.stylesheet));
  const script = webview.asWebviewUri(vscode.Uri.joinPath(parts.media, parts.script));
  const csp = `default-src 'none'; img-src ${webview.cspSource}; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${base}">
<link rel="stylesheet" href="${style}">
<title>${escapeHtml(parts.title)}</title>
</head>
<body>
${parts.body(nonce)}
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

/** media/webview/, beside a page's own folder under media/: what every page loads. */
export function sharedMedia(pageMedia: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(pageMedia, '..', 'webview');
}

/** The folders a page's webview may load from: its own and the shared one. */
export function pageResourceRoots(pageMedia: vscode.Uri): vscode.Uri[] {
  return [pageMedia, sharedMedia(pageMedia)];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
