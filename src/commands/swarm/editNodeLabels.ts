// `docker node update --label-add` / `--label-rm`: labels placement constraints match (`node.labels.zone==a`).
import * as vscode from 'vscode';
import { askText } from '../../manage/prompts';
import { engineAndClient, nodeArgument, type SwarmCommandServices } from './swarmCommandServices';

const KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export function addNodeLabel(services: SwarmCommandServices) {
  return async (node?: unknown): Promise<void> => {
    const target = await nodeArgument(services, node, vscode.l10n.t('Choose a node'));
    const text = await askText(vscode.l10n.t('Add a label to {0}', target.hostname), vscode.l10n.t('Label as key=value'), '', (v) => {
      const eq = v.indexOf('=');
      return eq > 0 && KEY.test(v.slice(0, eq).trim()) ? undefined : vscode.l10n.t('Write the label as key=value; the key starts with a letter or digit.');
    });
    const eq = text.indexOf('=');
    const [engine, client] = await engineAndClient(services);
    await engine.setNodeLabel(client, target.id, text.slice(0, eq).trim(), text.slice(eq + 1).trim());
  };
}

export function removeNodeLabel(services: SwarmCommandServices) {
  return async (node?: unknown): Promise<void> => {
    const target = await nodeArgument(services, node, vscode.l10n.t('Choose a node'));
    const keys = Object.keys(target.labels).sort();
    if (keys.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no labels.', target.hostname));
      return;
    }
    const key = await vscode.window.showQuickPick(keys.map((k) => ({ label: k, description: target.labels[k] })), { placeHolder: vscode.l10n.t('Remove which label of {0}?', target.hostname), ignoreFocusOut: true });
    if (!key) throw new vscode.CancellationError();
    const [engine, client] = await engineAndClient(services);
    await engine.setNodeLabel(client, target.id, key.label, undefined);
  };
}
