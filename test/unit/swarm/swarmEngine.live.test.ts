// The private swarm the swarm tests run against (issue 17): its own namespace and address, a manager of a
// single-node swarm, the test image loaded locally; the main engine stays outside any swarm.
import * as assert from 'node:assert/strict';
import { SwarmEngine } from '../../support/swarmEngine';
import { testDocker } from '../../support/testEngine';

describe('swarm: the private single-node swarm', function () {
  this.timeout(90_000);
  const swarm = new SwarmEngine(`swarm-u${process.pid}`);

  before(() => swarm.start());
  after(() => swarm.destroy());

  it('is a manager advertising the namespace address, and the main engine is in no swarm', async () => {
    const info = (await swarm.docker.info()) as { Swarm: { LocalNodeState: string; ControlAvailable: boolean; NodeAddr: string } };
    assert.equal(info.Swarm.LocalNodeState, 'active');
    assert.equal(info.Swarm.ControlAvailable, true);
    assert.equal(info.Swarm.NodeAddr, swarm.address);
    const main = (await testDocker().info()) as { Swarm: { LocalNodeState: string } };
    assert.equal(main.Swarm.LocalNodeState, 'inactive');
  });
});
