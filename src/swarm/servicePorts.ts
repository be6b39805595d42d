// Published ports of a swarm service as the user types them in Create Service. No vscode.
import type { PortRequest } from '../engine/swarm';

const PORT = /^(?:(\d{1,5}):)?(\d{1,5})(?:\/(tcp|udp))?$/;

/** "8080:80, 53:53/udp, 9000" → port requests; undefined when a part does not read. */
export function parseServicePorts(text: string): PortRequest[] | undefined {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  const ports: PortRequest[] = [];
  for (const part of parts) {
    const m = PORT.exec(part);
    if (!m) return undefined;
    const target = Number(m[2]);
    const published = m[1] ? Number(m[1]) : undefined;
    if (target < 1 || target > 65535 || (published !== undefined && (published < 1 || published > 65535))) return undefined;
    ports.push({ target, published, protocol: (m[3] as 'tcp' | 'udp' | undefined) ?? 'tcp' });
  }
  return ports;
}

