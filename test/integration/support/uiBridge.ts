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

  /** The welcome texts currently rendered in a view container. */
  welcomeText(viewContainerId: string): Promise<string> {
    return request<string>({ op: 'welcomeText', viewContainerId });
  },

  /** The status bar's text. */
  statusBarText(): Promise<string> {
    return request<string>({ op: 'statusBarText' });
  },

  /** The rows of the open QuickPick, as rendered. */
  quickPickItems(): Promise<string[]> {
    return request<string[]>({ op: 'quickPickItems' });
  },

  /** Presses a key in the page, e.g. 'Escape' or 'Enter' (playwright key names). */
  pressKey(key: string): Promise<boolean> {
    return request<boolean>({ op: 'pressKey', key });
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
