// A multi-step QuickInput, as VS Code's own multi-step flows look: "Create Network (3/7)", a Back button on
// every step after the first, answers kept when going back and forth, Escape cancelling the whole command.
// Steps that do not apply to the answers so far (an IP range without a subnet) are skipped and not counted.
import * as vscode from 'vscode';

export interface TextStep<S> {
  readonly kind: 'text';
  readonly key: keyof S & string;
  readonly prompt: string | ((state: S) => string);
  readonly validate?: (value: string, state: S) => string | undefined;
  readonly when?: (state: S) => boolean;
}

export interface PickStep<S, T extends vscode.QuickPickItem = vscode.QuickPickItem> {
  readonly kind: 'pick';
  readonly key: keyof S & string;
  readonly placeholder: string;
  readonly items: (state: S) => readonly T[];
  readonly canPickMany?: boolean;
  readonly when?: (state: S) => boolean;
}

export type Step<S> = TextStep<S> | PickStep<S>;

type Answer = string | readonly vscode.QuickPickItem[];

/** Runs the steps; resolves with every answer (text, or the picked items) by key. Throws CancellationError on Escape. */
export async function runSteps<S extends Record<string, Answer | undefined>>(title: string, steps: readonly Step<S>[], initial: S): Promise<S> {
  const state = { ...initial };
  const applicable = () => steps.filter((s) => !s.when || s.when(state));
  let index = 0;
  while (index < applicable().length) {
    const active = applicable();
    const step = active[index];
    const result = await (step.kind === 'text' ? askStep(title, step, state, index, active.length) : pickStep(title, step, state, index, active.length));
    if (result === 'back') {
      index = Math.max(0, index - 1);
      continue;
    }
    (state as Record<string, Answer | undefined>)[step.key] = result;
    index++;
  }
  return state;
}

function decorate(input: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[] }, title: string, index: number, total: number): void {
  input.title = title;
  input.step = index + 1;
  input.totalSteps = total;
  input.ignoreFocusOut = true;
  input.buttons = index > 0 ? [vscode.QuickInputButtons.Back] : [];
}

function askStep<S>(title: string, step: TextStep<S>, state: S, index: number, total: number): Promise<string | 'back'> {
  const box = vscode.window.createInputBox();
  decorate(box, title, index, total);
  box.prompt = typeof step.prompt === 'function' ? step.prompt(state) : step.prompt;
  box.value = typeof state[step.key] === 'string' ? (state[step.key] as string) : '';
  // Like showInputBox: the prompt shows until the user types; a value kept from before is checked at once.
  const validate = (v: string) => (box.validationMessage = step.validate?.(v, state));
  if (box.value) validate(box.value);
  return new Promise((resolve, reject) => {
    let settled = false;
    const done = (f: () => void) => {
      settled = true;
      f();
      box.dispose();
    };
    box.onDidChangeValue(validate);
    box.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && done(() => resolve('back')));
    box.onDidAccept(() => {
      if (validate(box.value)) return;
      done(() => resolve(box.value));
    });
    box.onDidHide(() => !settled && done(() => reject(new vscode.CancellationError())));
    box.show();
  });
}

function pickStep<S>(title: string, step: PickStep<S>, state: S, index: number, total: number): Promise<readonly vscode.QuickPickItem[] | 'back'> {
  const pick = vscode.window.createQuickPick();
  decorate(pick, title, index, total);
  pick.placeholder = step.placeholder;
  pick.canSelectMany = !!step.canPickMany;
  const items = step.items(state);
  pick.items = items;
  const before = state[step.key] as readonly vscode.QuickPickItem[] | undefined;
  const chosen = before ? items.filter((i) => before.some((b) => b.label === i.label)) : items.filter((i) => i.picked);
  if (pick.canSelectMany) pick.selectedItems = chosen;
  else if (chosen.length) pick.activeItems = [chosen[0]];
  return new Promise((resolve, reject) => {
    let settled = false;
    const done = (f: () => void) => {
      settled = true;
      f();
      pick.dispose();
    };
    pick.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && done(() => resolve('back')));
    pick.onDidAccept(() => {
      const answer = pick.canSelectMany ? pick.selectedItems : pick.activeItems.slice(0, 1);
      if (!pick.canSelectMany && answer.length === 0) return;
      done(() => resolve([...answer]));
    });
    pick.onDidHide(() => !settled && done(() => reject(new vscode.CancellationError())));
    pick.show();
  });
}
