// A failed pull in one sentence: what the engine's own message means and what to do.
import * as assert from 'node:assert/strict';
import { EngineError } from '../../../src/engine/errors';
import { pullFailureWords } from '../../../src/registries/pullFailureWords';

const failure = (engineMessage: string) => new EngineError('engineFailure', engineMessage, { engineMessage });

describe('pull failure words', () => {
  it('says the engine cannot reach a registry when it has no route', () => {
    for (const message of [
      'Get "https://registry.invalid/v2/": dial tcp: lookup registry.invalid on 10.0.0.53:53: dial udp 10.0.0.53:53: connect: network is unreachable',
      'Get "https://registry.invalid/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
      'Get "https://registry.invalid/v2/": dial tcp 10.0.0.1:443: i/o timeout',
    ]) {
      assert.match(pullFailureWords('redis:7.4', failure(message)), /^The engine cannot reach a registry to pull redis:7\.4/, message);
    }
  });

  it('tells a refused repository and a missing tag apart from the rest', () => {
    assert.match(pullFailureWords('nope:1', failure('pull access denied for nope, repository does not exist or may require \'docker login\'')), /needs a login, or the repository does not exist/);
    assert.match(pullFailureWords('redis:99', failure('manifest for redis:99 not found: manifest unknown: manifest unknown')), /has no redis:99/);
    assert.equal(pullFailureWords('x:1', failure('disk quota exceeded')), 'Could not pull x:1: disk quota exceeded');
  });
});
