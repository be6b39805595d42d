// The containers of an engine on this machine's socket, read with one plain HTTP request and no engine bundle
// (issue 20). A window with no containers of an earlier window to paint shows these while the engine bundle
// loads and the session connects: loading dockerode, the ping and the first read otherwise run before VS Code's
// first ask can be answered, and held it back ~100 ms. Plain Node, so the extension bundle can carry it (8 KB
// with the mapper): the same list and mapping as the session's first read (client.ts listContainers).
// Anything but a local socket, a non-200 answer, unreadable JSON or a slow engine gives undefined, and the
// views wait for the session as before; an error here is never shown (the session's connect reports it).
import * as http from 'node:http';
import type Docker from 'dockerode';
import type { ContainerSummary } from '../models/container';
import { localSocketPath } from './connection';
import { mapContainer } from './mappers';

export function quickContainerList(host: string, timeoutMs: number): Promise<ContainerSummary[] | undefined> {
  const socketPath = localSocketPath(host);
  if (!socketPath) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    // A connection of its own, closed after the answer: none is left idle in the shared agent's pool.
    const request = http.get({ socketPath, path: '/containers/json?all=1', headers: { host: 'localhost' }, agent: false, timeout: timeoutMs }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        return resolve(undefined);
      }
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          const list: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          resolve(Array.isArray(list) ? (list as Docker.ContainerInfo[]).map(mapContainer) : undefined);
        } catch {
          resolve(undefined);
        }
      });
      response.on('error', () => resolve(undefined));
    });
    // A timeout only says so: the request has to be ended here, and its error event then answers undefined.
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(undefined));
  });
}
