// The network addressing checks that run before `docker network create` reaches the engine.
import * as assert from 'node:assert/strict';
import { checkAddressing, checkCidr, parseAddress, parseCidr } from '../../../src/manage/cidr';

describe('CIDR validator', () => {
  it('accepts IPv4 and IPv6 network addresses', () => {
    for (const cidr of ['10.176.241.0/24', '192.168.0.0/16', '0.0.0.0/0', '10.0.0.7/32', 'fd00:1::/64', '2001:db8::/32', '::/0']) {
      assert.equal(checkCidr('subnet', cidr), undefined, cidr);
    }
  });

  it('rejects text that is not a CIDR', () => {
    for (const text of ['10.176.241.0', '10.176.241.0/33', '10.176.241/24', '256.1.1.0/24', '10.1.1.0/-1', 'abc/24', '01.2.3.0/24', 'fd00::1::/64', '', '10.0.0.0/24/1']) {
      assert.equal(checkCidr('subnet', text)?.problem, 'notCidr', text);
    }
  });

  it('says which network was meant when host bits are set', () => {
    assert.deepEqual(checkCidr('subnet', '10.176.241.22/24'), { field: 'subnet', problem: 'hostBitsSet', suggestion: '10.176.241.0/24' });
    assert.equal(checkCidr('subnet', 'fd00:1::5/64')?.suggestion, 'fd00:1::/64');
  });

  it('parses addresses of both families', () => {
    assert.equal(parseAddress('10.0.0.1')?.value, 0x0a000001n);
    assert.equal(parseAddress('::1')?.value, 1n);
    assert.equal(parseAddress('fd00::')?.family, 6);
    assert.equal(parseAddress('1:2:3:4:5:6:7:8:9'), undefined);
    assert.equal(parseCidr('10.0.0.0/8')?.prefix, 8);
  });

  it('checks ip-range and gateway against the subnet', () => {
    assert.deepEqual(checkAddressing({ subnet: '10.176.241.0/24', ipRange: '10.176.241.128/25', gateway: '10.176.241.1' }), []);
    assert.deepEqual(checkAddressing({ subnet: '10.176.241.0/24', ipRange: '10.176.0.0/16' }), [{ field: 'ipRange', problem: 'outsideSubnet' }]);
    assert.deepEqual(checkAddressing({ subnet: '10.176.241.0/24', ipRange: '10.176.242.0/25' }), [{ field: 'ipRange', problem: 'outsideSubnet' }]);
    assert.deepEqual(checkAddressing({ subnet: '10.176.241.0/24', gateway: '10.176.242.1' }), [{ field: 'gateway', problem: 'outsideSubnet' }]);
    assert.deepEqual(checkAddressing({ subnet: '10.176.241.0/24', gateway: '10.176.241.1/24' }), [{ field: 'gateway', problem: 'notAddress' }]);
    assert.deepEqual(checkAddressing({ subnet: '10.176.241.0/24', gateway: 'fd00::1' }), [{ field: 'gateway', problem: 'familyMismatch' }]);
    assert.deepEqual(checkAddressing({ subnet: 'fd00:1::/64', gateway: 'fd00:1::1', ipRange: 'fd00:1::/80' }), []);
  });

  it('needs a subnet for an ip-range or gateway, and takes empty fields as not given', () => {
    assert.deepEqual(checkAddressing({ ipRange: '10.0.0.0/24', gateway: '10.0.0.1' }), [
      { field: 'ipRange', problem: 'needsSubnet' },
      { field: 'gateway', problem: 'needsSubnet' },
    ]);
    assert.deepEqual(checkAddressing({ subnet: '', ipRange: ' ', gateway: '' }), []);
    assert.deepEqual(checkAddressing({ subnet: '10.0.0.1/8', gateway: '10.0.0.1' }), [{ field: 'subnet', problem: 'hostBitsSet', suggestion: '10.0.0.0/8' }]);
  });
});
