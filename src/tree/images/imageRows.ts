// Images → one row per tag, grouped by repository. Pure: unit-tested without VS Code.
import type { ImageSummary } from '../../models/image';

/** The repository dangling images are listed under, as the docker CLI prints them. */
export const NONE_REPOSITORY = '<none>';

export interface ImageRow {
  readonly id: string;
  readonly image: ImageSummary;
  readonly reference?: string;
  readonly repository: string;
  readonly tag: string;
}

/** Splits "host:5000/name:tag" at the tag's colon, not the port's. */
export function splitRepoTag(reference: string): { repository: string; tag: string } {
  const slash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  if (colon > slash) return { repository: reference.slice(0, colon), tag: reference.slice(colon + 1) };
  return { repository: reference, tag: 'latest' };
}

/** One row per tag (an image tagged twice shows twice); dangling images only when asked, under `<none>`. */
export function imageRows(images: readonly ImageSummary[], showDangling: boolean): ImageRow[] {
  const rows: ImageRow[] = [];
  for (const image of images) {
    if (image.dangling) {
      if (showDangling) rows.push({ id: `image:${image.id}`, image, repository: NONE_REPOSITORY, tag: image.id.replace(/^sha256:/, '').slice(0, 12) });
      continue;
    }
    for (const reference of image.repoTags) {
      rows.push({ id: `tag:${reference}`, image, reference, ...splitRepoTag(reference) });
    }
  }
  // Named repositories alphabetically, `<none>` last; tags alphabetically, newest first for `<none>`.
  return rows.sort((a, b) => {
    const aNone = a.repository === NONE_REPOSITORY;
    const bNone = b.repository === NONE_REPOSITORY;
    if (aNone !== bNone) return aNone ? 1 : -1;
    if (aNone) return b.image.created - a.image.created;
    return a.repository.localeCompare(b.repository) || a.tag.localeCompare(b.tag);
  });
}

/** How many containers use each image id. */
export function countContainersByImage(containers: readonly { readonly imageId: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of containers) counts.set(c.imageId, (counts.get(c.imageId) ?? 0) + 1);
  return counts;
}
