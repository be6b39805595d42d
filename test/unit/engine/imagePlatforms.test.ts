// The local images' platforms for the Dockerfile linter: the inspect → per-tag mapping, and the listing
// against the real engine (the test image is built here, so it has this machine's platform).
import * as assert from 'node:assert/strict';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint } from '../../../src/engine/connection';
import { imagePlatformsOf, LocalImagePlatforms } from '../../../src/engine/imagePlatforms';
import { TEST_IMAGE } from '../../support/testEngine';

const goArch: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', s390x: 's390x', ppc64: 'ppc64le' };

describe('image platforms for the linter', () => {
  it('gives every repo tag of an image its OS, architecture, variant and environment', () => {
    const inspect = { Os: 'linux', Architecture: 'arm', Variant: 'v7', Config: { Env: ['PATH=/bin'], Shell: ['/bin/ash', '-c'] } };
    assert.deepEqual(imagePlatformsOf(['a:1', 'registry.local:5000/a:2'], inspect), [
      { reference: 'a:1', os: 'linux', architecture: 'arm', variant: 'v7', env: ['PATH=/bin'], shell: true },
      { reference: 'registry.local:5000/a:2', os: 'linux', architecture: 'arm', variant: 'v7', env: ['PATH=/bin'], shell: true },
    ]);
  });

  it('says an image without Env has an empty environment, and leaves out what the engine does not say', () => {
    assert.deepEqual(imagePlatformsOf(['b:1'], { Os: 'linux', Architecture: 'amd64', Config: { Env: null, Shell: null } }),
      [{ reference: 'b:1', os: 'linux', architecture: 'amd64', env: [] }]);
    assert.deepEqual(imagePlatformsOf(['c:1'], { Os: 'windows', Architecture: 'amd64' }), [{ reference: 'c:1', os: 'windows', architecture: 'amd64' }]);
  });

  it('gives nothing for dangling tags or an image of unknown platform', () => {
    assert.deepEqual(imagePlatformsOf(['<none>:<none>'], { Os: 'linux', Architecture: 'amd64' }), []);
    assert.deepEqual(imagePlatformsOf(['d:1'], { Os: '', Architecture: 'amd64' }), []);
  });

  it('lists the local test image with this machine\'s platform, inspecting each image once (live engine)', async () => {
    const client = new EngineClient(resolveEndpoint({ env: { DOCKER_HOST: 'unix:///var/run/docker.sock' } }));
    try {
      const inspected: string[] = [];
      const getImage = client.docker.getImage.bind(client.docker);
      client.docker.getImage = (id: string) => {
        inspected.push(id);
        return getImage(id);
      };
      const platforms = new LocalImagePlatforms(client);
      const first = await platforms.list();
      const test = first.find((image) => image.reference === TEST_IMAGE);
      assert.ok(test, `${TEST_IMAGE} is listed`);
      assert.equal(test.os, 'linux');
      assert.equal(test.architecture, goArch[process.arch] ?? process.arch);
      assert.ok(test.env?.some((entry) => entry.startsWith('PATH=')) ?? true);
      const count = inspected.length;
      assert.ok(count > 0);
      await platforms.list();
      assert.equal(inspected.length, count, 'a second listing inspects no image again');
    } finally {
      client.close();
    }
  });
});
