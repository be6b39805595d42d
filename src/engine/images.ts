// Image management: tag, remove (and who blocks it), history, save to and load from tar files.
import * as fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable, Transform } from 'node:stream';
import type { EngineClient } from './client';
import { engineRequest } from './engineRequest';
import { toEngineError } from './errors';

export interface ImageLayer {
  readonly id: string;
  /** Milliseconds since the epoch. */
  readonly created: number;
  readonly createdBy: string;
  readonly size: number;
  readonly tags: readonly string[];
  readonly comment: string;
}

export interface ContainerRef {
  readonly id: string;
  readonly name: string;
  readonly state: string;
}

/** `docker tag`: "repo[:tag]", tag defaulting to latest. */
export function tagImage(client: EngineClient, image: string, reference: string): Promise<void> {
  const { repository, tag } = splitReference(reference);
  return engineRequest(client, () => client.docker.getImage(image).tag({ repo: repository, tag }));
}

/** Splits "host:5000/name:tag" at the tag's colon, not the port's. */
export function splitReference(reference: string): { repository: string; tag: string } {
  const slash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  if (colon > slash) return { repository: reference.slice(0, colon), tag: reference.slice(colon + 1) };
  return { repository: reference, tag: 'latest' };
}

/** Removes by id or reference; returns the engine's account ("Untagged: x", "Deleted: sha256:..."). */
export async function removeImage(client: EngineClient, image: string, force: boolean): Promise<string[]> {
  const result = await engineRequest(client, () => client.docker.getImage(image).remove({ force }));
  return ((result ?? []) as { Untagged?: string; Deleted?: string }[]).map((r) => (r.Untagged ? `Untagged: ${r.Untagged}` : `Deleted: ${r.Deleted}`));
}

/** Containers (running or not) created from the image: the ones that block its removal. */
export async function containersUsingImage(client: EngineClient, imageId: string): Promise<ContainerRef[]> {
  const list = await engineRequest(client, () => client.docker.listContainers({ all: true }));
  return list.filter((c) => c.ImageID === imageId).map((c) => ({ id: c.Id, name: (c.Names[0] ?? c.Id).replace(/^\//, ''), state: c.State }));
}

export async function imageHistory(client: EngineClient, image: string): Promise<ImageLayer[]> {
  const rows = await engineRequest(client, () => client.docker.getImage(image).history());
  return (rows as { Id: string; Created: number; CreatedBy: string; Size: number; Tags: string[] | null; Comment: string }[]).map((r) => ({
    id: r.Id,
    created: r.Created * 1000,
    createdBy: r.CreatedBy,
    size: r.Size,
    tags: r.Tags ?? [],
    comment: r.Comment ?? '',
  }));
}

/** `docker save`: streams one tar holding every named image to `file`; reports bytes written. */
export async function saveImages(client: EngineClient, images: readonly string[], file: string, onBytes: (total: number) => void, signal?: AbortSignal): Promise<void> {
  // dockerode has GET /images/get (several names, one tar) but its typings do not list it.
  const getImages = (client.docker as unknown as { getImages(opts: object): Promise<NodeJS.ReadableStream> }).getImages.bind(client.docker);
  const stream = await engineRequest(client, () => getImages({ names: [...images], abortSignal: signal }));
  let total = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      onBytes(total);
      done(null, chunk);
    },
  });
  await engineRequest(client, () => pipeline(stream as Readable, counter, fs.createWriteStream(file), { signal }));
}

/** `docker load`: sends the tar, reports bytes sent, returns what the engine loaded ("Loaded image: x"). */
export async function loadImages(client: EngineClient, file: string, onBytes: (sent: number, size: number) => void, signal?: AbortSignal): Promise<string[]> {
  const size = (await engineRequest(client, () => fs.promises.stat(file))).size;
  let sent = 0;
  const source = fs.createReadStream(file);
  source.on('data', (chunk) => onBytes((sent += chunk.length), size));
  const response = await engineRequest(client, () => client.docker.loadImage(source, { quiet: false, abortSignal: signal }));
  const text = await engineRequest(client, async () => {
    let body = '';
    for await (const chunk of response) body += chunk.toString();
    return body;
  });
  return parseLoadOutput(text, client.endpoint.host);
}

/** The load answer is a JSON stream: `{"stream":"Loaded image: x\n"}` lines, or `{"error": ...}`. */
export function parseLoadOutput(text: string, endpoint?: string): string[] {
  const loaded: string[] = [];
  for (const line of text.split('\n').filter((l) => l.trim())) {
    let message: { stream?: string; error?: string; errorDetail?: { message?: string } };
    try {
      message = JSON.parse(line);
    } catch {
      continue;
    }
    const error = message.errorDetail?.message ?? message.error;
    if (error) throw toEngineError({ statusCode: 500, json: { message: error }, message: error }, endpoint);
    const m = /Loaded image(?: ID)?: (.+)/.exec(message.stream ?? '');
    if (m) loaded.push(m[1].trim());
  }
  return loaded;
}
