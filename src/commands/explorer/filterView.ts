// Filter (title bar of each explorer view): rows whose text contains the text typed; kept per workspace.
import * as vscode from 'vscode';
import type { Explorer, ExplorerViewId } from '../../tree/explorer';

/** Called with a string (a keybinding's args, a test), it filters by that text without asking. */
export function filterView(explorer: Explorer, viewId: ExplorerViewId): (text?: unknown) => Promise<void> {
  return async (given?: unknown) => {
    const filter = explorer.view(viewId).provider.filter;
    const text = typeof given === 'string' ? given : await vscode.window.showInputBox({
      title: vscode.l10n.t('Filter'),
      prompt: vscode.l10n.t('Show only rows containing this text (name, image, status, driver…). Empty shows all.'),
      value: filter.text,
      placeHolder: vscode.l10n.t('e.g. web, running, postgres'),
    });
    if (text === undefined) return;
    await filter.set(text);
  };
}
