// Asks the launcher to read or photograph the workbench page, so tests can assert what the user sees.
// Only the code-server launcher drives a page; under test-electron `available` is false and tests fall
// back to the API.
import * as http from 'node:http';

const bridgeUrl = process.env.DOCKSIDE_TEST_UI;

export const uiBridge = {
  available: !!bridgeUrl,

  /** Texts of the rows (label + description) currently rendered in a view container's trees. */
  treeRows(viewContainerId: string): Promise<string[]> {
    return request<string[]>({ op: 'treeRows', viewContainerId });
  },

  /**
   * Rows (label + description) of one view of a view container, found by the view's title: every row, also
   * those scrolled out of a short pane (the list is scrolled through and back to the top).
   */
  viewRows(viewContainerId: string, viewName: string): Promise<string[]> {
    return request<string[]>({ op: 'viewRows', viewContainerId, viewName });
  },

  /**
   * Resolves with the page's clock (ms since the epoch) when a visible row of the view contains all `texts`
   * among at least `minSetSize` rows at its level; for benchmarks, which must not time bridge round trips.
   */
  waitForViewRow(viewContainerId: string, viewName: string, texts: string[], options: { minSetSize?: number; timeoutMs?: number } = {}): Promise<number> {
    return request<number>({ op: 'waitForViewRow', viewContainerId, viewName, texts, minSetSize: options.minSetSize ?? 0, timeoutMs: options.timeoutMs ?? 30_000 });
  },

  /** Resolves with the page's clock when no row of the view contains `text` (polled in the page every 5 ms). */
  waitForViewRowGone(viewContainerId: string, viewName: string, text: string, timeoutMs = 30_000): Promise<number> {
    return request<number>({ op: 'waitForViewRowGone', viewContainerId, viewName, text, timeoutMs });
  },

  /** Clicks the first row of a view whose text contains `text` (expands or collapses it). */
  clickViewRow(viewContainerId: string, viewName: string, text: string): Promise<boolean> {
    return request<boolean>({ op: 'clickViewRow', viewContainerId, viewName, text });
  },

  /** Drags the editor tab whose label contains `tab` onto the first row of a view containing `text`. */
  dragTabToViewRow(tab: string, viewContainerId: string, viewName: string, text: string): Promise<boolean> {
    return request<boolean>({ op: 'dragTabToViewRow', tab, viewContainerId, viewName, text });
  },

  /** Every row of a view (scrolled through, not only those on screen), top to bottom. */
  allViewRows(viewContainerId: string, viewName: string): Promise<{ label: string; description: string; icon: string; level: number }[]> {
    return request({ op: 'allViewRows', viewContainerId, viewName });
  },

  /** The badge on a view container's activity bar icon: its text ('' when none) and the icon's label. */
  activityBadge(viewContainerId: string): Promise<{ text: string; label: string } | undefined> {
    return request({ op: 'activityBadge', viewContainerId });
  },


  /** The welcome texts currently rendered in a view container. */
  welcomeText(viewContainerId: string): Promise<string> {
    return request<string>({ op: 'welcomeText', viewContainerId });
  },

  /** The status bar's text. */
  statusBarText(): Promise<string> {
    return request<string>({ op: 'statusBarText' });
  },

  /** The texts of the visible elements matching a CSS selector (editor tabs, terminal tabs, …). */
  visibleTexts(selector: string): Promise<string[]> {
    return request<string[]>({ op: 'visibleTexts', selector });
  },

  /** The texts of the webviews in the page (each frame's body). */
  webviewTexts(): Promise<string[]> {
    return request<string[]>({ op: 'webviewTexts' });
  },

  /** Acts on an element inside a webview: click, fill with `value`, read its value, or whether it has focus. */
  webviewAct(selector: string, action: 'click' | 'fill' | 'value' | 'focused', value?: string): Promise<string | boolean> {
    return request<string | boolean>({ op: 'webviewAct', selector, action, value });
  },

  /** Clicks the first visible element matching a CSS selector (a QuickInput's Back button, a dialog button). */
  clickSelector(selector: string): Promise<boolean> {
    return request<boolean>({ op: 'clickSelector', selector });
  },

  /** Right-clicks the first visible element matching a CSS selector and returns its context menu's items. */
  contextMenuAt(selector: string): Promise<string[]> {
    return request<string[]>({ op: 'contextMenuAt', selector });
  },

  /** What screen readers read for the status bar's items (their aria-labels). */
  statusBarAriaLabels(): Promise<string[]> {
    return request<string[]>({ op: 'statusBarAriaLabels' });
  },

  /** The rows of the open QuickPick, as rendered. */
  quickPickItems(): Promise<string[]> {
    return request<string[]>({ op: 'quickPickItems' });
  },

  /** Presses a key in the page, e.g. 'Escape' or 'Enter' (playwright key names). */
  pressKey(key: string): Promise<boolean> {
    return request<boolean>({ op: 'pressKey', key });
  },

  /** Types text with the keyboard into whatever has focus (a QuickPick filter, an InputBox). */
  typeText(text: string): Promise<boolean> {
    return request<boolean>({ op: 'typeText', text });
  },

  /** The validation message under the open InputBox ('' when none). */
  quickInputMessage(): Promise<string> {
    return request<string>({ op: 'quickInputMessage' });
  },

  /** The title of the open QuickPick or InputBox ('' when none). */
  quickInputTitle(): Promise<string> {
    return request<string>({ op: 'quickInputTitle' });
  },

  /** The messages of the notifications currently shown. */
  notificationTexts(): Promise<string[]> {
    return request<string[]>({ op: 'notificationTexts' });
  },

  /** Closes the pages the workbench opened (e.g. through openExternal), returning their URLs, and refocuses the workbench. */
  closeOtherPages(): Promise<string[]> {
    return request<string[]>({ op: 'closeOtherPages' });
  },

  /** Right-clicks a view's row containing `text` and returns the context menu's item labels. */
  rowContextMenu(viewContainerId: string, viewName: string, text: string): Promise<string[]> {
    return request<string[]>({ op: 'rowContextMenu', viewContainerId, viewName, text });
  },

  /** Accepts the first row of the open QuickPick whose text contains `text`; false when there is none. */
  clickQuickPickItem(text: string): Promise<boolean> {
    return request<boolean>({ op: 'clickQuickPickItem', text });
  },

  /** Clicks the first visible button labelled exactly `text` (an editor's, a view's); false when there is none. */
  clickButton(text: string): Promise<boolean> {
    return request<boolean>({ op: 'clickButton', text });
  },

  /** Selects the rows of a view that contain each text (click, then Ctrl+click); answers how many. */
  selectViewRows(viewContainerId: string, viewName: string, texts: string[]): Promise<number> {
    return request<number>({ op: 'selectViewRows', viewContainerId, viewName, texts });
  },

  /** Hovers a view's row containing `text` and returns its tooltip's text as rendered. */
  rowTooltip(viewContainerId: string, viewName: string, text: string, screenshot?: string): Promise<string> {
    return request<string>({ op: 'rowTooltip', viewContainerId, viewName, text, screenshot });
  },

  /** Chooses the item `item` of the context menu of a view's row containing `text`; answers the menu's labels. */
  clickRowMenuItem(viewContainerId: string, viewName: string, text: string, item: string): Promise<string[]> {
    return request<string[]>({ op: 'rowContextMenu', viewContainerId, viewName, text, click: item });
  },

  /** The titles of the code lenses rendered in the visible editors. */
  codeLensTexts(): Promise<string[]> {
    return request<string[]>({ op: 'codeLensTexts' });
  },

  /** Clicks the first rendered code lens whose title matches `pattern` (a regular expression's source). */
  clickCodeLens(pattern: string): Promise<boolean> {
    return request<boolean>({ op: 'clickCodeLens', text: pattern });
  },

  /** The text of the visible terminal, as rendered in the page. */
  terminalText(): Promise<string> {
    return request<string>({ op: 'terminalText' });
  },

  /** Focuses the visible terminal and types `text` into it, key by key. */
  typeInTerminal(text: string): Promise<boolean> {
    return request<boolean>({ op: 'typeInTerminal', text });
  },

  /**
   * Benchmarks only: presses `keys` one by one in the visible terminal (Ctrl-U before every `wordLength`)
   * and times each, in the page, from its keydown to the terminal's rows showing `prompt` + the word so far.
   */
  terminalEchoLatency(options: { keys: string; prompt: string; wordLength: number; timeoutMs?: number }): Promise<{
    samples: { keydownToRowMs: number; eventTimestampToRowMs: number }[];
    renderer: { domRows: number; canvases: string[] };
  }> {
    return request({ op: 'terminalEchoLatency', timeoutMs: 10_000, ...options });
  },

  /** The text in the open QuickInput's box. */
  quickInputValue(): Promise<string> {
    return request<string>({ op: 'quickInputValue' });
  },

  /** Replaces the open QuickInput's text at once. */
  fillQuickInput(text: string): Promise<boolean> {
    return request<boolean>({ op: 'fillQuickInput', text });
  },

  /** Saves a screenshot of the workbench to the artifacts folder. */
  screenshot(name: string): Promise<string> {
    return request<string>({ op: 'screenshot', name });
  },
};

function request<T>(body: object): Promise<T> {
  if (!bridgeUrl) return Promise.reject(new Error('no UI bridge: not running under the code-server launcher'));
  return new Promise<T>((resolve, reject) => {
    const req = http.request(bridgeUrl, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (data += chunk));
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`UI bridge: ${res.statusCode} ${data}`));
        resolve(JSON.parse(data) as T);
      });
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
