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
  | { op: 'selectViewRows'; viewContainerId: string; viewName: string; texts: string[] }
  | { op: 'dragTabToViewRow'; tab: string; viewContainerId: string; viewName: string; text: string };

/**
 * A tree's own rows. Sticky scroll pins copies of the parents of the first rows shown on top of the list, as
 * `.monaco-list-row`s with the same data-index, and does not always render them again when the row changes:
 * read, they would be stale duplicates (a root still saying "connecting…" after it failed).
 */
const TREE_ROWS = '.monaco-list-row:not(.monaco-tree-sticky-row)';

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
      return page.$$eval(`[id="workbench.view.extension.${q.viewContainerId}"] ${TREE_ROWS}`, (rows) =>
        rows.filter((r) => (r as unknown as { checkVisibility(): boolean }).checkVisibility()).map((r) => [r.querySelector('.label-name')?.textContent, r.querySelector('.label-description')?.textContent].filter(Boolean).join(' ')),
      );
    case 'welcomeText':
      return page.$$eval(`[id="workbench.view.extension.${q.viewContainerId}"] .welcome-view-content`, (nodes) =>
        nodes.map((n) => (n as unknown as { innerText: string }).innerText).join('\n'),
      );
    case 'statusBarText':
      return page.$eval('[id="workbench.parts.statusbar"]', (n) => (n as unknown as { innerText: string }).innerText);
    case 'quickPickItems':
      // Visible rows only: a closed QuickPick leaves its rows in the page, hidden.
      return page.$$eval('.quick-input-widget .monaco-list-row', (rows) =>
        rows.filter((r) => (r as unknown as { checkVisibility(): boolean }).checkVisibility()).map((r) => (r as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ').trim()),
      );
    case 'waitForViewRow':
      return waitForViewRow(page, q);
    case 'viewRows':
      return (await allViewRows(page, q.viewContainerId, q.viewName)).map((r) => [r.label, r.description].filter(Boolean).join(' '));
    case 'clickViewRow': {
      const row = await revealRow(page, q.viewContainerId, q.viewName, q.text);
      if (!row) return false;
      await row.click();
      return true;
    }
    case 'dragTabToViewRow': {
      // A user's drag: press on the editor tab, move over the row, let go (the page sees real drag events).
      const tab = await page.$(`.tabs-container .tab[aria-label*="${q.tab.replace(/"/g, '\\"')}"]`);
      const row = await revealRow(page, q.viewContainerId, q.viewName, q.text);
      const from = await tab?.boundingBox();
      const to = await row?.boundingBox();
      if (!from || !to) return false;
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      for (let step = 1; step <= 10; step++) await page.mouse.move(from.x + ((to.x + 40 - from.x) * step) / 10, from.y + ((to.y + to.height / 2 - from.y) * step) / 10);
      // Let go once the tree marks the row as the drop target (it does on its own dragover).
      await page.waitForSelector('.monaco-list-row.drop-target', { timeout: 5000 }).catch(() => undefined);
      await page.mouse.up();
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
      // Accepts the first visible QuickPick row whose text contains `text`, as a click does (a closed pick
      // leaves its rows in the page, hidden).
      return clickRowContaining(await page.$$('.quick-input-widget .monaco-list-row:visible'), q.text);
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
    list.$$eval(TREE_ROWS, (nodes) =>
      nodes.map((r) => ({
        index: Number(r.getAttribute('data-index')),
        label: r.querySelector('.label-name')?.textContent ?? '',
        description: r.querySelector('.label-description')?.textContent ?? '',
        icon: /codicon-([\w~-]+)/.exec(r.querySelector('.custom-view-tree-node-item-icon')?.className ?? '')?.[1] ?? '',
        level: Number(r.getAttribute('aria-level') ?? 1),
        lastOfParent: r.hasAttribute('aria-posinset') && r.getAttribute('aria-posinset') === r.getAttribute('aria-setsize'),
      })),
    );
  const lastIndexOf = (seen: readonly { index: number }[]) => Math.max(-1, ...seen.map((r) => r.index));
  for (let i = 0; i < 40; i++) {
    await page.mouse.wheel(0, -100_000);
    const top = await read();
    if (top.every((r) => r.index !== 0) && top.length) continue;
    break;
  }
  // Scrolled to the end when the last row rendered is the last child of its parent at every level up to
  // the roots (the tree's aria-posinset and aria-setsize say so). Failing that, when wheel steps show no row
  // further down for a while: on a loaded machine the list can take longer than a frame to render a step,
  // and a repaint of the tree (an engine retrying) can put the scroll position back.
  let last = -2;
  let stalled = 0;
  for (let step = 0; step < 500 && stalled < 12; step++) {
    const seen = await read();
    for (const r of seen) rows.set(r.index, { label: r.label, description: r.description, icon: r.icon, level: r.level });
    if (!seen.length || endReached(seen)) break;
    const lastIndex = lastIndexOf(seen);
    stalled = lastIndex > last ? 0 : stalled + 1;
    last = Math.max(last, lastIndex);
    await page.mouse.wheel(0, Math.max(22, box.height - 44));
    await page.waitForTimeout(stalled ? 100 : 50);
  }
  // Back to the top, and the pointer off the list (a row's hover would cover what the test reads next).
  if (last > 0) await page.mouse.wheel(0, -100_000);
  await page.mouse.move(0, 0);
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
}

/**
 * Whether the last of these rendered rows is the tree's last row: the last child of its parent, whose parent
 * is the last child of its own, up to the roots. Unknown (false) when an ancestor is not rendered.
 */
function endReached(seen: readonly { index: number; level: number; lastOfParent: boolean }[]): boolean {
  const byIndex = [...seen].sort((a, b) => b.index - a.index);
  const final = byIndex[0];
  if (!final?.lastOfParent) return false;
  let level = final.level;
  for (const row of byIndex.slice(1)) {
    if (level === 1) break;
    if (row.level >= level) continue;
    if (!row.lastOfParent) return false;
    level = row.level;
  }
  return level === 1;
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
 * The row of a view that `text` names, scrolled whole into the pane: the list renders only the rows on screen,
 * and a short pane (six views share the sidebar) hides most of them; a row cut by the pane's edge would send a
 * click to the next pane's header. The row whose label is `text` wins, else the first row containing it (a
 * compose project's name is also part of its containers' names), so the whole list is read from the top.
 */
async function revealRow(page: Page, viewContainerId: string, viewName: string, text: string): Promise<ElementHandle | undefined> {
  const pane = await findPane(page, viewContainerId, viewName);
  const list = await pane?.$('.monaco-list');
  const box = await list?.boundingBox();
  if (!list || !box) return undefined;
  // The list's own rows (not the copies sticky scroll lays over the top of a scrolled tree).
  const rendered = () =>
    list.$$eval('.monaco-list-rows > .monaco-list-row', (rows) =>
      rows.map((r) => ({ index: Number(r.getAttribute('data-index')), label: (r.querySelector('.label-name')?.textContent ?? '').trim(), text: (r as unknown as { innerText: string }).innerText })),
    );
  const wheel = async (dy: number) => {
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 20));
    await page.mouse.wheel(0, dy);
    await page.waitForTimeout(50);
  };
  const pageStep = Math.max(22, box.height - 44);
  for (let attempt = 0; attempt < 3; attempt++) {
    // Which row: read the list from the top to its end, or until a row is labelled `text`.
    let rows = await rendered();
    let best: { index: number; exact: boolean } | undefined;
    const consider = () => {
      for (const r of rows) {
        if (!r.text.includes(text)) continue;
        const exact = r.label === text;
        if (!best || (exact && !best.exact) || (exact === best.exact && r.index < best.index)) best = { index: r.index, exact };
      }
    };
    for (let i = 0; i < 40 && rows.length > 0 && !rows.some((r) => r.index === 0); i++) {
      await wheel(-100_000);
      rows = await rendered();
    }
    let last = -2;
    for (let step = 0; step < 500; step++) {
      consider();
      const lastIndex = Math.max(-1, ...rows.map((r) => r.index));
      if (best?.exact || lastIndex <= last) break;
      last = lastIndex;
      await wheel(pageStep);
      rows = await rendered();
    }
    const wanted = best;
    if (!wanted) {
      await page.mouse.move(0, 0);
      return undefined;
    }
    // Bring it whole into the pane.
    for (let step = 0; step < 500; step++) {
      rows = await rendered();
      const indices = rows.map((r) => r.index);
      if (wanted.index < Math.min(...indices)) {
        await wheel(-pageStep);
        continue;
      }
      if (wanted.index > Math.max(...indices)) {
        await wheel(pageStep);
        continue;
      }
      const row = await list.$(`.monaco-list-rows > .monaco-list-row[data-index="${wanted.index}"]`);
      const b = await row?.boundingBox();
      if (!row || !b) break;
      if (b.y < box.y - 0.5) await wheel(-22);
      else if (b.y + b.height > box.y + box.height + 0.5) await wheel(22);
      else {
        await page.mouse.move(0, 0);
        // The tree may have changed while it scrolled: find the row again when it no longer shows `text`.
        if ((await rowText(row)).includes(text)) return row;
        break;
      }
    }
  }
  await page.mouse.move(0, 0);
  return undefined;
}

/** The row's text now: a tree re-rendered by an engine event may reuse the element for another item. */
function rowText(row: ElementHandle): Promise<string> {
  return row.evaluate((r) => (r as unknown as { innerText: string }).innerText).catch(() => '');
}

/**
 * The context menu's items of a row (closed again); with `click`, chooses that item instead of closing the
 * menu. The menu counts only when it belongs to the row: right after it opens, the row must still show `text`
 * and be the tree's focused row (a re-render between finding the row and the click can hand the click to
 * another item); otherwise the menu is closed and the row found again, three times at most.
 */
async function rowContextMenu(page: Page, viewContainerId: string, viewName: string, text: string, click?: string): Promise<string[]> {
  for (let attempt = 0; attempt < 3; attempt++) {
    // A menu still open, or a row tooltip left by the last pointer position, would take the click meant for the row.
    // Only a visible one: the container stays in the page hidden, and Escape in the tree would clear its selection.
    if ((await page.locator('.context-view.monaco-menu-container').locator('visible=true').count()) > 0) await page.keyboard.press('Escape');
    await page.mouse.move(0, 0);
    const row = await revealRow(page, viewContainerId, viewName, text);
    if (!row) return [];
    await row.click({ button: 'right' });
    const menu = page.locator('.monaco-menu .action-label');
    await menu.first().waitFor({ timeout: 5000 });
    const own = (await rowText(row)).includes(text) && (await row.evaluate((r) => (r as unknown as { classList: { contains(c: string): boolean } }).classList.contains('focused')).catch(() => false));
    if (!own) {
      await page.keyboard.press('Escape');
      continue;
    }
    const items = (await menu.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    if (click && items.includes(click)) await chooseMenuItem(page, click, items.length);
    else await page.keyboard.press('Escape');
    return items;
  }
  return [];
}

/**
 * Chooses an item of the open context menu with the keyboard, as a user can: a mouse click right after the
 * menu opened is sometimes dropped by the menu (it guards against the right button's release), leaving it open.
 */
async function chooseMenuItem(page: Page, item: string, count: number): Promise<void> {
  const focused = () => page.locator('.monaco-menu .action-item.focused .action-label').first().innerText({ timeout: 1000 }).then((t) => t.trim(), () => '');
  for (let i = 0; i <= count && (await focused()) !== item; i++) await page.keyboard.press('ArrowDown');
  if ((await focused()) === item) await page.keyboard.press('Enter');
  else await page.locator('.monaco-menu .action-label').filter({ hasText: item }).first().click();
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

/**
 * Hovers the row of a view that contains `text` and returns the hover's text, as the user reads it. A hover
 * left by an earlier pointer position (scrolling a list passes over rows) is closed first, and a hover that
 * does not name `text` is taken for another row's: the row is hovered again, three times at most.
 */
async function rowTooltip(page: Page, viewContainerId: string, viewName: string, text: string, screenshot?: string): Promise<string> {
  const hover = page.locator('.workbench-hover .hover-contents, .monaco-hover .hover-contents').first();
  let last = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    // Not Escape: in the tree it would clear a selection the test made.
    await page.mouse.move(0, 0);
    await hover.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
    const row = await revealRow(page, viewContainerId, viewName, text);
    if (!row) return '';
    await row.hover();
    await hover.waitFor({ state: 'visible', timeout: 10_000 });
    // A resolved tooltip (resolveTreeItem) replaces the first one: wait until it stops changing.
    last = '';
    for (let i = 0; i < 20; i++) {
      const now = await hover.innerText();
      if (now === last && now.trim()) break;
      last = now;
      await page.waitForTimeout(150);
    }
    if (last.includes(text) || attempt === 2) break;
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
    ({ container, name, texts, minSetSize, rowsSelector }) => {
      // The tests compile without the DOM library: describe the little of it used here.
      interface Node { textContent: string | null; querySelector(s: string): Node | null; querySelectorAll(s: string): Iterable<Node>; getAttribute(a: string): string | null; checkVisibility(): boolean }
      const doc = (globalThis as unknown as { document: Node }).document;
      const panes = [...doc.querySelectorAll(`[id="workbench.view.extension.${container}"] .pane`)];
      const pane = panes.find((p) => p.querySelector('.pane-header .title')?.textContent?.trim().toLowerCase() === name.toLowerCase());
      const rows = pane ? [...pane.querySelectorAll(rowsSelector)] : [];
      const found = rows.some((r) => r.checkVisibility() && texts.every((t) => (r.textContent ?? '').includes(t)) && Number(r.getAttribute('aria-setsize') ?? 0) >= minSetSize);
      return found ? Date.now() : 0;
    },
    { container: q.viewContainerId, name: q.viewName, texts: q.texts, minSetSize: q.minSetSize, rowsSelector: TREE_ROWS },
    { polling: 5, timeout: q.timeoutMs },
  );
  return (await handle.jsonValue()) as number;
}

/** Waits in the page (polling every 5 ms) until no row of the view contains `text`; answers the page's clock. */
async function waitForViewRowGone(page: Page, q: { viewContainerId: string; viewName: string; text: string; timeoutMs: number }): Promise<number> {
  const handle = await page.waitForFunction(
    ({ container, name, text, rowsSelector }) => {
      interface Node { textContent: string | null; querySelector(s: string): Node | null; querySelectorAll(s: string): Iterable<Node> }
      const doc = (globalThis as unknown as { document: Node }).document;
      const panes = [...doc.querySelectorAll(`[id="workbench.view.extension.${container}"] .pane`)];
      const pane = panes.find((p) => p.querySelector('.pane-header .title')?.textContent?.trim().toLowerCase() === name.toLowerCase());
      if (!pane) return 0;
      return [...pane.querySelectorAll(rowsSelector)].some((r) => (r.textContent ?? '').includes(text)) ? 0 : Date.now();
    },
    { container: q.viewContainerId, name: q.viewName, text: q.text, rowsSelector: TREE_ROWS },
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
