// Quick fixes: the rule engine's own fixes (carried on each diagnostic) and the language service's fixes for
// dockerfile-utils problems, resolved to edits right away so the client needs no extra command round trip.
import * as l10n from '@vscode/l10n';
import type { DockerfileLanguageService } from 'dockerfile-language-service';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { DiagnosticData } from './diagnostics';

export function computeCodeActions(
  service: DockerfileLanguageService,
  uri: string,
  content: string,
  range: Range,
  diagnostics: readonly Diagnostic[],
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const data = (diagnostic.data ?? {}) as DiagnosticData;
    for (const fix of data.fixes ?? []) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: { changes: { [uri]: fix.edits } },
      });
    }
    for (const utils of data.utilsFixes ?? []) {
      // The service recognises its problems by their numeric dockerfile-utils code and their own range.
      const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
      const original = { ...diagnostic, message, code: utils.code, range: utils.range };
      for (const command of service.computeCodeActions({ uri }, range, { diagnostics: [original] })) {
        const edits = service.computeCommandEdits(content, command.command, command.arguments ?? []);
        if (edits.length === 0) continue;
        actions.push({
          title: translatedTitle(command.title),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [uri]: edits } },
        });
      }
    }
  }
  return actions;
}

/** The language service's fix titles, listed so the l10n export finds them. */
function translatedTitle(title: string): string {
  switch (title) {
    case 'Convert directive to lowercase': return l10n.t('Convert directive to lowercase');
    case 'Convert instruction to uppercase': return l10n.t('Convert instruction to uppercase');
    case 'Remove extra argument': return l10n.t('Remove extra argument');
    case 'Convert to backslash': return l10n.t('Convert to backslash');
    case 'Convert to backtick': return l10n.t('Convert to backtick');
    case 'Convert to AS': return l10n.t('Convert to AS');
    case 'Remove empty continuation line': return l10n.t('Remove empty continuation line');
    case 'Remove empty continuation lines': return l10n.t('Remove empty continuation lines');
    default:
      // "Convert to --chown" and its siblings name a flag, which needs no translation.
      return title.startsWith('Convert to --') ? l10n.t('Convert to {0}', title.slice('Convert to '.length)) : title;
  }
}
