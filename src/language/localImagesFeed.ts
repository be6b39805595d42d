// Keeps the Dockerfile language server told what the connected engine's tagged images are (platform,
// environment), so BuildKit's InvalidBaseImagePlatform can compare a FROM with the image it names. It
// follows the engine rather than dialling it: while the session is not connected the server hears "no
// images" and the check is simply off. Image events (pull, tag, load, remove…) refresh the list; each image
// is inspected once (LocalImagePlatforms remembers inspects by image id).
import * as vscode from 'vscode';
import type { EngineClient, EngineEventStream, LocalImagePlatforms } from '../engine/index';
import type { ImagePlatform } from '../models/imagePlatform';
import type { EngineSession } from '../session/engineSession';
import type { LocalImageInfo } from '../shared/lintProtocol';

/** Image events after which the set of tags or their images may differ. */
const CHANGING_ACTIONS = new Set(['pull', 'tag', 'untag', 'delete', 'import', 'load', 'prune']);
/** A build or a pull of many tags sends events in bursts: one refresh per burst. */
const REFRESH_DELAY_MS = 300;

export function toLocalImageInfo(image: ImagePlatform): LocalImageInfo {
  return {
    reference: image.reference,
    os: image.os,
    architecture: image.architecture,
    ...(image.variant ? { variant: image.variant } : {}),
    ...(image.env ? { env: [...image.env] } : {}),
    ...(image.shell ? { shell: true } : {}),
  };
}

export function watchLocalImages(
  session: EngineSession,
  send: (images: LocalImageInfo[]) => void,
  log: vscode.LogOutputChannel,
): vscode.Disposable {
  let disposed = false;
  let lastSent: string | undefined;
  let stream: EngineEventStream | undefined;
  let platforms: { client: EngineClient; list: LocalImagePlatforms } | undefined;
  let timer: NodeJS.Timeout | undefined;

  const publish = (images: LocalImageInfo[]) => {
    const json = JSON.stringify(images);
    if (disposed || json === lastSent) return;
    lastSent = json;
    send(images);
  };
  const refresh = async () => {
    if (session.state.kind !== 'connected') return publish([]);
    try {
      const client = await session.client();
      if (platforms?.client !== client) platforms = { client, list: new (await session.engine()).LocalImagePlatforms(client) };
      publish((await platforms.list.list()).map(toLocalImageInfo));
    } catch (error) {
      // The engine went away meanwhile: its state change follows and says so to the user; the check is off.
      log.debug('Local image platforms for the Dockerfile checks are unavailable', error);
      publish([]);
    }
  };
  const refreshSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), REFRESH_DELAY_MS);
  };
  const stopFollowing = () => {
    stream?.stop();
    stream = undefined;
  };
  const follow = async () => {
    stopFollowing();
    if (session.state.kind !== 'connected') return publish([]);
    try {
      const [engine, client] = await Promise.all([session.engine(), session.client()]);
      if (disposed) return;
      stopFollowing();
      stream = new engine.EngineEventStream(client, {
        onOpen: (reopened) => void (reopened && refresh()),
        onEvent: (event) => void (CHANGING_ACTIONS.has(event.action) && refreshSoon()),
        onDrop: () => undefined,
      }, engine.DEFAULT_BACKOFF, ['image']);
      stream.start();
    } catch (error) {
      log.debug('Image events for the Dockerfile checks are unavailable', error);
    }
    await refresh();
  };

  const stateChanges = session.onDidChangeState((state) => {
    if (state.kind === 'connected') void follow();
    else if (state.kind === 'failed') {
      stopFollowing();
      publish([]);
    }
  });
  void follow();
  return new vscode.Disposable(() => {
    disposed = true;
    stateChanges.dispose();
    if (timer) clearTimeout(timer);
    stopFollowing();
  });
}
