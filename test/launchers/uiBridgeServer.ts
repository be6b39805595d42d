// The launcher's side of test/integration/support/uiBridge.ts: answers questions about the page on a
// loopback HTTP port, while the extension host is alive.
import * as http from 'node:http';
import * as path from 'node:path';
import type { ElementHandle, Page } from 'playwright-core';

type Query =
  | { op: 'treeRows'; viewContainerId: string }
  | { op: 'welcomeText'; viewContainerId: string }
  | { op: 'statusBarText' }
  | { op: 'statusBarAriaLabels' }
  | { op: 'visibleTexts'; selector: string }
  | { op: 'contextMenuAt'; selector: string }
  | { op: 'clickSelector'; selector: string }
  | { op: 'webviewTexts' }
  | { op: 'webviewAct'; selector: string; action: 'click' | 'fill' | 'value' | 'focused'; value?: string }
  | { op: 'screenshot'; name: string }
  | { op: 'quickPickItems' }
  | { op: 'pressKey'; key: string }
  | { op: 'terminalText' }
  | { op: 'typeInTerminal'; text: string }
  | { op: 'viewRows'; viewContainerId: string; viewName: string }
  | { op: 'waitForViewRow'; viewContainerId: string; viewName: string; texts: string[]; minSetSize: number; timeoutMs: number }
  | { op: 'clickViewRow'; viewContainerId: string; viewName: string; text: string }
  | { op: 'typeText'; text: string }
  | { op: 'quickInputMessage' }
  | { op: 'quickInputTitle' }
  | { op: 'quickInputValue' }
  | { op: 'fillQuickInput'; text: string }
  | { op: 'notificationTexts' }
  | { op: 'closeOtherPages' }
  | { op: 'rowContextMenu'; viewContainerId: string; viewName: string; text: string; click?: string }
  | { op: 'codeLensTexts' }
  | { op: 'clickCodeLens'; text: string }
  | { op: 'clickQuickPickItem'; text: string }
  | { op: 'clickButton'; text: string }
  | { op: 'terminalEchoLatency'; keys: string; prompt: string; wordLength: number; timeoutMs: number }
  | { op: 'allViewRows'; viewContainerId: string; viewName: string }
  | { op: 'waitForViewRowGone'; viewContainerId: string; viewName: string; text: string; timeoutMs: number }
  | { op: 'activityBadge'; viewContainerId: string }
  | { op: 'rowTooltip'; viewContainerId: string; viewName: string; text: string; screenshot?: string }
  | { op: 'selectViewRows'; viewContainerId: string; viewName: string; texts: string[] };

/** A tree row as rendered: label, description, the codicon of its icon, its depth. */
export interface RenderedRow {
  readonly label: string;
  readonly description: string;
  readonly icon: string;
  readonly level: number;
}

export async function startUiBridge(page: () => Page | undefined, artifacts: string): Promise<{ url: string; close(): void }> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const current = page();
      if (!current) {
        res.writeHead(503).end('no page yet');
        return;
      }
      answer(current, JSON.parse(body) as Query, artifacts).then(
        (value) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value)),
        (error) => res.writeHead(500).end(String(error)),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

async function answer(page: Page, q: Query, artifacts: string): Promise<unknown> {
  switch (q.op) {
    case 'treeRows':
      // Only rows a user can see: a tree hidden behind its welcome content keeps its rows in the page.
      return page.$$eval(`[id="workbench.view.extension.${q.viewContainerId}"] .monaco-list-row`, (rows) =>
        rows.filter((r) => (r as unknown as { checkVisibility(): boolean }).checkVisibility()).map((r) => [r.querySelector('.label-name')?.textContent, r.querySelector('.label-description')?.textContent].filter(Boolean).join(' ')),
      );
    case 'welcomeText':
      return page.$$eval(`[id="workbench.view.extension.${q.viewContainerId}"] .welcome-view-content`, (nodes) =>
        nodes.map((n) => (n as unknown as { innerText: string }).innerText).join('\n'),
      );
    case 'statusBarText':
      return page.$eval('[id="workbench.parts.statusbar"]', (n) => (n as unknown as { innerText: string }).innerText);
    case 'quickPickItems':
      return page.$$eval('.quick-input-widget .monaco-list-row', (rows) =>
        rows.map((r) => (r as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ').trim()),
      );
    case 'waitForViewRow':
      return waitForViewRow(page, q);
    case 'viewRows':
      return viewPaneRows(page, q.viewContainerId, q.viewName);
    case 'clickViewRow': {
      const row = await revealRow(page, q.viewContainerId, q.viewName, q.text);
      if (!row) return false;
      await row.click();
      return true;
    }
    case 'terminalText':
      // The visible terminal's rows, as the DOM renderer shows them (terminal.integrated.gpuAcceleration: off).
      return page.$$eval('.xterm-rows', (nodes) =>
        nodes
          .filter((n) => (n as unknown as { offsetParent: unknown }).offsetParent !== null)
          .map((n) => (n as unknown as { innerText: string }).innerText)
          .join('\n'),
      );
    case 'typeInTerminal': {
      const textareas = await page.$$('.xterm-helper-textarea');
      for (const t of textareas) {
        if (await t.evaluate((n) => (n as unknown as { offsetParent: unknown }).offsetParent !== null)) {
          await t.focus();
          break;
        }
      }
      await page.keyboard.type(q.text);
      return true;
    }
    case 'pressKey':
      await page.keyboard.press(q.key);
      return true;
    case 'typeText':
      await page.keyboard.type(q.text);
      return true;
    case 'quickInputMessage':
      return visibleText(page, '.quick-input-widget .quick-input-message');
    case 'quickInputValue':
      return page.$eval('.quick-input-widget .quick-input-box input', (input) => (input as unknown as { value: string }).value);
    case 'fillQuickInput':
      // Sets the whole value in one input event: typing key by key races the file dialog's completion.
      await page.fill('.quick-input-widget .quick-input-box input', q.text);
      return true;
    case 'quickInputTitle':
      return visibleText(page, '.quick-input-widget .quick-input-title');
    case 'notificationTexts':
      return page.$$eval('.notifications-toasts .notification-list-item-message, .notifications-center .notification-list-item-message', (nodes) =>
        nodes.map((n) => (n as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ').trim()),
      );
    case 'closeOtherPages': {
      // Pages the workbench opened (openExternal): close them and give the keyboard back to the workbench.
      const others = page.context().pages().filter((p) => p !== page);
      for (const other of others) await other.close();
      await page.bringToFront();
      return others.map((p) => p.url());
    }
    case 'rowContextMenu':
      return rowContextMenu(page, q.viewContainerId, q.viewName, q.text, q.click);
    case 'clickQuickPickItem':
      // Accepts the first QuickPick row whose text contains `text`, as a click does.
      return clickRowContaining(await page.$$('.quick-input-widget .monaco-list-row'), q.text);
    case 'clickButton': {
      // The first visible button whose text is exactly `text`: the Workspace Trust editor's, a view's, ...
      for (const button of await page.$$('.monaco-button, button')) {
        const label = await button.evaluate((n) => ((n as unknown as { checkVisibility(): boolean }).checkVisibility() ? (n as unknown as { innerText: string }).innerText.trim() : ''));
        if (label === q.text) {
          await button.click();
          return true;
        }
      }
      return false;
    }
    case 'codeLensTexts':
      return page.$$eval('.monaco-editor .codelens-decoration a', (links) => links.map((a) => (a.textContent ?? '').trim()));
    case 'clickCodeLens': {
      const lens = page.locator('.monaco-editor .codelens-decoration a').filter({ hasText: new RegExp(q.text) }).first();
      if ((await lens.count()) === 0) return false;
      await lens.click();
      return true;
    }
    case 'terminalEchoLatency':
      return terminalEchoLatency(page, q);
    case 'allViewRows':
      return allViewRows(page, q.viewContainerId, q.viewName);
    case 'waitForViewRowGone':
      return waitForViewRowGone(page, q);
    case 'activityBadge':
      return page.$$eval('.part.activitybar .action-item, .composite-bar .action-item', (items, id) => {
        const item = items.find((i) => i.querySelector(`.action-label[class*="${id}"]`) || (i.querySelector('.action-label')?.getAttribute('aria-label') ?? '').toLowerCase().startsWith(id));
        if (!item) return undefined;
        const badge = item.querySelector('.badge-content');
        const visible = badge ? (badge as unknown as { checkVisibility(): boolean }).checkVisibility() : false;
        return { text: visible ? (badge?.textContent ?? '').trim() : '', label: item.querySelector('.action-label')?.getAttribute('aria-label') ?? '' };
      }, q.viewContainerId);
    case 'selectViewRows':
      return selectViewRows(page, q.viewContainerId, q.viewName, q.texts);
    case 'rowTooltip':
      return rowTooltip(page, q.viewContainerId, q.viewName, q.text, q.screenshot ? path.join(artifacts, `${q.screenshot.replace(/[^\w.-]+/g, '_')}.png`) : undefined);
    case 'visibleTexts':
      return page.$$eval(q.selector, (nodes) =>
        nodes.filter((n) => (n as unknown as { checkVisibility(): boolean }).checkVisibility()).map((n) => (n as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ').trim()),
      );
    case 'webviewTexts': {
      // Webviews are nested iframes: read every frame's body, keep the ones with text.
      const texts: string[] = [];
      for (const frame of page.frames()) {
        if (frame === page.mainFrame()) continue;
        const text = await frame.evaluate(() => (globalThis as unknown as { document?: { body?: { innerText?: string } } }).document?.body?.innerText ?? '').catch(() => '');
        if (text.trim()) texts.push(text.trim());
      }
      return texts;
    }
    case 'webviewAct': {
      // In whichever webview frame holds the element: click it, fill it, read its value, or say whether it has focus.
      for (const frame of page.frames()) {
        if (frame === page.mainFrame()) continue;
        const element = await frame.$(q.selector).catch(() => null);
        if (!element) continue;
        // force: aria-disabled controls stay clickable for a user (the click explains why nothing runs).
        if (q.action === 'click') await element.click({ force: true });
        else if (q.action === 'fill') await element.fill(q.value ?? '');
        else if (q.action === 'value') return element.evaluate((n) => (n as unknown as { value: string }).value);
        else return element.evaluate((n) => (n as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === n);
        return true;
      }
      return false;
    }
    case 'clickSelector':
      await page.locator(q.selector).locator('visible=true').first().click({ timeout: 5000 });
      return true;
    case 'contextMenuAt': {
      // Right-clicks the first visible element matching the selector and reads the menu that opens.
      const target = page.locator(q.selector).locator('visible=true').first();
      await target.click({ button: 'right' });
      const menu = page.locator('.monaco-menu .action-label');
      await menu.first().waitFor({ timeout: 5000 });
      const items = (await menu.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
      await page.keyboard.press('Escape');
      return items;
    }
    case 'statusBarAriaLabels':
      return page.$$eval('[id="workbench.parts.statusbar"] [aria-label]', (nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''));
    case 'screenshot': {
      const file = path.join(artifacts, `${q.name.replace(/[^\w.-]+/g, '_')}.png`);
      await page.screenshot({ path: file });
      return file;
    }
  }
}

/** Rows (label + description) of one view, found by its title among the panes of a view container. */
function viewPaneRows(page: Page, viewContainerId: string, viewName: string): Promise<string[]> {
  return page.$$eval(
    `[id="workbench.view.extension.${viewContainerId}"] .pane`,
    (panes, name) => {
      const pane = panes.find((p) => p.querySelector('.pane-header .title')?.textContent?.trim().toLowerCase() === name.toLowerCase());
      if (!pane) return [];
      return [...pane.querySelectorAll('.monaco-list-row')].filter((r) => (r as unknown as { checkVisibility(): boolean }).checkVisibility()).map((r) =>
        [r.querySelector('.label-name')?.textContent, r.querySelector('.label-description')?.textContent].filter(Boolean).join(' '),
      );
    },
    viewName,
  );
}

/** The pane of a view container whose title is `viewName`. */
async function findPane(page: Page, viewContainerId: string, viewName: string) {
  for (const pane of await page.$$(`[id="workbench.view.extension.${viewContainerId}"] .pane`)) {
    const title = await pane.$eval('.pane-header .title', (n) => n.textContent?.trim() ?? '').catch(() => '');
    if (title.toLowerCase() === viewName.toLowerCase()) return pane;
  }
  return undefined;
}

/**
 * Every row of a view, not only those on screen: the list renders the visible rows only, so this scrolls
 * it from the top with the mouse wheel, collecting rows by position until the last one was seen.
 */
async function allViewRows(page: Page, viewContainerId: string, viewName: string): Promise<RenderedRow[]> {
  const pane = await findPane(page, viewContainerId, viewName);
  const list = await pane?.$('.monaco-list');
  const box = await list?.boundingBox();
  if (!list || !box) return [];
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 20));
  const rows = new Map<number, RenderedRow>();
  const read = () =>
    list.$$eval('.monaco-list-row', (nodes) =>
      nodes.map((r) => ({
        index: Number(r.getAttribute('data-index')),
        label: r.querySelector('.label-name')?.textContent ?? '',
        description: r.querySelector('.label-description')?.textContent ?? '',
        icon: /codicon-([\w~-]+)/.exec(r.querySelector('.custom-view-tree-node-item-icon')?.className ?? '')?.[1] ?? '',
        level: Number(r.getAttribute('aria-level') ?? 1),
      })),
    );
  for (let i = 0; i < 40; i++) {
    await page.mouse.wheel(0, -100_000);
    const top = await read();
    if (top.every((r) => r.index !== 0) && top.length) continue;
    break;
  }
  // Scrolled to the end when a wheel step shows no row further down.
  let last = -2;
  for (let step = 0; step < 500; step++) {
    const seen = await read();
    for (const r of seen) rows.set(r.index, { label: r.label, description: r.description, icon: r.icon, level: r.level });
    const lastIndex = Math.max(-1, ...seen.map((r) => r.index));
    if (lastIndex <= last) break;
    last = lastIndex;
    await page.mouse.wheel(0, Math.max(22, box.height - 44));
    await page.waitForTimeout(50);
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
}

/** Clicks the first of `rows` whose text contains `text`; false when none does. */
async function clickRowContaining(rows: ElementHandle[], text: string): Promise<boolean> {
  for (const row of rows) {
    if ((await row.evaluate((r) => (r as unknown as { innerText: string }).innerText)).includes(text)) {
      await row.click();
      return true;
    }
  }
  return false;
}

/** The text of an element while it is visible; '' once the widget holding it is hidden. */
function visibleText(page: Page, selector: string): Promise<string> {
  return page
    .$eval(selector, (n) => ((n as unknown as { checkVisibility(): boolean }).checkVisibility() ? (n as unknown as { innerText: string }).innerText.trim() : ''))
    .catch(() => '');
}

/**
 * The row of a view that contains `text`, scrolled fully into the pane first: the list renders only the rows on
 * screen, and a short pane (six views share the sidebar) hides most of them. A row cut by the pane's edge would
 * send a click to the next pane's header, so a row counts only when it shows whole.
 */
async function revealRow(page: Page, viewContainerId: string, viewName: string, text: string): Promise<ElementHandle | undefined> {
  const pane = await findPane(page, viewContainerId, viewName);
  const list = await pane?.$('.monaco-list');
  const box = await list?.boundingBox();
  if (!list || !box) return undefined;
  const shownWhole = async (): Promise<{ row?: ElementHandle; below: boolean; above: boolean }> => {
    let below = false;
    let above = false;
    for (const row of await list.$$('.monaco-list-row')) {
      if (!(await row.evaluate((r) => (r as unknown as { innerText: string }).innerText)).includes(text)) continue;
      const b = await row.boundingBox();
      if (!b) continue;
      if (b.y < box.y - 0.5) above = true;
      else if (b.y + b.height > box.y + box.height + 0.5) below = true;
      else return { row, below, above };
    }
    return { below, above };
  };
  const wheel = async (dy: number) => {
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 20));
    await page.mouse.wheel(0, dy);
    await page.waitForTimeout(50);
    await page.mouse.move(0, 0);
  };
  let found = await shownWhole();
  if (found.row) return found.row;
  // Cut by an edge: one small step shows it whole.
  if (found.below || found.above) {
    await wheel(found.below ? 22 : -22);
    found = await shownWhole();
    if (found.row) return found.row;
  }
  // Not rendered: from the top, a pane's height at a time, until it shows or the list ends.
  await wheel(-100_000);
  let last = -2;
  for (let step = 0; step < 500; step++) {
    found = await shownWhole();
    if (found.row) return found.row;
    if (found.below) {
      await wheel(22);
      continue;
    }
    const lastIndex = Math.max(-1, ...(await list.$$eval('.monaco-list-row', (rows) => rows.map((r) => Number(r.getAttribute('data-index'))))));
    if (lastIndex <= last) return undefined;
    last = lastIndex;
    await wheel(Math.max(22, box.height - 44));
  }
  return undefined;
}

/** The context menu's items of a row (closed again); with `click`, chooses that item instead of closing the menu. */
async function rowContextMenu(page: Page, viewContainerId: string, viewName: string, text: string, click?: string): Promise<string[]> {
  // A menu still open, or a row tooltip left by the last pointer position, would take the click meant for the row.
  // Only a visible one: the container stays in the page hidden, and Escape in the tree would clear its selection.
  if ((await page.locator('.context-view.monaco-menu-container').locator('visible=true').count()) > 0) await page.keyboard.press('Escape');
  await page.mouse.move(0, 0);
  const row = await revealRow(page, viewContainerId, viewName, text);
  if (!row) return [];
  await row.click({ button: 'right' });
  const menu = page.locator('.monaco-menu .action-label');
  await menu.first().waitFor({ timeout: 5000 });
  const items = (await menu.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  if (click && items.includes(click)) await menu.filter({ hasText: click }).first().click();
  else await page.keyboard.press('Escape');
  return items;
}

/** Selects the rows of a view containing each of `texts`, as a user does: a click, then Ctrl+clicks. */
async function selectViewRows(page: Page, viewContainerId: string, viewName: string, texts: string[]): Promise<number> {
  let selected = 0;
  for (const text of texts) {
    // Scrolling with the wheel keeps the selection.
    const row = await revealRow(page, viewContainerId, viewName, text);
    if (!row) continue;
    await row.click({ modifiers: selected ? ['ControlOrMeta'] : [] });
    selected++;
  }
  return selected;
}

/** Hovers the row of a view that contains `text` and returns the hover's text, as the user reads it. */
async function rowTooltip(page: Page, viewContainerId: string, viewName: string, text: string, screenshot?: string): Promise<string> {
  const row = await revealRow(page, viewContainerId, viewName, text);
  if (!row) return '';
  await page.mouse.move(0, 0);
  await row.hover();
  const hover = page.locator('.workbench-hover .hover-contents, .monaco-hover .hover-contents').first();
  await hover.waitFor({ state: 'visible', timeout: 10_000 });
  // A resolved tooltip (resolveTreeItem) replaces the first one: wait until it stops changing.
  let last = '';
  for (let i = 0; i < 20; i++) {
    const now = await hover.innerText();
    if (now === last && now.trim()) break;
    last = now;
    await page.waitForTimeout(150);
  }
  if (screenshot) await page.screenshot({ path: screenshot });
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');
  return last;
}

/**
 * Waits in the page (polling every 5 ms, so a benchmark is not limited by bridge round trips) until a
 * visible row of the view contains all `texts` among at least `minSetSize` siblings; answers the page's clock.
 */
async function waitForViewRow(page: Page, q: { viewContainerId: string; viewName: string; texts: string[]; minSetSize: number; timeoutMs: number }): Promise<number> {
  const handle = await page.waitForFunction(
    ({ container, name, texts, minSetSize }) => {
      // The tests compile without the DOM library: describe the little of it used here.
      interface Node { textContent: string | null; querySelector(s: string): Node | null; querySelectorAll(s: string): Iterable<Node>; getAttribute(a: string): string | null; checkVisibility(): boolean }
      const doc = (globalThis as unknown as { document: Node }).document;
      const panes = [...doc.querySelectorAll(`[id="workbench.view.extension.${container}"] .pane`)];
      const pane = panes.find((p) => p.querySelector('.pane-header .title')?.textContent?.trim().toLowerCase() === name.toLowerCase());
      const rows = pane ? [...pane.querySelectorAll('.monaco-list-row')] : [];
      const found = rows.some((r) => r.checkVisibility() && texts.every((t) => (r.textContent ?? '').includes(t)) && Number(r.getAttribute('aria-setsize') ?? 0) >= minSetSize);
      return found ? Date.now() : 0;
    },
    { container: q.viewContainerId, name: q.viewName, texts: q.texts, minSetSize: q.minSetSize },
    { polling: 5, timeout: q.timeoutMs },
  );
  return (await handle.jsonValue()) as number;
}

/** Waits in the page (polling every 5 ms) until no row of the view contains `text`; answers the page's clock. */
async function waitForViewRowGone(page: Page, q: { viewContainerId: string; viewName: string; text: string; timeoutMs: number }): Promise<number> {
  const handle = await page.waitForFunction(
    ({ container, name, text }) => {
      interface Node { textContent: string | null; querySelector(s: string): Node | null; querySelectorAll(s: string): Iterable<Node> }
      const doc = (globalThis as unknown as { document: Node }).document;
      const panes = [...doc.querySelectorAll(`[id="workbench.view.extension.${container}"] .pane`)];
      const pane = panes.find((p) => p.querySelector('.pane-header .title')?.textContent?.trim().toLowerCase() === name.toLowerCase());
      if (!pane) return 0;
      return [...pane.querySelectorAll('.monaco-list-row')].some((r) => (r.textContent ?? '').includes(text)) ? 0 : Date.now();
    },
    { container: q.viewContainerId, name: q.viewName, text: q.text },
    { polling: 5, timeout: q.timeoutMs },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Keystroke echo latency in the visible terminal, timed in the page itself (so bridge and CDP round trips
 * are not counted): for each key, from its keydown event reaching the page (a capture listener on window,
 * before xterm's own) to the mutation of xterm's DOM renderer rows (terminal.integrated.gpuAcceleration:
 * off) after which the terminal's last line reads `prompt` + the word typed so far. Keys are pressed with
 * playwright's keyboard (trusted key events through CDP), one at a time, each after the previous one
 * echoed; Ctrl-U before every `wordLength` keys keeps the line short (its redraw is awaited, not timed).
 * The DOM renderer writes rows in an animation-frame callback, so each sample includes the wait for the
 * next frame but not the paint that follows that callback.
 */
async function terminalEchoLatency(
  page: Page,
  q: { keys: string; prompt: string; wordLength: number; timeoutMs: number },
): Promise<{ samples: { keydownToRowMs: number; eventTimestampToRowMs: number }[]; renderer: { domRows: number; canvases: string[] } }> {
  const textareas = await page.$$('.xterm-helper-textarea');
  let focused = false;
  for (const t of textareas) {
    if (await t.evaluate((n) => (n as unknown as { offsetParent: unknown }).offsetParent !== null)) {
      await t.focus();
      focused = true;
      break;
    }
  }
  if (!focused) throw new Error('no visible terminal to type into');
  const renderer = await page.evaluate(() => {
    // The tests compile without the DOM library: describe the little of it used here.
    interface El { offsetParent: unknown; className: string; textContent: string | null; children: ArrayLike<El>; querySelectorAll(s: string): ArrayLike<El> }
    interface Echo {
      expected?: string;
      keyAt: number;
      eventAt: number;
      seen?: Promise<number>;
      resolve?: (at: number) => void;
      lastLine(): string;
      check(): void;
    }
    const g = globalThis as unknown as {
      document: El;
      performance: { now(): number };
      addEventListener(type: string, listener: (e: { timeStamp: number }) => void, capture: boolean): void;
      MutationObserver: new (cb: () => void) => { observe(target: El, options: object): void; disconnect(): void };
      __docksideEcho?: Echo & { observer?: { disconnect(): void } };
    };
    const rows = Array.from(g.document.querySelectorAll('.xterm-rows')).find((n) => n.offsetParent !== null);
    // Canvases in the visible terminal, by class: a WebGL text layer would be one; the decoration overview ruler is one anyway.
    const canvases = Array.from(g.document.querySelectorAll('.terminal canvas, .xterm canvas')).filter((n) => n.offsetParent !== null).map((n) => n.className || 'canvas');
    if (!rows) return { domRows: 0, canvases };
    g.__docksideEcho?.observer?.disconnect();
    const echo: Echo & { observer?: { disconnect(): void } } = {
      keyAt: 0,
      eventAt: 0,
      lastLine: () =>
        Array.from(rows.children)
          .map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd())
          .filter(Boolean)
          .pop() ?? '',
      check: () => {
        if (echo.expected === undefined || echo.lastLine() !== echo.expected) return;
        const at = g.performance.now();
        echo.expected = undefined;
        echo.resolve?.(at);
      },
    };
    g.addEventListener('keydown', (e) => {
      const current = g.__docksideEcho;
      if (current?.expected !== undefined && !current.keyAt) {
        current.keyAt = g.performance.now();
        current.eventAt = e.timeStamp;
      }
    }, true);
    const observer = new g.MutationObserver(() => echo.check());
    observer.observe(rows, { childList: true, subtree: true, characterData: true });
    echo.observer = observer;
    g.__docksideEcho = echo;
    return { domRows: rows.children.length, canvases };
  });
  if (!renderer.domRows) throw new Error(`the visible terminal has no DOM renderer rows (canvases: ${renderer.canvases.join(', ')}); is terminal.integrated.gpuAcceleration off?`);

  // Arms the page for a line; resolves in the page once it shows. Separate from the key press so that
  // the observer is surely in place before the key event is dispatched.
  const arm = (expected: string) =>
    page.evaluate((line) => {
      const echo = (globalThis as unknown as { __docksideEcho: { expected?: string; keyAt: number; eventAt: number; seen?: Promise<number>; resolve?: (at: number) => void; check(): void } }).__docksideEcho;
      echo.keyAt = 0;
      echo.eventAt = 0;
      echo.seen = new Promise<number>((resolve) => (echo.resolve = resolve));
      echo.expected = line;
      echo.check();
    }, expected);
  const seen = (timeoutMs: number) =>
    page.evaluate(async (ms) => {
      const echo = (globalThis as unknown as { __docksideEcho: { expected?: string; keyAt: number; eventAt: number; seen: Promise<number>; lastLine(): string } }).__docksideEcho;
      const timer = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms));
      const at = await Promise.race([echo.seen, timer]);
      if (at === undefined) {
        const wanted = echo.expected;
        echo.expected = undefined;
        throw new Error(`the terminal's last line is ${JSON.stringify(echo.lastLine())}, not ${JSON.stringify(wanted)}, after ${ms} ms`);
      }
      return { keyAt: echo.keyAt, eventAt: echo.eventAt, seenAt: at };
    }, timeoutMs);

  const samples: { keydownToRowMs: number; eventTimestampToRowMs: number }[] = [];
  let typed = '';
  for (let i = 0; i < q.keys.length; i++) {
    if (i % q.wordLength === 0) {
      typed = '';
      await arm(q.prompt.trimEnd());
      await page.keyboard.press('Control+U');
      await seen(q.timeoutMs);
    }
    typed += q.keys[i];
    await arm((q.prompt + typed).trimEnd());
    await page.keyboard.press(q.keys[i]);
    const t = await seen(q.timeoutMs);
    if (!t.keyAt) throw new Error(`the terminal showed ${JSON.stringify(typed)} before the key was pressed`);
    samples.push({ keydownToRowMs: t.seenAt - t.keyAt, eventTimestampToRowMs: t.seenAt - t.eventAt });
  }
  await arm(q.prompt.trimEnd());
  await page.keyboard.press('Control+U');
  await seen(q.timeoutMs);
  return { samples, renderer };
}
