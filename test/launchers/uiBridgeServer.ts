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
  | { op: 'pressKey'; key: string };

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
      return page.$$eval(`[id="workbench.view.extension.${q.viewContainerId}"] .monaco-list-row`, (rows) =>
        rows.map((r) => [r.querySelector('.label-name')?.textContent, r.querySelector('.label-description')?.textContent].filter(Boolean).join(' ')),
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
    case 'pressKey':
      await page.keyboard.press(q.key);
      return true;
    case 'screenshot': {
      const file = path.join(artifacts, `${q.name.replace(/[^\w.-]+/g, '_')}.png`);
      await page.screenshot({ path: file });
      return file;
    }
  }
}
