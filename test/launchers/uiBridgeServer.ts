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
  | { op: 'rowContextMenu'; viewContainerId: string; viewName: string; text: string };

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
      return rowContextMenu(page, q.viewContainerId, q.viewName, q.text);
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
async function rowContextMenu(page: Page, viewContainerId: string, viewName: string, text: string): Promise<string[]> {
  for (const pane of await page.$$(`[id="workbench.view.extension.${viewContainerId}"] .pane`)) {
    const title = await pane.$eval('.pane-header .title', (n) => n.textContent?.trim() ?? '').catch(() => '');
    if (title.toLowerCase() !== viewName.toLowerCase()) continue;
    for (const row of await pane.$$('.monaco-list-row')) {
      if (!(await row.evaluate((r) => (r as unknown as { innerText: string }).innerText)).includes(text)) continue;
      await row.click({ button: 'right' });
      const menu = page.locator('.monaco-menu .action-label');
      await menu.first().waitFor({ timeout: 5000 });
      const items = (await menu.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
      await page.keyboard.press('Escape');
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
