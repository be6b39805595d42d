// Kernel switches read from /proc/sys (per network namespace for net.*: the reader's namespace decides).
import * as path from 'node:path';
import type { HostAccess } from './hostAccess';

/** "1\n" → true, "0" → false; anything else → undefined. */
export function parseSysctlFlag(text: string | undefined): boolean | undefined {
  const value = text?.trim();
  if (value === '1') return true;
  if (value === '0') return false;
  return undefined;
}

/** `net.ipv4.ip_forward` → <proc>/sys/net/ipv4/ip_forward. */
export function sysctlPath(procRoot: string, key: string): string {
  return path.join(procRoot, 'sys', ...key.split('.'));
}

export async function readSysctlFlag(host: HostAccess, key: string): Promise<boolean | undefined> {
  return parseSysctlFlag(await host.readFile(sysctlPath(host.roots.proc, key)));
}
