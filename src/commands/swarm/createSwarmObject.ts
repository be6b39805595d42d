// `docker secret create` / `docker config create`, from text typed in a password box or from a file. The
// value goes to the engine in the request body only: never echoed, logged, or put in an error.
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { askText } from '../../manage/prompts';
import { engineAndClient, type ObjectKind, type SwarmCommandServices } from './swarmCommandServices';

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

export function createSwarmObject(services: SwarmCommandServices, kind: ObjectKind) {
  return async (): Promise<string> => {
    const title = kind === 'secret' ? vscode.l10n.t('Create Secret') : vscode.l10n.t('Create Config');
    const name = (await askText(title, kind === 'secret' ? vscode.l10n.t('Secret name') : vscode.l10n.t('Config name'), '', (v) => (NAME.test(v.trim()) ? undefined : vscode.l10n.t('Letters, digits, "_", "." and "-", starting with a letter or digit.')))).trim();
    const fromText = vscode.l10n.t('Type the value');
    const fromFile = vscode.l10n.t('Read it from a file');
    const source = await vscode.window.showQuickPick([fromText, fromFile], { title, placeHolder: vscode.l10n.t('Where does the value come from?'), ignoreFocusOut: true });
    if (!source) throw new vscode.CancellationError();
    let data: Buffer;
    if (source === fromFile) {
      const [file] = (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t('Use this file') })) ?? [];
      if (!file) throw new vscode.CancellationError();
      data = await fs.readFile(file.fsPath);
    } else {
      const value = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Value (the engine stores it; Dockside never shows it again)'), password: kind === 'secret', ignoreFocusOut: true, validateInput: (v) => (v ? undefined : vscode.l10n.t('A value is needed.')) });
      if (value === undefined) throw new vscode.CancellationError();
      data = Buffer.from(value, 'utf8');
    }
    const [engine, client] = await engineAndClient(services);
    return engine.createSwarmObject(client, kind, name, data);
  };
}
