// A QuickPick with everything known about the current engine, and the actions that help when it is down.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { CommandServices } from './commandWrapper';

interface Action extends vscode.QuickPickItem {
  readonly command?: string;
}

export function showEngineDetails(services: CommandServices): () => Promise<void> {
  return async () => {
    const items = await detailItems(services);
    const picked = await vscode.window.showQuickPick<Action>(items, {
      title: vscode.l10n.t('Docker Engine'),
      placeHolder: vscode.l10n.t('Details of the engine Dockside talks to'),
    });
    if (picked?.command) await vscode.commands.executeCommand(picked.command);
  };
}

async function detailItems({ session }: CommandServices): Promise<Action[]> {
  const state = session.state;
  const items: Action[] = [];
  const detail = (label: string, value: string | undefined) => {
    if (value) items.push({ label: value, description: label });
  };
  detail(vscode.l10n.t('Engine'), state.endpoint?.label);
  detail(vscode.l10n.t('Address'), state.endpoint?.host);
  detail(vscode.l10n.t('Chosen by'), state.endpoint ? sourceLabel(state.endpoint.source) : undefined);
  if (state.kind === 'connected') {
    detail(vscode.l10n.t('Server version'), state.version.version);
    detail(vscode.l10n.t('API version'), state.version.apiVersion);
    detail(vscode.l10n.t('Platform'), `${state.version.os}/${state.version.arch}`);
    try {
      const info = await (await session.client()).info();
      detail(vscode.l10n.t('Operating system'), info.operatingSystem);
      detail(vscode.l10n.t('Containers'), vscode.l10n.t('{0} running, {1} paused, {2} stopped', info.containersRunning, info.containersPaused, info.containersStopped));
      detail(vscode.l10n.t('Images'), String(info.images));
    } catch {
      // Details are a bonus; the version above already proves the engine answers.
    }
  } else if (state.kind === 'failed') {
    items.push({ label: `$(warning) ${state.sentence}` });
  }
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  items.push({ label: `$(refresh) ${vscode.l10n.t('Retry')}`, command: Commands.retryEngine });
  items.push({ label: `$(gear) ${vscode.l10n.t('Open Settings')}`, command: Commands.openEngineSettings });
  items.push({ label: `$(output) ${vscode.l10n.t('Show Log')}`, command: Commands.showLog });
  return items;
}

function sourceLabel(source: string): string {
  switch (source) {
    case 'setting': return vscode.l10n.t('the dockside.engine.host setting');
    case 'settingContext': return vscode.l10n.t('the dockside.engine.context setting');
    case 'DOCKER_HOST': return 'DOCKER_HOST';
    case 'DOCKER_CONTEXT': return 'DOCKER_CONTEXT';
    case 'currentContext': return vscode.l10n.t('the current docker context');
    case 'workspace': return vscode.l10n.t('your choice for this workspace (Engines view)');
    default: return vscode.l10n.t('the default socket');
  }
}
