// The language server and the local engine's images: InvalidBaseImagePlatform fires once the client has
// said what platform the image has (at start or later), and is off while it has said nothing or "none".
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LocalImageInfo } from '../../../src/shared/lintProtocol';
import { LspTestClient } from './lspTestClient';

const text = 'FROM --platform=linux/arm64 dockside-test/busybox:latest\nCMD ["sh"]\n';
const busybox: LocalImageInfo = { reference: 'dockside-test/busybox:latest', os: 'linux', architecture: 'amd64' };
const platformFindings = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'InvalidBaseImagePlatform');

describe('language server: local image platforms', function () {
  this.timeout(30_000);
  let client: LspTestClient | undefined;

  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('reports nothing while the client has named no images, then the finding once it has, and none after "no engine"', async () => {
    client = await LspTestClient.start();
    const uri = 'file:///tmp/lint-local-images/a/Dockerfile';
    client.open(uri, text);
    // The rules have run once DL3029 (--platform in FROM) is there (the first publication may be syntax only).
    const before = await client.diagnostics(uri, (d) => d.some((one) => one.code === 'DL3029'));
    assert.deepEqual(platformFindings(before), []);

    const found = client.nextDiagnostics(uri, (d) => platformFindings(d).length > 0);
    await client.connection.sendNotification('dockside/localImages', { images: [busybox] });
    const [finding] = platformFindings(await found);
    assert.equal(finding.message, 'Base image dockside-test/busybox:latest was pulled with platform "linux/amd64", expected "linux/arm64" for current build.');
    assert.deepEqual(finding.range.start, { line: 0, character: 28 });
    assert.equal(finding.source, 'buildkit');

    const gone = client.nextDiagnostics(uri, (d) => platformFindings(d).length === 0);
    await client.connection.sendNotification('dockside/localImages', { images: [] });
    assert.deepEqual(platformFindings(await gone), []);
  });

  it('uses the images given at initialisation, and ignores malformed entries', async function () {
    // The second image is arm64: a finding only where the server's machine is not.
    if (process.arch === 'arm64') this.skip();
    client = await LspTestClient.start({
      initializationOptions: { localImages: [busybox, { reference: 'other:1' }, 'junk', { reference: 'arm:1', os: 'linux', architecture: 'arm64', variant: 'v8' }] },
    });
    const uri = 'file:///tmp/lint-local-images/b/Dockerfile';
    client.open(uri, `${text}FROM arm:1\n`);
    const diagnostics = await client.diagnostics(uri, (d) => platformFindings(d).length === 2);
    assert.deepEqual(platformFindings(diagnostics).map((d) => d.range.start.line), [0, 2]);
    assert.match(String(platformFindings(diagnostics)[1].message), /platform "linux\/arm64\/v8", expected "linux\/amd64"/);
  });
});
