// The status-bar item: which engine, its version, or that none answers. A click opens the details.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { EngineSession } from '../session/engineSession';
import type { EngineState } from '../session/engineState';

export function createEngineStatusItem(session: EngineSession): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('dockside.engine', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Docker Engine');
  // The status bar names the primary engine: its details, even while several engines are shown.
  item.command = { command: Commands.showEngineDetails, title: '', arguments: [{ engineId: session.id }] };
  const render = (state: EngineState) => {
    const label = state.endpoint?.label ?? vscode.l10n.t('Docker');
    switch (state.kind) {
      case 'connecting':
        item.text = `$(loading~spin) ${label}`;
        item.tooltip = vscode.l10n.t('Connecting to the Docker engine at {0}…', state.endpoint?.host ?? label);
        item.backgroundColor = undefined;
        item.accessibilityInformation = { label: vscode.l10n.t('Docker engine {0}: connecting', label) };
        break;
      case 'connected':
        item.text = `$(vm-active) ${label} ${state.version.version}`;
        item.tooltip = vscode.l10n.t('Docker {0} (API {1}) at {2}. Click for details.', state.version.version, state.version.apiVersion, state.endpoint.host);
        item.backgroundColor = undefined;
        // Without a label of our own, screen readers read the icon's name first ("vm-active").
        item.accessibilityInformation = { label: vscode.l10n.t('Docker engine {0}, version {1}: connected', label, state.version.version) };
        break;
      case 'failed':
        if (state.code === 'untrusted') {
          item.text = `$(shield) ${vscode.l10n.t('{0}: Restricted Mode', label)}`;
          item.tooltip = state.sentence;
          item.backgroundColor = undefined;
          break;
        }
        item.text = `$(vm-outline) ${vscode.l10n.t('{0}: no engine', label)}`;
        item.tooltip = `${state.sentence}\n\n${vscode.l10n.t('Click for details and to retry.')}`;
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        item.accessibilityInformation = { label: vscode.l10n.t('Docker engine {0}: no engine answers', label) };
        break;
    }
    item.show();
  };
  render(session.state);
  const subscription = session.onDidChangeState(render);
  return vscode.Disposable.from(item, subscription);
}
