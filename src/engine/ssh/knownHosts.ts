// OpenSSH's known_hosts check, for ssh:// engines: the same answer `ssh` gives (sshd(8) "SSH_KNOWN_HOSTS
// FILE FORMAT"). ssh2 leaves host keys to the caller, and no maintained npm package reads known_hosts with
// hashed names, patterns, [host]:port and @revoked, so this small reader is our own.
import { createHash, createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface KnownHostEntry {
  readonly marker?: '@revoked' | '@cert-authority';
  /** The host field as written: comma-separated patterns, or one hashed name `|1|salt|hash`. */
  readonly hosts: string;
  readonly keyType: string;
  /** The key blob, base64 as in the file. */
  readonly key: string;
  readonly file: string;
  readonly line: number;
}

export type HostKeyVerdict =
  | { readonly kind: 'known'; readonly entry: KnownHostEntry }
  | { readonly kind: 'revoked'; readonly entry: KnownHostEntry }
  /** The host is known with another key of the same type: refuse, like ssh's "REMOTE HOST IDENTIFICATION HAS CHANGED". */
  | { readonly kind: 'changed'; readonly entry: KnownHostEntry }
  | { readonly kind: 'unknown' };

/** The name ssh looks up: `host` on port 22, `[host]:port` elsewhere. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** `SHA256:…` as `ssh-keygen -l` prints it. */
export function fingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type written at the start of an ssh public key blob (`ssh-ed25519`, `ecdsa-sha2-nistp256`, …). */
export function keyTypeOf(keyBlob: Buffer): string {
  if (keyBlob.length < 4) return '';
  const length = keyBlob.readUInt32BE(0);
  return keyBlob.subarray(4, 4 + length).toString('latin1');
}

export function parseKnownHosts(text: string, file: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    let marker: KnownHostEntry['marker'];
    if (fields[0] === '@revoked' || fields[0] === '@cert-authority') marker = fields.shift() as KnownHostEntry['marker'];
    if (fields.length < 3) return;
    entries.push({ marker, hosts: fields[0]!, keyType: fields[1]!, key: fields[2]!, file, line: index + 1 });
  });
  return entries;
}

/** True when `name` (as from knownHostsName) matches the host field of an entry. */
export function hostFieldMatches(hosts: string, name: string): boolean {
  if (hosts.startsWith('|1|')) {
    const [, , salt, hash] = hosts.split('|');
    if (!salt || !hash) return false;
    const mac = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
    return mac === hash;
  }
  let matched = false;
  for (const pattern of hosts.split(',')) {
    const negated = pattern.startsWith('!');
    if (globMatches(negated ? pattern.slice(1) : pattern, name)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}

function globMatches(pattern: string, name: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return regex.test(name);
}

/** What ssh would decide for this key offered by this host, given these entries. */
export function verifyHostKey(entries: readonly KnownHostEntry[], name: string, keyBlob: Buffer): HostKeyVerdict {
  const offered = keyBlob.toString('base64');
  const type = keyTypeOf(keyBlob);
  const forHost = entries.filter((e) => e.marker !== '@cert-authority' && hostFieldMatches(e.hosts, name));
  const revoked = entries.find((e) => e.marker === '@revoked' && e.key === offered);
  if (revoked) return { kind: 'revoked', entry: revoked };
  const known = forHost.find((e) => !e.marker && e.key === offered);
  if (known) return { kind: 'known', entry: known };
  const changed = forHost.find((e) => !e.marker && e.keyType === type);
  if (changed) return { kind: 'changed', entry: changed };
  return { kind: 'unknown' };
}

export function readKnownHosts(files: readonly string[]): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    entries.push(...parseKnownHosts(text, file));
  }
  return entries;
}

/** Adds the accepted key the way ssh does after "yes" (plain name; ssh hashes only with HashKnownHosts). */
export function appendKnownHost(file: string, name: string, keyBlob: Buffer): void {
  const line = `${name} ${keyTypeOf(keyBlob)} ${keyBlob.toString('base64')}\n`;
  let prefix = '';
  try {
    const existing = fs.readFileSync(file, 'utf8');
    if (existing && !existing.endsWith('\n')) prefix = '\n';
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  }
  fs.appendFileSync(file, prefix + line, { mode: 0o600 });
}
