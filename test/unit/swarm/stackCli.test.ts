// The docker CLI's environment for stacks (the engine Dockside shows, never another) and the stack command
// lines; the service port syntax of Create Service.
import * as assert from 'node:assert/strict';
import { cliEnvironment, DockerCliMissing, runDockerCli, stackDeployArgs, stackRemoveArgs } from '../../../src/swarm/stackCli';

const endpoint = (extra: object) => ({ label: 'x', host: 'unix:///tmp/e.sock', source: 'setting' as const, tls: false, ...extra });

describe('swarm: stacks through the docker CLI', () => {
  it('points the CLI at the context Dockside shows, or else at its host', () => {
    const byContext = cliEnvironment(endpoint({ contextName: 'prod' }), { DOCKER_HOST: 'tcp://elsewhere:2375', PATH: '/bin' });
    assert.equal(byContext.DOCKER_CONTEXT, 'prod');
    assert.equal(byContext.DOCKER_HOST, undefined);
    const byHost = cliEnvironment(endpoint({}), { DOCKER_CONTEXT: 'other', PATH: '/bin' });
    assert.equal(byHost.DOCKER_HOST, 'unix:///tmp/e.sock');
    assert.equal(byHost.DOCKER_CONTEXT, undefined);
    assert.equal(byHost.PATH, '/bin');
  });

  it('deploys without asking a registry for digests, and removes by name', () => {
    assert.deepEqual(stackDeployArgs('/w/stack.yml', 'web'), ['stack', 'deploy', '--resolve-image', 'never', '-c', '/w/stack.yml', 'web']);
    assert.deepEqual(stackRemoveArgs('web'), ['stack', 'rm', 'web']);
  });

  it('says the CLI is missing when no such command exists', async () => {
    await assert.rejects(runDockerCli(['version'], endpoint({}), undefined, 'dockside-no-such-docker-cli'), DockerCliMissing);
  });
});

describe('swarm: service ports as typed', () => {
  it('reads published:target[/udp] lists and refuses what is not a port', async () => {
    const { parseServicePorts } = await import('../../../src/swarm/servicePorts');
    assert.deepEqual(parseServicePorts('8080:80, 53:53/udp, 9000'), [
      { target: 80, published: 8080, protocol: 'tcp' },
      { target: 53, published: 53, protocol: 'udp' },
      { target: 9000, published: undefined, protocol: 'tcp' },
    ]);
    assert.deepEqual(parseServicePorts(''), []);
    assert.equal(parseServicePorts('80:99999'), undefined);
    assert.equal(parseServicePorts('web'), undefined);
  });
});
