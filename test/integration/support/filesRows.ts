// The Files rows of a container in the Containers view, as the page shows them: used by the files suite and
// the workspace-folder suite (which opens a folder from its row's menu).
import * as vscode from 'vscode';
import { VIEW_CONTAINER } from './managePrompts';
import { uiBridge } from './uiBridge';
import { waitFor } from './waitFor';

export const containerRows = (): Promise<string[]> => uiBridge.viewRows(VIEW_CONTAINER, 'Containers');

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Waits for a row of the Containers view matching `pattern`; the error lists the rows seen. */
export async function containerRowMatching(what: string, pattern: RegExp): Promise<string> {
  let seen: string[] = [];
  return waitFor(what, async () => (seen = await containerRows()).find((r) => pattern.test(r))).catch((error: Error) => {
    throw new Error(`${error.message}; rows: ${seen.join(' | ')}`);
  });
}

/** Expands a container's row and its Files row in the page, then `folder`, and returns the rows then shown. */
export async function expandFiles(name: string, folder: string, expect: RegExp): Promise<string[]> {
  // Only this container's rows: the view shows a few lines, and other containers would push ours out.
  await vscode.commands.executeCommand('dockside.containers.filter', name);
  await vscode.commands.executeCommand('dockside.containers.refresh');
  await containerRowMatching(`the row of ${name}`, new RegExp(escapeRegExp(name)));
  await uiBridge.clickViewRow(VIEW_CONTAINER, 'Containers', name);
  await containerRowMatching('its Files row', /^Files/);
  await uiBridge.clickViewRow(VIEW_CONTAINER, 'Containers', 'Files');
  await containerRowMatching(`the folder ${folder}`, new RegExp(`^${escapeRegExp(folder)}\\b`));
  await uiBridge.clickViewRow(VIEW_CONTAINER, 'Containers', folder);
  await containerRowMatching(`a row matching ${expect}`, expect);
  return containerRows();
}
