import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { EngineError, apiVersionAtLeast, describeEngineError, toEngineError } from '../../../src/engine/errors';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const zhBundle = JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

function sysError(code: string, syscall = 'connect'): Error {
  return Object.assign(new Error(`${syscall} ${code} /var/run/docker.sock`), { code, syscall, address: '/var/run/docker.sock' });
}

function httpError(statusCode: number, message: string): Error {
  return Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - ${message} `), { statusCode, json: { message } });
}

describe('engine error mapping', () => {
  afterEach(() => l10n.config({ contents: {} }));

  const cases: [string, unknown, string][] = [
    ['a missing socket', sysError('ENOENT'), 'unreachable'],
    ['a refused connection', sysError('ECONNREFUSED'), 'unreachable'],
    ['an unknown host', sysError('ENOTFOUND', 'getaddrinfo'), 'unreachable'],
    ['a socket without permission', sysError('EACCES'), 'permissionDenied'],
    ['a TCP timeout', sysError('ETIMEDOUT'), 'timeout'],
    ['a certificate failure', Object.assign(new Error('self signed'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), 'tlsFailure'],
    ['a 404', httpError(404, 'No such container: abc'), 'notFound'],
    ['a 409', httpError(409, 'Conflict. The container name "/web" is already in use'), 'conflict'],
    ['an old engine', httpError(400, 'client version 1.43 is too new. Maximum supported API version is 1.39'), 'apiTooOld'],
    ['a 500', httpError(500, 'driver failed programming external connectivity'), 'engineFailure'],
    ['an abort', Object.assign(new Error('The operation was aborted'), { name: 'AbortError' }), 'cancelled'],
    ['something else', new Error('weird'), 'engineFailure'],
  ];
  for (const [what, error, code] of cases) {
    it(`maps ${what} to ${code}`, () => assert.equal(toEngineError(error, 'unix:///var/run/docker.sock').code, code));
  }

  it('keeps an EngineError as it is and the original error as the cause', () => {
    const original = sysError('ENOENT');
    const mapped = toEngineError(original, 'unix:///x.sock');
    assert.equal(mapped.details.cause, original);
    assert.equal(toEngineError(mapped), mapped);
  });

  it('says in one English sentence what happened and what to do', () => {
    const where = 'unix:///var/run/docker.sock';
    assert.equal(
      describeEngineError(toEngineError(sysError('ENOENT'), where)),
      'No Docker engine answers at unix:///var/run/docker.sock. Start Docker, or choose another engine in the Dockside settings.',
    );
    const denied = describeEngineError(toEngineError(sysError('EACCES'), where));
    assert.match(denied, /^Permission denied on unix:\/\/\/var\/run\/docker\.sock\./);
    assert.match(denied, /usermod -aG docker/);
    assert.match(denied, /rootless/);
    assert.equal(describeEngineError(toEngineError(httpError(409, 'name in use'))), 'The engine refused because of a conflict: name in use');
    assert.equal(describeEngineError(toEngineError(httpError(404, 'No such image: x'))), 'The engine no longer has it: No such image: x');
    assert.equal(
      describeEngineError(toEngineError(httpError(400, 'client version 1.43 is too new. Maximum supported API version is 1.39'))),
      'The engine speaks Docker API 1.39, but Dockside needs 1.40 or newer. Upgrade Docker on that machine.',
    );
    assert.equal(
      describeEngineError(new EngineError('timeout', 'slow', { endpoint: 'tcp://h:2375', timeoutMs: 15000 })),
      'The Docker engine at tcp://h:2375 did not answer within 15 seconds.',
    );
    assert.match(describeEngineError(new EngineError('contextNotFound', 'x', { context: 'prod' })), /docker context "prod" does not exist/);
  });

  it('says the same in Simplified Chinese with the Chinese bundle', () => {
    l10n.config({ contents: zhBundle });
    const sentence = describeEngineError(toEngineError(sysError('ENOENT'), 'unix:///var/run/docker.sock'));
    assert.equal(sentence, 'unix:///var/run/docker.sock 上没有 Docker 引擎响应。请启动 Docker，或在 Dockside 设置中选择其他引擎。');
    assert.match(describeEngineError(toEngineError(sysError('EACCES'), '/s')), /没有访问 \/s 的权限.*usermod -aG docker/);
    for (const code of ['timeout', 'notFound', 'conflict', 'apiTooOld', 'contextNotFound', 'tlsFailure', 'cancelled', 'engineFailure'] as const) {
      const text = describeEngineError(new EngineError(code, 'detail', { endpoint: 'e', context: 'c', engineMessage: 'm', timeoutMs: 1000, apiVersion: '1.30' }));
      assert.match(text, /[\u4e00-\u9fff]/, `${code} has a Chinese sentence: ${text}`);
    }
  });

  it('compares API versions numerically', () => {
    assert.ok(apiVersionAtLeast('1.41', '1.40'));
    assert.ok(apiVersionAtLeast('1.40', '1.40'));
    assert.ok(!apiVersionAtLeast('1.9', '1.40'));
    assert.ok(apiVersionAtLeast('2.0', '1.40'));
  });
});
