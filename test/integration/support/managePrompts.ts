// Answers Dockside's prompts through the page, as a user would: type into the QuickPick or InputBox that
// shows the expected text and press Enter, click modal dialog buttons, read notifications. Used by the
// manage*.test.ts suites; every step waits for the prompt it answers, so steps never race each other.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DocksideApi } from '../../../src/extension';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint } from '../../../src/engine/connection';
import { uiBridge } from './uiBridge';
import { waitFor } from './waitFor';

export const VIEW_CONTAINER = 'dockside';

export async function activateConnected(): Promise<DocksideApi> {
  const ext = vscode.extensions.getExtension<DocksideApi>('dockside.dockside');
  assert.ok(ext, 'the extension is installed in the host');
  const api = await ext.activate();
  await vscode.commands.executeCommand(`workbench.view.extension.${VIEW_CONTAINER}`);
  await waitFor('the engine to connect', () => api.engineState().kind === 'connected');
  return api;
}

/** A client of the test's own, to build tree nodes from real models and check effects. */
export function testClient(): EngineClient {
  return new EngineClient(resolveEndpoint({ env: { DOCKER_HOST: 'unix:///var/run/docker.sock' } }));
}

/** Picks the QuickPick row containing `rowText` once it shows, by typing `filter` and pressing Enter. */
export async function answerPick(rowText: string, filter = rowText): Promise<void> {
  await waitFor(`a QuickPick row "${rowText}"`, async () => (await uiBridge.quickPickItems()).some((r) => r.includes(rowText)));
  // Filled into the pick's own box (focus could have moved off it, and typed keys would land elsewhere);
  // filled again while the list has not narrowed, as the box may have been re-rendered under the first fill.
  let rows: string[] = [];
  let filledAt = 0;
  await waitFor(`the QuickPick to filter to "${rowText}"`, async () => {
    if (Date.now() - filledAt > 4000) {
      await uiBridge.fillQuickInput(filter);
      filledAt = Date.now();
    }
    rows = await uiBridge.quickPickItems();
    return rows.length > 0 && rows[0].includes(rowText);
  }).catch(async (error: Error) => {
    await uiBridge.screenshot('quickpick-not-filtered');
    throw new Error(`${error.message}; rows: ${rows.slice(0, 5).join(' | ')}`);
  });
  await uiBridge.pressKey('Enter');
}

/** Accepts a multi-select QuickPick (or its defaults) once its placeholder rows show. */
export async function acceptPick(rowText: string): Promise<void> {
  await waitFor(`a QuickPick row "${rowText}"`, async () => (await uiBridge.quickPickItems()).some((r) => r.includes(rowText)));
  await uiBridge.pressKey('Enter');
}

/** Replaces the InputBox's value with `text` and presses Enter, once the box prompting `prompt` shows. */
export async function answerInput(prompt: string | RegExp, text: string): Promise<void> {
  await waitFor(`an InputBox prompting "${prompt}"`, async () => {
    const message = await uiBridge.quickInputMessage();
    return typeof prompt === 'string' ? message.includes(prompt) : prompt.test(message);
  });
  await uiBridge.pressKey('Control+a');
  if (text) await uiBridge.typeText(text);
  else await uiBridge.pressKey('Delete');
  await uiBridge.pressKey('Enter');
}

/** Waits until the open InputBox shows a message (a validation error) matching `pattern`. */
export async function expectInputMessage(pattern: RegExp): Promise<string> {
  let message = '';
  return waitFor(`an InputBox message matching ${pattern}`, async () => ((message = await uiBridge.quickInputMessage()), pattern.test(message) ? message : undefined)).catch((error: Error) => {
    throw new Error(`${error.message}; shown: ${message}`);
  });
}

/**
 * Answers a confirmation (a QuickPick of actions, then information rows): waits until it offers `action`
 * and its title and rows match `expected` (the widget may still show the previous pick's rows for a
 * moment), picks `action`, and returns the title and rows it showed.
 */
export async function answerConfirm(action: string, expected = /./s): Promise<string> {
  let shown = '';
  const rows = await waitFor(`a confirmation offering "${action}" and matching ${expected}`, async () => {
    const all = await uiBridge.quickPickItems();
    shown = [await uiBridge.quickInputTitle(), ...all].join('\n');
    return all.includes(action) && expected.test(shown) ? all : undefined;
  }).catch((error: Error) => {
    throw new Error(`${error.message}; shown: ${shown}`);
  });
  const title = shown.split('\n')[0];
  for (let i = 0; i < rows.indexOf(action); i++) await uiBridge.pressKey('ArrowDown');
  await uiBridge.pressKey('Enter');
  // The next confirmation may have the same actions: wait until this one has closed.
  await waitFor('the confirmation to close', async () => (await uiBridge.quickInputTitle()) !== title);
  return shown;
}

/**
 * Waits for a notification matching `pattern`, then clears them all so the next test starts clean. Info
 * toasts hide themselves after a while, so after a moment the notification center is opened too.
 */
export async function expectNotification(pattern: RegExp): Promise<string> {
  let seen: string[] = [];
  const started = Date.now();
  let centerShown = false;
  const text = await waitFor(`a notification matching ${pattern}`, async () => {
    seen = await uiBridge.notificationTexts();
    const match = seen.find((t) => pattern.test(t));
    if (!match && !centerShown && Date.now() - started > 2000) {
      centerShown = true;
      await vscode.commands.executeCommand('notifications.showList');
    }
    return match;
  }).catch((error: Error) => {
    throw new Error(`${error.message}; shown: ${seen.join(' | ') || 'none'}`);
  });
  await vscode.commands.executeCommand('notifications.clearAll');
  await vscode.commands.executeCommand('notifications.hideList');
  return text;
}

/** For afterEach: a prompt left open by a failed test would swallow the next test's prompts. */
export async function closePromptsAfterFailure(test: Mocha.Test | undefined): Promise<void> {
  if (test?.state !== 'failed' || !uiBridge.available) return;
  // What the page showed when the test failed, before the prompts close: artifacts/failed-<title>.png.
  await uiBridge.screenshot(`failed-${test.title.slice(0, 80)}`).catch(() => undefined);
  await uiBridge.pressKey('Escape');
  await uiBridge.pressKey('Escape');
}

/** code-server's file dialogs are QuickInputs holding a path: replace it with `file` and accept. */
export async function answerFileDialog(file: string): Promise<void> {
  await waitFor('the file dialog', async () => /\//.test(await uiBridge.quickInputTitle()) || (await uiBridge.quickPickItems()).length > 0);
  await waitFor(`the dialog to hold ${file}`, async () => {
    if ((await uiBridge.quickInputValue()) === file) return true;
    await uiBridge.fillQuickInput(file);
    return false;
  });
  await uiBridge.pressKey('Enter');
}
