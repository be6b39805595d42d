// The shared step of "Group By…" and "Sort By…": take the option given as an argument (keybindings,
// tests), or ask with a QuickPick that marks the current one.
import * as vscode from 'vscode';

export async function chooseOption<T extends string>(given: unknown, options: readonly T[], current: T, label: (option: T) => string, title: string): Promise<T | undefined> {
  const named = options.find((o) => o === given);
  if (named) return named;
  const items = options.map((option) => ({ label: label(option), description: option === current ? vscode.l10n.t('current') : undefined, option }));
  return (await vscode.window.showQuickPick(items, { title }))?.option;
}
