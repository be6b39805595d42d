// Checks network addressing before it reaches the engine, so a typo gets a precise sentence instead of
// the engine's "invalid CIDR address". Pure: IPv4 and IPv6, no vscode.

export type AddressingField = 'subnet' | 'ipRange' | 'gateway';
export type AddressingProblem = 'notCidr' | 'hostBitsSet' | 'notAddress' | 'outsideSubnet' | 'needsSubnet' | 'familyMismatch';

export interface AddressingIssue {
  readonly field: AddressingField;
  readonly problem: AddressingProblem;
  /** For hostBitsSet: the network address the user probably meant, e.g. "10.0.0.0/24". */
  readonly suggestion?: string;
}

interface ParsedAddress {
  readonly family: 4 | 6;
  readonly value: bigint;
}

interface ParsedCidr extends ParsedAddress {
  readonly prefix: number;
}

const bits = (family: 4 | 6) => (family === 4 ? 32 : 128);

export function parseAddress(text: string): ParsedAddress | undefined {
  const t = text.trim();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(t)) {
    const parts = t.split('.').map(Number);
    if (parts.some((p, i) => p > 255 || (t.split('.')[i].length > 1 && t.split('.')[i].startsWith('0')))) return undefined;
    return { family: 4, value: parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n) };
  }
  if (!t.includes(':') || !/^[0-9a-fA-F:]+$/.test(t)) return undefined;
  const halves = t.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return { family: 6, value: all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n) };
}

export function parseCidr(text: string): ParsedCidr | undefined {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(text.trim());
  if (!m) return undefined;
  const address = parseAddress(m[1]);
  const prefix = Number(m[2]);
  if (!address || prefix > bits(address.family)) return undefined;
  return { ...address, prefix };
}

function hostMask(cidr: ParsedCidr): bigint {
  return (1n << BigInt(bits(cidr.family) - cidr.prefix)) - 1n;
}

function formatAddress(address: ParsedAddress): string {
  if (address.family === 4) return [24n, 16n, 8n, 0n].map((s) => String((address.value >> s) & 255n)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((address.value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  // Compress the longest run of two or more zero groups to "::", as RFC 5952 writes it.
  let best = { start: -1, length: 1 };
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.length) best = { start: i, length: j - i };
  }
  if (best.start < 0) return groups.join(':');
  return `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.length).join(':')}`;
}

function contains(outer: ParsedCidr, inner: ParsedAddress & { prefix?: number }): boolean {
  if (outer.family !== inner.family) return false;
  if (inner.prefix !== undefined && inner.prefix < outer.prefix) return false;
  return (inner.value & ~hostMask(outer)) === outer.value;
}

/**
 * The address the engine's default IPAM gives the gateway of a pool created without `--gateway`: the first
 * one of the pool (the IP range when there is one, else the subnet). The engine does not report it in the
 * network's IPAM config then, only on each attached endpoint.
 */
export function defaultGateway(subnet: string, ipRange?: string): string | undefined {
  const pool = parseCidr(ipRange || subnet) ?? parseCidr(subnet);
  if (!pool) return undefined;
  const network = pool.value & ~hostMask(pool);
  return formatAddress({ family: pool.family, value: network + 1n });
}

/** One CIDR on its own: undefined when it is a valid network address. */
export function checkCidr(field: AddressingField, text: string): AddressingIssue | undefined {
  const cidr = parseCidr(text);
  if (!cidr) return { field, problem: 'notCidr' };
  if ((cidr.value & hostMask(cidr)) !== 0n) {
    const network = { family: cidr.family, value: cidr.value & ~hostMask(cidr) };
    return { field, problem: 'hostBitsSet', suggestion: `${formatAddress(network)}/${cidr.prefix}` };
  }
  return undefined;
}

/** Subnet, ip-range and gateway together, as `docker network create` takes them. Empty strings mean "not given". */
export function checkAddressing(input: { subnet?: string; ipRange?: string; gateway?: string }): AddressingIssue[] {
  const issues: AddressingIssue[] = [];
  const subnetText = input.subnet?.trim();
  const rangeText = input.ipRange?.trim();
  const gatewayText = input.gateway?.trim();
  if (!subnetText) {
    if (rangeText) issues.push({ field: 'ipRange', problem: 'needsSubnet' });
    if (gatewayText) issues.push({ field: 'gateway', problem: 'needsSubnet' });
    return issues;
  }
  const subnetIssue = checkCidr('subnet', subnetText);
  if (subnetIssue) return [subnetIssue];
  const subnet = parseCidr(subnetText)!;
  if (rangeText) {
    const rangeIssue = checkCidr('ipRange', rangeText);
    const range = parseCidr(rangeText);
    if (rangeIssue) issues.push(rangeIssue);
    else if (range && range.family !== subnet.family) issues.push({ field: 'ipRange', problem: 'familyMismatch' });
    else if (range && !contains(subnet, range)) issues.push({ field: 'ipRange', problem: 'outsideSubnet' });
  }
  if (gatewayText) {
    const gateway = parseAddress(gatewayText);
    if (!gateway) issues.push({ field: 'gateway', problem: 'notAddress' });
    else if (gateway.family !== subnet.family) issues.push({ field: 'gateway', problem: 'familyMismatch' });
    else if (!contains(subnet, gateway)) issues.push({ field: 'gateway', problem: 'outsideSubnet' });
  }
  return issues;
}
