// The user's choice of compose files, env file, profiles and project name, remembered per workspace folder
// (workspace state: the user's choice, never the repository's settings).
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ComposeProjectSpec } from './composeProject';

const KEY = 'dockside.compose.projectChoices';

export class ProjectChoices {
  constructor(private readonly state: vscode.Memento) {}

  get(folder: vscode.Uri): ComposeProjectSpec | undefined {
    const all = this.state.get<Record<string, ComposeProjectSpec>>(KEY, {});
    const choice = all[folder.toString()];
    // Only files that still exist: a choice never runs a file that went away.
    return choice && Array.isArray(choice.files) && choice.files.every((f) => fs.existsSync(f)) ? choice : undefined;
  }

  async set(folder: vscode.Uri, choice: ComposeProjectSpec | undefined): Promise<void> {
    const all = { ...this.state.get<Record<string, ComposeProjectSpec>>(KEY, {}) };
    if (choice) all[folder.toString()] = choice;
    else delete all[folder.toString()];
    await this.state.update(KEY, all);
  }
}
