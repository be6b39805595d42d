// The image a run, push or registry command acts on: a reference string (tests, other commands), an image
// node from the Images view, or — from the palette — one picked from the local images.
import { displayName, resolveTargets } from '../manage/targets';
import type { EngineSession } from '../session/engineSession';

export async function imageReferenceFrom(session: EngineSession, node: unknown, placeHolder: string): Promise<string> {
  if (typeof node === 'string' && node.trim()) return node.trim();
  const [image] = await resolveTargets(session, 'image', node, undefined, { placeHolder, filter: (i) => !i.dangling });
  return displayName('image', image);
}

/** The tags of local images, for completion in the Run… form. */
export async function localImageReferences(session: EngineSession): Promise<string[]> {
  try {
    const images = await (await session.client()).listImages();
    return images.flatMap((i) => i.repoTags).filter((t) => t !== '<none>:<none>').sort();
  } catch {
    return [];
  }
}
