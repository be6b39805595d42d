// Run configurations live in the workspace settings (`dockside.run.configurations`), beside the code they
// run, so a team can commit them in .vscode/settings.json and run them again from the palette.
import * as vscode from 'vscode';
import { Refusal } from './refusal';
import { compactRunOptions, type RunOptions } from '../models/run/runOptions';

export interface RunConfiguration {
  readonly name: string;
  readonly options: RunOptions;
}

const SECTION = 'dockside';
const KEY = 'run.configurations';

export function listRunConfigurations(): RunConfiguration[] {
  const stored = vscode.workspace.getConfiguration(SECTION).get<unknown[]>(KEY, []);
  return (Array.isArray(stored) ? stored : []).filter(
    (c): c is RunConfiguration => !!c && typeof (c as RunConfiguration).name === 'string' && typeof (c as RunConfiguration).options?.image === 'string',
  );
}

/** Adds or replaces (by name) a configuration in the workspace settings. */
export async function saveRunConfiguration(configuration: RunConfiguration): Promise<void> {
  if (!vscode.workspace.workspaceFolders?.length) {
    throw new Refusal(vscode.l10n.t('Open a folder first: run configurations are saved in the workspace.'));
  }
  const config = vscode.workspace.getConfiguration(SECTION);
  const existing = (config.inspect<RunConfiguration[]>(KEY)?.workspaceValue ?? []).filter((c) => c.name !== configuration.name);
  const saved = { name: configuration.name, options: compactRunOptions(configuration.options) };
  await config.update(KEY, [...existing, saved], vscode.ConfigurationTarget.Workspace);
}

/** Asks which saved configuration; undefined when there is none or the user cancels. */
export async function pickRunConfiguration(placeHolder: string): Promise<RunConfiguration | undefined> {
  const all = listRunConfigurations();
  if (!all.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No run configurations are saved in this workspace yet. Use "Run…" on an image and save one.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    all.map((c) => ({ label: c.name, description: c.options.image, configuration: c })),
    { placeHolder },
  );
  return picked?.configuration;
}

/** The configuration named by a command argument (string or { name }) or, without one, a QuickPick. */
export async function configurationFromArgument(argument: unknown, placeHolder: string): Promise<RunConfiguration | undefined> {
  const name = typeof argument === 'string' ? argument : (argument as { name?: unknown } | undefined)?.name;
  if (typeof name === 'string') {
    const found = listRunConfigurations().find((c) => c.name === name);
    if (!found) throw new Refusal(vscode.l10n.t('There is no run configuration named "{0}" in this workspace.', name));
    return found;
  }
  return pickRunConfiguration(placeHolder);
}
