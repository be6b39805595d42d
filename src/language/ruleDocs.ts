// A rule's own documentation, rendered: the Problems panel's rule links point at the section of
// docs/rules/<lang>/<page>.md that explains the rule. VS Code would open that file as raw Markdown at line 1,
// so the client rewrites those links to a command that shows only the rule's section, rendered by VS Code's
// Markdown renderer (markdown.api.render, the one its preview uses), in the display language.
import * as fs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { escapeHtml } from '../webview/webviewPage';

export const SHOW_RULE_DOCS = 'dockside.dockerfile.showRuleDocs';

interface RuleDocsLink {
  readonly page: string;
  readonly language: string;
  readonly id: string;
}

/** `file:///…/docs/rules/<lang>/<page>.md#<id>` → its parts; undefined for any other link. */
export function parseRuleDocsLink(target: vscode.Uri): RuleDocsLink | undefined {
  const match = /\/docs\/rules\/([\w-]+)\/(\w+)\.md$/.exec(target.path);
  return match && target.fragment ? { language: match[1], page: match[2], id: target.fragment } : undefined;
}

/** The command link the Problems panel opens instead of the raw file. */
export function ruleDocsCommandUri(link: RuleDocsLink): vscode.Uri {
  return vscode.Uri.parse(`command:${SHOW_RULE_DOCS}?${encodeURIComponent(JSON.stringify([link]))}`);
}

/** Rewrites the rule links of diagnostics (their `code.target`) to the rendered-section command. */
export function withRenderedRuleLinks(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.map((d) => {
    const code = d.code;
    if (typeof code !== 'object' || !code.target) return d;
    const link = parseRuleDocsLink(code.target);
    if (link) d.code = { value: code.value, target: ruleDocsCommandUri(link) };
    return d;
  });
}

/** The `## <id>` section of a rules page, heading included, up to the next `## `. */
export function ruleSection(markdown: string, id: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((l) => /^##\s/.test(l) && l.slice(2).trim().toLowerCase() === id.toLowerCase());
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && /^##?\s/.test(l));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

const panels = new Map<string, vscode.WebviewPanel>();

export function registerRuleDocs(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_RULE_DOCS, async (link: RuleDocsLink) => {
    // The display language's page when there is one: a link made for another language still opens in ours.
    const language = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
    const read = (lang: string) => fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', lang, `${link.page}.md`).fsPath, 'utf8');
    const section = ruleSection(await read(language).catch(() => read(link.language)), link.id)
      ?? ruleSection(await read(link.language), link.id);
    if (!section) throw new Error(vscode.l10n.t('No documentation for {0}.', link.id));
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', section);
    const title = vscode.l10n.t('Rule {0}', section.split('\n')[0].replace(/^##\s*/, ''));
    let panel = panels.get(link.page);
    if (!panel) {
      panel = vscode.window.createWebviewPanel('dockside.ruleDocs', title, vscode.ViewColumn.Beside, { enableScripts: false });
      panels.set(link.page, panel);
      panel.onDidDispose(() => panels.delete(link.page));
    }
    panel.title = title;
    panel.webview.html = page(title, html, language);
    panel.reveal(undefined, true);
  });
}

function page(title: string, body: string, language: string): string {
  const nonce = randomBytes(16).toString('hex');
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}';">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); line-height: 1.5; max-width: 50em; padding: 0 1.5em; }
code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 .2em; border-radius: 3px; }
a { color: var(--vscode-textLink-foreground); }
</style>
</head>
<body>
${body}
</body>
</html>`;
}
