// Code lenses on compose files: project actions at the top (Up, Down, Restart, Logs, Rendered Configuration)
// and service actions above each service (Up, Restart, Shell, Logs). Service lines come from a light
// indentation scan, so the lenses cost nothing heavy at activation.
import * as vscode from 'vscode';
import { ComposeCommands } from './composeCommandIds';
import { serviceLines } from './composeKeyLocator';

export const CODE_LENS_SETTING = 'dockside.compose.codeLens.enable';

class ComposeCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (document.uri.scheme !== 'file' || !vscode.workspace.getConfiguration('', document.uri).get<boolean>(CODE_LENS_SETTING, true)) return [];
    const { services, entries } = serviceLines(document.getText());
    if (!services) return [];
    const uri = document.uri.toString();
    const top = new vscode.Range(0, 0, 0, 0);
    const lens = (range: vscode.Range, title: string, command: string, args: object) => new vscode.CodeLens(range, { title, command, arguments: [{ uri, ...args }] });
    const lenses = [
      lens(top, vscode.l10n.t('$(play) Up'), ComposeCommands.up, { quick: true }),
      lens(top, vscode.l10n.t('Up…'), ComposeCommands.up, {}),
      lens(top, vscode.l10n.t('$(debug-stop) Down'), ComposeCommands.down, {}),
      lens(top, vscode.l10n.t('Restart'), ComposeCommands.restart, {}),
      lens(top, vscode.l10n.t('Logs'), ComposeCommands.logs, {}),
      lens(top, vscode.l10n.t('Rendered Configuration'), ComposeCommands.showConfig, {}),
    ];
    for (const entry of entries) {
      const range = new vscode.Range(entry.line, entry.character, entry.line, entry.character + entry.key.length);
      lenses.push(
        lens(range, vscode.l10n.t('$(play) Up {0}', entry.key), ComposeCommands.upService, { service: entry.key }),
        lens(range, vscode.l10n.t('Restart'), ComposeCommands.restartService, { service: entry.key }),
        lens(range, vscode.l10n.t('Shell'), ComposeCommands.openServiceShell, { service: entry.key }),
        lens(range, vscode.l10n.t('Logs'), ComposeCommands.followServiceLogs, { service: entry.key }),
      );
    }
    return lenses;
  }
}

export function registerComposeCodeLenses(): vscode.Disposable {
  const provider = new ComposeCodeLensProvider();
  return vscode.Disposable.from(
    vscode.languages.registerCodeLensProvider({ language: 'dockercompose' }, provider),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(CODE_LENS_SETTING)) provider.refresh();
    }),
  );
}
