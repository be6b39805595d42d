import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { fingerprint, hostFieldMatches, knownHostsName, parseKnownHosts, verifyHostKey } from '../../../src/engine/ssh/knownHosts';

/** An ssh public key blob: string type, then some key bytes. */
function blob(type: string, fill: number): Buffer {
  const t = Buffer.from(type);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(t.length);
  return Buffer.concat([len, t, Buffer.alloc(32, fill)]);
}

describe('known_hosts', () => {
  const a = blob('ssh-ed25519', 1);
  const b = blob('ssh-ed25519', 2);
  const rsa = blob('ssh-rsa', 3);

  it('names non-22 ports the way ssh writes them', () => {
    assert.equal(knownHostsName('build', 22), 'build');
    assert.equal(knownHostsName('127.0.0.1', 2222), '[127.0.0.1]:2222');
  });

  it('matches plain names, lists, wildcards and negations', () => {
    assert.ok(hostFieldMatches('build,10.0.0.5', 'build'));
    assert.ok(hostFieldMatches('*.example.com', 'ci.example.com'));
    assert.ok(hostFieldMatches('[127.0.0.1]:2222', '[127.0.0.1]:2222'));
    assert.ok(!hostFieldMatches('[127.0.0.1]:2222', '127.0.0.1'));
    assert.ok(!hostFieldMatches('*.example.com,!bad.example.com', 'bad.example.com'));
    assert.ok(!hostFieldMatches('build', 'builder'));
  });

  it('matches hashed names (HashKnownHosts yes)', () => {
    const salt = Buffer.alloc(20, 7);
    const hashed = `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update('build').digest('base64')}`;
    assert.ok(hostFieldMatches(hashed, 'build'));
    assert.ok(!hostFieldMatches(hashed, 'other'));
  });

  it('decides known, changed, unknown and revoked like ssh', () => {
    const entries = parseKnownHosts([
      '# comment',
      `build ssh-ed25519 ${a.toString('base64')}`,
      `other ssh-rsa ${rsa.toString('base64')}`,
      `@revoked * ssh-ed25519 ${blob('ssh-ed25519', 9).toString('base64')}`,
      `@cert-authority *.example.com ssh-ed25519 ${b.toString('base64')}`,
    ].join('\n'), 'known_hosts');
    assert.equal(verifyHostKey(entries, 'build', a).kind, 'known');
    assert.equal(verifyHostKey(entries, 'build', b).kind, 'changed');
    // Known only with another key type: ssh treats the offered type as new.
    assert.equal(verifyHostKey(entries, 'other', a).kind, 'unknown');
    assert.equal(verifyHostKey(entries, 'nobody', a).kind, 'unknown');
    assert.equal(verifyHostKey(entries, 'build', blob('ssh-ed25519', 9)).kind, 'revoked');
    // A CA line is not a host key: it neither vouches for nor contradicts a plain key.
    assert.equal(verifyHostKey(entries, 'ci.example.com', b).kind, 'unknown');
  });

  it('prints fingerprints as ssh-keygen -l does', () => {
    assert.match(fingerprint(a), /^SHA256:[A-Za-z0-9+/]{43}$/);
  });
});
