// The sample workspace `npm run try` opens works on a machine like CI's: Debian's docker-compose (v1), no
// registry, and VS Code itself served on 127.0.0.1:8080, so the sample must publish another port.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const sample = path.join(repoRoot, 'samples', 'workspace');

function get(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

describe('the sample workspace', function () {
  this.timeout(120_000);
  const project = `dockside-test-sample-${process.pid}`;
  const compose = (...args: string[]) => spawnSync('docker-compose', args, { cwd: sample, encoding: 'utf8', env: { ...process.env, COMPOSE_PROJECT_NAME: project } });

  after(() => compose('down', '--rmi', 'local', '--volumes'));

  it('names its compose project for both compose versions and does not publish the port try serves on', () => {
    assert.match(fs.readFileSync(path.join(sample, '.env'), 'utf8'), /^COMPOSE_PROJECT_NAME=sample$/m);
    const tryPort = /PORT="\$\{DOCKSIDE_TRY_PORT:-(\d+)\}"/.exec(fs.readFileSync(path.join(repoRoot, 'scripts', 'try.sh'), 'utf8'))![1];
    const published = [...fs.readFileSync(path.join(sample, 'compose.yaml'), 'utf8').matchAll(/"127\.0\.0\.1:(\d+):\d+"/g)].map((m) => m[1]);
    assert.ok(published.length > 0, 'the sample publishes its page on loopback');
    assert.ok(!published.includes(tryPort), `the sample publishes ${published.join(', ')}; try serves on ${tryPort}`);
  });

  it('comes up with Debian\'s docker-compose (v1), built offline from the local test image, and serves its page', async function () {
    if (spawnSync('docker-compose', ['version']).status !== 0) this.skip();
    const up = compose('up', '-d', '--build');
    assert.equal(up.status, 0, up.stderr);
    const port = /"127\.0\.0\.1:(\d+):\d+"/.exec(fs.readFileSync(path.join(sample, 'compose.yaml'), 'utf8'))![1];
    let page = '';
    for (let i = 0; i < 50 && !page.includes('Dockside sample'); i++) {
      page = await get(`http://127.0.0.1:${port}/`).catch(() => '');
      if (!page) await new Promise((r) => setTimeout(r, 200));
    }
    assert.match(page, /Hello from the Dockside sample/);
    const labels = execFileSync('docker', ['ps', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Names}}'], { encoding: 'utf8' });
    assert.match(labels, /web/);
  });
});
