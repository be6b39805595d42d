import * as vscode from 'vscode';
import type { ContainerSummary } from '../../models/container';
import { openLogsTerminal } from '../../terminals/logsLauncher';
import type { TerminalServices } from '../../terminals/terminalServices';

const PROJECT_LABEL = 'com.docker.compose.project';

/** The project named by a tree node: a project node, or any container of the project. */
function projectOf(node: unknown): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const n = node as { groupKind?: unknown; key?: unknown; project?: unknown; composeProject?: unknown; container?: { composeProject?: string } };
  if (n.groupKind === 'composeProject' && typeof n.key === 'string') return n.key;
  if (typeof n.project === 'string') return n.project;
  if (typeof n.composeProject === 'string') return n.composeProject;
  return n.container?.composeProject;
}

/** Follow Compose Logs: every container of a compose project in one terminal, lines prefixed with the name. */
export function followComposeLogs(terminals: TerminalServices): (node?: unknown) => Promise<void> {
  return async (node) => {
    const client = await terminals.session.client();
    let project = projectOf(node);
    if (!project) {
      const projects = [...new Set((await client.listContainers()).map((c) => c.composeProject).filter((p): p is string => !!p))].sort();
      if (projects.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No compose project has containers on this engine.'));
        return;
      }
      project = await vscode.window.showQuickPick(projects, { placeHolder: vscode.l10n.t('Follow the logs of which compose project?') });
      if (!project) throw new vscode.CancellationError();
    }
    const containers: ContainerSummary[] = (await client.listContainers({ label: [`${PROJECT_LABEL}=${project}`] })).sort((a, b) => a.name.localeCompare(b.name));
    if (containers.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The compose project {0} has no containers.', project));
      return;
    }
    openLogsTerminal(terminals, vscode.l10n.t('Logs: {0} (compose)', project), containers);
  };
}
