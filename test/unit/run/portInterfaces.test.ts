// The Run form's interfaces switch: ports bound to 127.0.0.1 or to every interface, line by line.
import * as assert from 'node:assert/strict';
import { publishesOnAllInterfaces, publishPortsOn } from '../../../src/models/run/portInterfaces';
import { parsePortSpec } from '../../../src/models/run/runOptions';

describe('port interfaces', () => {
  const typed = ['8080:80', '127.0.0.1:6379:6379', '0.0.0.0:9200:9200', '[::]:53:53/udp', '[::1]:8443:443', '5432', '127.0.0.1::9000', '7000-7002:7000-7002/udp', 'not a port'];

  it('binds every well-formed port to 127.0.0.1, keeping ports, ranges and protocols', () => {
    assert.deepEqual(publishPortsOn(typed, 'loopback'), [
      '127.0.0.1:8080:80', '127.0.0.1:6379:6379', '127.0.0.1:9200:9200', '127.0.0.1:53:53/udp', '127.0.0.1:8443:443',
      '127.0.0.1::5432', '127.0.0.1::9000', '127.0.0.1:7000-7002:7000-7002/udp', 'not a port',
    ]);
  });

  it('binds every well-formed port to 0.0.0.0 for all interfaces', () => {
    const all = publishPortsOn(typed, 'all');
    assert.deepEqual(all.slice(0, 3), ['0.0.0.0:8080:80', '0.0.0.0:6379:6379', '0.0.0.0:9200:9200']);
    assert.equal(all[5], '0.0.0.0::5432');
    for (const line of all.slice(0, -1)) {
      const specs = parsePortSpec(line);
      assert.ok(!('error' in specs) && specs.every((s) => s.hostIp === '0.0.0.0'), line);
    }
  });

  it('says whether other machines can reach a port', () => {
    assert.equal(publishesOnAllInterfaces(['127.0.0.1:6379:6379', '[::1]:80:80']), false);
    assert.equal(publishesOnAllInterfaces(['127.0.0.1:6379:6379', '8080:80']), true, 'no address is every interface');
    assert.equal(publishesOnAllInterfaces(['0.0.0.0:80:80']), true);
    assert.equal(publishesOnAllInterfaces(['[::]:53:53/udp']), true);
    assert.equal(publishesOnAllInterfaces(['not a port']), false);
    assert.equal(publishesOnAllInterfaces(undefined), false);
    assert.equal(publishesOnAllInterfaces(publishPortsOn(['8080:80'], 'loopback')), false);
  });
});
