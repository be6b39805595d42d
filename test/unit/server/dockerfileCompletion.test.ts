// Completion Dockside adds to the language service's: apt-get's words and the host's platform first.
import * as assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-types';
import { completeDockerfileLine, hostPlatform } from '../../../src/server/dockerfileCompletion';

const at = (line: string) => ({ line: 1, character: line.length });
const key = (i: CompletionItem) => i.sortText ?? i.label;
// As VS Code orders them: by sortText, compared as plain strings.
const labels = (items: CompletionItem[]) => [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map((i) => i.label);
const noImages = async () => [];

describe('Dockerfile completion beyond the language service', () => {
  it('offers apt-get subcommands and the options hadolint asks for', async () => {
    const line = 'RUN apt-get ';
    const offered = labels(await completeDockerfileLine([], line, at(line), noImages));
    assert.deepEqual(offered.slice(0, 3), ['install', 'update', 'upgrade']);
    assert.ok(offered.includes('-y') && offered.includes('--no-install-recommends'), offered.join(' '));
  });

  it('offers only the options not yet written after install, also on a continuation line', async () => {
    const line = '    && apt-get install -y --no';
    const items = await completeDockerfileLine([], line, at(line), noImages);
    assert.ok(!labels(items).includes('install') && !labels(items).includes('-y'));
    const recommends = items.find((i) => i.label === '--no-install-recommends')!;
    assert.deepEqual(recommends.textEdit, { range: { start: { line: 1, character: line.length - 4 }, end: at(line) }, newText: '--no-install-recommends' });
  });

  it('offers nothing for apt-get after a package-only subcommand or outside RUN', async () => {
    assert.deepEqual(await completeDockerfileLine([], 'RUN apt-get clean ', at('RUN apt-get clean '), noImages), []);
    assert.deepEqual(await completeDockerfileLine([], 'ENV X="apt-get ', at('ENV X="apt-get '), noImages), []);
  });

  it('puts the host platform first after FROM, instead of the service\'s --platform=arm64', async () => {
    const service: CompletionItem = { label: '--platform=arm64', data: 'FROM_FlagPlatform' };
    const line = 'FROM ';
    const items = await completeDockerfileLine([service], line, at(line), async () => ['alpine:3.20'], 'linux/amd64');
    const offered = labels(items);
    assert.equal(offered[0], '--platform=linux/amd64');
    assert.ok(!offered.includes('--platform=arm64'));
    assert.ok(offered.includes('--platform=linux/arm64') && offered.includes('alpine:3.20'), offered.join(' '));
    assert.equal(labels(await completeDockerfileLine([], 'FROM --pl', at('FROM --pl'), noImages, 'linux/arm64'))[0], '--platform=linux/arm64');
    assert.equal(hostPlatform('x64'), 'linux/amd64');
    assert.equal(hostPlatform('arm64'), 'linux/arm64');
  });
});
