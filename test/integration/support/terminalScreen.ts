// Reading and typing into Dockside's terminals as the user would: the page's rows under code-server, the
// terminal's own transcript (and sendText) under test-electron, where there is no page to read.
import * as vscode from 'vscode';
import type { DocksideApi } from '../../../src/extension';
import { uiBridge } from './uiBridge';
import { waitFor } from './waitFor';

export interface TerminalScreen {
  /** What the terminal named `name` shows. */
  screen(name: string): Promise<string>;
  /** Types a line and presses Enter. */
  type(terminal: vscode.Terminal, line: string): Promise<void>;
  /** Waits until the terminal shows `pattern`; on timeout the error says what it showed instead. */
  waitForScreen(terminal: vscode.Terminal, pattern: RegExp | ((text: string) => boolean), what: string, timeoutMs?: number): Promise<string>;
  /** Waits for a terminal whose name matches. */
  terminalNamed(pattern: RegExp): Promise<vscode.Terminal>;
}

/** `api` is read when called: suites activate the extension in `before`. */
export function terminalScreen(api: () => DocksideApi): TerminalScreen {
  const transcript = (name: string) => api().terminals.transcripts()[name] ?? '';
  const screen = async (name: string): Promise<string> => (uiBridge.available ? uiBridge.terminalText() : transcript(name));
  return {
    screen,
    async type(terminal, line) {
      if (uiBridge.available) {
        await uiBridge.typeInTerminal(line);
        await uiBridge.pressKey('Enter');
      } else terminal.sendText(line, true);
    },
    async waitForScreen(terminal, pattern, what, timeoutMs = 25_000) {
      const matches = typeof pattern === 'function' ? pattern : (text: string) => pattern.test(text);
      try {
        return await waitFor(what, async () => {
          const text = await screen(terminal.name);
          return matches(text) ? text : undefined;
        }, timeoutMs);
      } catch (error) {
        const shown = JSON.stringify((await screen(terminal.name)).slice(-800));
        throw new Error(`${(error as Error).message}; the page shows ${shown}; the terminal wrote ${JSON.stringify(transcript(terminal.name).slice(-800))}`);
      }
    },
    terminalNamed: (pattern) => waitFor(`a terminal matching ${pattern}`, () => vscode.window.terminals.find((t) => pattern.test(t.name)), 25_000),
  };
}
