// The platforms of the local images, for the Dockerfile linter: `docker image ls` says nothing of them, so
// each image is inspected once. An image id names immutable content, so what an id's inspect said is
// remembered and a refresh after an image event inspects only the images that are new.
import type { ImagePlatform } from '../models/imagePlatform';
import type { EngineClient } from './client';
import { engineRequest } from './engineRequest';

/** The part of `GET /images/{id}/json` the linter needs. */
export interface ImageInspectPlatform {
  Os?: string;
  Architecture?: string;
  Variant?: string;
  Config?: { Env?: string[] | null; Shell?: string[] | null } | null;
}

/** One entry per repo tag of the image; none for an image the engine gives no OS or architecture. */
export function imagePlatformsOf(repoTags: readonly string[], inspect: ImageInspectPlatform): ImagePlatform[] {
  if (!inspect.Os || !inspect.Architecture) return [];
  // An image with a config but no Env has an empty environment: BuildKit knows that much too.
  const env = inspect.Config ? inspect.Config.Env ?? [] : undefined;
  const shell = (inspect.Config?.Shell?.length ?? 0) > 0;
  return repoTags
    .filter((reference) => reference !== '<none>:<none>')
    .map((reference) => ({
      reference,
      os: inspect.Os!,
      architecture: inspect.Architecture!,
      ...(inspect.Variant ? { variant: inspect.Variant } : {}),
      ...(env ? { env } : {}),
      ...(shell ? { shell } : {}),
    }));
}

/** Inspects at most this many images at once: a long image list must not flood the engine. */
const INSPECTS_AT_ONCE = 4;

export class LocalImagePlatforms {
  private readonly byId = new Map<string, ImageInspectPlatform>();

  constructor(private readonly client: EngineClient) {}

  /** Every tagged local image's platform. Throws the EngineError when the engine does not answer the list. */
  async list(): Promise<ImagePlatform[]> {
    const images = (await this.client.listImages()).filter((image) => image.repoTags.length > 0);
    const missing = images.filter((image) => !this.byId.has(image.id));
    for (let i = 0; i < missing.length; i += INSPECTS_AT_ONCE) {
      await Promise.all(missing.slice(i, i + INSPECTS_AT_ONCE).map(async (image) => {
        try {
          const inspect = (await engineRequest(this.client, () => this.client.docker.getImage(image.id).inspect())) as ImageInspectPlatform;
          // Only what the linter reads is kept: a full inspect per image would hold every label and layer.
          this.byId.set(image.id, { Os: inspect.Os, Architecture: inspect.Architecture, Variant: inspect.Variant, Config: { Env: inspect.Config?.Env, Shell: inspect.Config?.Shell } });
        } catch {
          // Removed between the list and the inspect: the next image event refreshes again.
        }
      }));
    }
    const present = new Set(images.map((image) => image.id));
    for (const id of [...this.byId.keys()]) if (!present.has(id)) this.byId.delete(id);
    return images.flatMap((image) => {
      const inspect = this.byId.get(image.id);
      return inspect ? imagePlatformsOf(image.repoTags, inspect) : [];
    });
  }
}
