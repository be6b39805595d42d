// One way for the management calls (lifecycle, images, networks, volumes, system) to reach the engine:
// whatever fails leaves as an EngineError. No deadline here: stopping a container or pruning may
// legitimately take longer than the short-request timeout of EngineClient.
import type { EngineClient } from './client';
import { toEngineError } from './errors';

export async function engineRequest<T>(client: EngineClient, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw toEngineError(error, client.endpoint.host);
  }
}

/** Start, stop, pause... answer 304 when the container is already in the asked state: that is success. */
export async function idempotentRequest(client: EngineClient, request: () => Promise<unknown>): Promise<void> {
  try {
    await request();
  } catch (error) {
    if ((error as { statusCode?: number } | undefined)?.statusCode === 304) return;
    throw toEngineError(error, client.endpoint.host);
  }
}
