// Choose Compose Files…: the -f files (in merge order), env file, profiles and project name of a workspace
// folder's compose project, remembered for that folder and used by every compose command started there.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { discoverComposeFiles } from '../../compose/composeTargets';
import type { ComposeProjectSpec } from '../../compose/composeProject';
import type { ComposeCommandContext } from './composeCommandContext';

const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]*$/;

/** The profile names the files mention (`profiles: [debug]` or a block list). */
export function profilesIn(texts: readonly string[]): string[] {
  const names = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/^\s*profiles:\s*\[([^\]]*)\]/gm)) m[1].split(',').map((p) => p.trim().replace(/^["']|["']$/g, '')).filter(Boolean).forEach((p) => names.add(p));
    for (const m of text.matchAll(/^(\s*)profiles:\s*\n((?:\1\s*-\s*.+\n?)+)/gm)) {
      for (const item of m[2].matchAll(/-\s*["']?([\w.-]+)["']?/g)) names.add(item[1]);
    }
  }
  return [...names].sort();
}

export function configureProject(ctx: ComposeCommandContext) {
  return async (arg?: unknown) => {
    const start = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    const folder = (start && vscode.workspace.getWorkspaceFolder(start)) ?? (await vscode.window.showWorkspaceFolderPick());
    if (!folder) return;
    const files = (await discoverComposeFiles()).filter((uri) => vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() === folder.uri.toString());
    if (files.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No compose file in {0}.', folder.name));
      return;
    }
    const previous = ctx.choices.get(folder.uri);
    const picked = await vscode.window.showQuickPick(
      files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri, false), uri, picked: previous ? previous.files.includes(uri.fsPath) : uri.fsPath === files[0].fsPath })),
      { canPickMany: true, placeHolder: vscode.l10n.t('Compose files (-f), merged in the order listed') },
    );
    if (!picked) return;
    if (picked.length === 0) {
      await ctx.choices.set(folder.uri, undefined);
      void vscode.window.showInformationMessage(vscode.l10n.t('The compose choice of {0} is cleared: commands use the file they start from.', folder.name));
      return;
    }
    const chosen = picked.map((p) => p.uri.fsPath);
    const directory = path.dirname(chosen[0]);
    const envFiles = fs.readdirSync(directory).filter((f) => /^\.env(\..+)?$|\.env$/.test(f));
    const none = vscode.l10n.t('(no env file: compose reads .env beside the file)');
    const env = await vscode.window.showQuickPick([none, ...envFiles], { placeHolder: vscode.l10n.t('Env file (--env-file)') });
    if (env === undefined) return;
    const profiles = profilesIn(chosen.map((f) => fs.readFileSync(f, 'utf8')));
    const pickedProfiles = profiles.length === 0 ? [] : await vscode.window.showQuickPick(profiles.map((p) => ({ label: p, picked: previous?.profiles.includes(p) })), { canPickMany: true, placeHolder: vscode.l10n.t('Profiles to enable (--profile)') });
    if (pickedProfiles === undefined) return;
    const name = await vscode.window.showInputBox({
      prompt: vscode.l10n.t('Project name (-p); empty: compose derives it from the file or the folder'),
      value: previous?.name ?? '',
      validateInput: (v) => (v === '' || PROJECT_NAME.test(v) ? undefined : vscode.l10n.t('Lowercase letters, digits, "_" and "-", starting with a letter or digit.')),
    });
    if (name === undefined) return;
    const choice: ComposeProjectSpec = { files: chosen, directory, envFile: env === none ? undefined : path.join(directory, env), profiles: pickedProfiles.map((p) => p.label), name: name || undefined };
    await ctx.choices.set(folder.uri, choice);
    void vscode.window.showInformationMessage(vscode.l10n.t('Compose commands in {0} now use: {1}', folder.name, picked.map((p) => p.label).join(', ')));
  };
}
