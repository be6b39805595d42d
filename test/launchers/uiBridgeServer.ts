// The launcher's side of test/integration/support/uiBridge.ts: answers questions about the page on a
// loopback HTTP port, while the extension host is alive.
import * as http from 'node:http';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

type Query =
  | { op: 'treeRows'; viewContainerId: string }
  | { op: 'welcomeText'; viewContainerId: string }
  | { op: 'statusBarText' }
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

  | { op: 'terminalEchoLatency'; keys: string; prompt: string; wordLength: number; timeoutMs: number };

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
      const rows = await page.$$(`[id="workbench.view.extension.${q.viewContainerId}"] .pane`);
      for (const pane of rows) {
        const title = await pane.$eval('.pane-header .title', (n) => n.textContent?.trim() ?? '').catch(() => '');
        if (title.toLowerCase() !== q.viewName.toLowerCase()) continue;
        for (const row of await pane.$$('.monaco-list-row')) {
          const text = await row.evaluate((r) => (r as unknown as { innerText: string }).innerText);
          if (text.includes(q.text)) {
            await row.click();
            return true;
          }
        }
      }
      return false;
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

/** The text of an element while it is visible; '' once the widget holding it is hidden. */
function visibleText(page: Page, selector: string): Promise<string> {
  return page
    .$eval(selector, (n) => ((n as unknown as { checkVisibility(): boolean }).checkVisibility() ? (n as unknown as { innerText: string }).innerText.trim() : ''))
    .catch(() => '');
}

/** Right-clicks the row of a view that contains `text`, reads the context menu's items, and closes it. */
/** The context menu's items of a row; with `click`, chooses that item instead of closing the menu. */
async function rowContextMenu(page: Page, viewContainerId: string, viewName: string, text: string, click?: string): Promise<string[]> {
  // A menu still open, or a row tooltip left by the last pointer position, would take the click meant for the row.
  if ((await page.locator('.context-view.monaco-menu-container').count()) > 0) await page.keyboard.press('Escape');
  await page.mouse.move(0, 0);
  for (const pane of await page.$$(`[id="workbench.view.extension.${viewContainerId}"] .pane`)) {
    const title = await pane.$eval('.pane-header .title', (n) => n.textContent?.trim() ?? '').catch(() => '');
    if (title.toLowerCase() !== viewName.toLowerCase()) continue;
    for (const row of await pane.$$('.monaco-list-row')) {
      if (!(await row.evaluate((r) => (r as unknown as { innerText: string }).innerText)).includes(text)) continue;
      await row.click({ button: 'right' });
      const menu = page.locator('.monaco-menu .action-label');
      await menu.first().waitFor({ timeout: 5000 });
      const items = (await menu.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
      if (click && items.includes(click)) await menu.filter({ hasText: click }).first().click();
      else await page.keyboard.press('Escape');
      return items;
    }
  }
  return [];
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
