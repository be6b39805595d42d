// A read-edit-write of a swarm object is tried again when the version it read went stale ("update out of
// sequence": the orchestrator bumps versions as it converges), and never for any other refusal.
import * as assert from 'node:assert/strict';
import { atCurrentVersion } from '../../../src/engine/swarm';

const outOfSequence = () => Object.assign(new Error('(HTTP code 500) server error'), { engineMessage: 'rpc error: code = Unknown desc = update out of sequence' });

describe('swarm: changes at the current version', () => {
  it('applies the edit again to a fresh read while the version read went stale', async () => {
    let calls = 0;
    await atCurrentVersion(async () => {
      calls++;
      if (calls < 3) throw outOfSequence();
    });
    assert.equal(calls, 3);
  });

  it('gives up after three stale versions with the engine\'s refusal', async () => {
    let calls = 0;
    await assert.rejects(atCurrentVersion(async () => {
      calls++;
      throw outOfSequence();
    }), /server error/);
    assert.equal(calls, 3);
  });

  it('does not try again for another refusal', async () => {
    let calls = 0;
    await assert.rejects(atCurrentVersion(async () => {
      calls++;
      throw Object.assign(new Error('conflict'), { engineMessage: 'name conflicts with an existing object' });
    }), /conflict/);
    assert.equal(calls, 1);
  });
});
