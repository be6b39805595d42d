// Run configurations live in the workspace settings (`dockside.run.configurations`), beside the code they
// run, so a team can commit them in .vscode/settings.json and run them again from the palette.
import * as vscode from 'vscode';
import { Refusal } from './refusal';
import { runConfigurationEffects } from './runConfigurationReview';
import { compactRunOptions, type RunOptions } from '../models/run/runOptions';

export interface RunConfiguration {
  readonly name: string;
  readonly options: RunOptions;
  /**
   * Where the list came from: `user` for the user's own settings, `workspace` for the workspace's or a
   * folder's settings, which a cloned repository can write (they are reviewed before their first run).
   */
  readonly origin?: 'user' | 'workspace';
}

const SECTION = 'dockside';
const KEY = 'run.configurations';

export function listRunConfigurations(): RunConfiguration[] {
  const config = vscode.workspace.getConfiguration(SECTION);
  const stored = config.get<unknown[]>(KEY, []);
  // An array setting is not merged: the most specific layer that sets it wins, and every entry is from there.
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => vscode.workspace.getConfiguration(SECTION, f.uri).inspect<unknown[]>(KEY));
  const inspected = config.inspect<unknown[]>(KEY);
  const fromWorkspace = inspected?.workspaceValue !== undefined || folders.some((f) => f?.workspaceFolderValue !== undefined);
  const origin = fromWorkspace || inspected?.globalValue === undefined ? 'workspace' : 'user';
  return (Array.isArray(stored) ? stored : [])
    .filter((c): c is RunConfiguration => !!c && typeof (c as RunConfiguration).name === 'string' && typeof (c as RunConfiguration).options?.image === 'string')
    .map((c) => ({ name: c.name, options: c.options, origin }));
}

/** Adds or replaces (by name) a configuration in the workspace settings. */
export async function saveRunConfiguration(configuration: RunConfiguration): Promise<RunConfiguration> {
  if (!vscode.workspace.workspaceFolders?.length) {
    throw new Refusal(vscode.l10n.t('Open a folder first: run configurations are saved in the workspace.'));
  }
  const config = vscode.workspace.getConfiguration(SECTION);
  const existing = (config.inspect<RunConfiguration[]>(KEY)?.workspaceValue ?? []).filter((c) => c.name !== configuration.name);
  const saved = { name: configuration.name, options: compactRunOptions(configuration.options) };
  await config.update(KEY, [...existing, saved], vscode.ConfigurationTarget.Workspace);
  return saved;
}

/** Asks which saved configuration; undefined when there is none or the user cancels. */
export async function pickRunConfiguration(placeHolder: string): Promise<RunConfiguration | undefined> {
  const all = listRunConfigurations();
  if (!all.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No run configurations are saved in this workspace yet. Use "Run…" on an image and save one.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    all.map((c) => ({
      label: c.name,
      description: c.options.image,
      // What a repository-provided configuration does shows before it is chosen, not only in the confirmation.
      detail: c.origin === 'workspace' ? [vscode.l10n.t('From the workspace settings'), ...runConfigurationEffects(c.options)].join(' · ') : undefined,
      configuration: c,
    })),
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
