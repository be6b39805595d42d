// The doctor's report as a page in VS Code's look: problems first, then information, then what passed.
// Every text is escaped; the page's script only posts which button was pressed.
import * as vscode from 'vscode';
import type { DoctorReport, Finding } from '../../doctor/index';
import { escapeHtml as escape, webviewPage } from '../webviewPage';
import { describeFinding, severityWord } from './findingTexts';

export function doctorHtml(webview: vscode.Webview, media: vscode.Uri, report: DoctorReport | undefined): string {
  return webviewPage(webview, { title: vscode.l10n.t('Docker Doctor'), media, stylesheet: 'doctor.css', script: 'doctor.js', body: () => body(report) });
}

function body(report: DoctorReport | undefined): string {
  const toolbar = `<div class="toolbar">
<button id="rerun" type="button">${escape(vscode.l10n.t('Run Again'))}</button>
<button id="logs" type="button" class="secondary">${escape(vscode.l10n.t('Show Engine Logs'))}</button>
</div>`;
  if (!report) return `<h1>${escape(vscode.l10n.t('Docker Doctor'))}</h1>${toolbar}<p class="summary">${escape(vscode.l10n.t('Checking the engine and this machine…'))}</p>`;
  const indexed = report.findings.map((f, i) => ({ f, i }));
  const problems = indexed.filter(({ f }) => f.severity === 'error' || f.severity === 'warning');
  const info = indexed.filter(({ f }) => f.severity === 'info');
  const passed = indexed.filter(({ f }) => f.severity === 'ok');
  const errors = problems.filter(({ f }) => f.severity === 'error').length;
  const warnings = problems.length - errors;
  const errorCount = errors === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', errors);
  const warningCount = warnings === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', warnings);
  const summary = problems.length
    ? vscode.l10n.t('{0}, {1} for {2} (checked in {3} ms).', errorCount, warningCount, report.endpoint ?? '', report.durationMs)
    : vscode.l10n.t('No problems found for {0} (checked in {1} ms).', report.endpoint ?? '', report.durationMs);
  const section = (heading: string, items: { f: Finding; i: number }[]) =>
    items.length ? `<h2>${escape(heading)}</h2>${items.map(({ f, i }) => findingHtml(f, i)).join('\n')}` : '';
  return `<h1>${escape(vscode.l10n.t('Docker Doctor'))}</h1>
${toolbar}
<p class="summary" id="summary">${escape(summary)}</p>
${section(vscode.l10n.t('Problems'), problems)}
${section(vscode.l10n.t('Information'), info)}
${passed.length ? `<h2>${escape(vscode.l10n.t('Passed'))}</h2><ul class="passed">${passed.map(({ f }) => `<li data-id="${f.id}">${escape(describeFinding(f).title)}</li>`).join('')}</ul>` : ''}`;
}

function findingHtml(f: Finding, index: number): string {
  const words = describeFinding(f);
  const line = (label: string, text: string | undefined) => (text ? `<p><span class="label">${escape(label)}</span> ${escape(text)}</p>` : '');
  const fixLabel = f.fix === 'prune' ? vscode.l10n.t('Prune…') : f.fix === 'startEngine' ? vscode.l10n.t('Start the Engine…') : undefined;
  return `<section class="finding ${f.severity}" data-id="${f.id}">
<h3><span class="badge">${escape(severityWord(f.severity))}</span> ${escape(words.title)}</h3>
${line(vscode.l10n.t('What it means:'), words.meaning)}
${line(vscode.l10n.t('Why it matters:'), words.why)}
${line(vscode.l10n.t('Fix:'), words.fix)}
${f.command ? `<div class="command"><code>${escape(f.command)}</code><button type="button" class="secondary" data-copy="${index}">${escape(vscode.l10n.t('Copy'))}</button></div>` : ''}
${fixLabel ? `<button type="button" data-fix="${index}">${escape(fixLabel)}</button>` : ''}
</section>`;
}
