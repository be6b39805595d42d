// Where image names are offered, and what a missing engine looks like to completion.
import * as assert from 'node:assert/strict';
import { imageCompletionItems, imageReferencePrefix, LocalImageNames } from '../../../src/server/imageCompletion';

describe('image name completion', () => {
  it('knows where an image reference goes', () => {
    assert.equal(imageReferencePrefix('FROM '), '');
    assert.equal(imageReferencePrefix('from --platform=linux/amd64 dockside-te'), 'dockside-te');
    assert.equal(imageReferencePrefix('COPY --chown=1:1 --from=bu'), 'bu');
    assert.equal(imageReferencePrefix('ONBUILD COPY --from='), '');
    assert.equal(imageReferencePrefix('RUN --mount=type=bind,from=alp'), 'alp');
    assert.equal(imageReferencePrefix('FROM alpine:3.20 '), undefined);
    assert.equal(imageReferencePrefix('RUN echo FROM '), undefined);
    assert.equal(imageReferencePrefix('COPY src '), undefined);
  });

  it('replaces the typed prefix with a matching local image', () => {
    const items = imageCompletionItems(['dockside-test/busybox:latest', 'alpine:3.20', 'dockside-test/busybox:latest'], 'dock', { line: 3, character: 9 });
    assert.deepEqual(items.map((item) => [item.label, item.textEdit]), [
      ['dockside-test/busybox:latest', { range: { start: { line: 3, character: 5 }, end: { line: 3, character: 9 } }, newText: 'dockside-test/busybox:latest' }],
    ]);
  });

  it('offers nothing, silently, when the engine does not answer, and asks again later', async () => {
    let calls = 0;
    const names = new LocalImageNames(async () => {
      calls++;
      if (calls === 1) throw new Error('connect ENOENT /var/run/docker.sock');
      return ['alpine:3.20', '<none>:<none>'];
    }, 0);
    assert.deepEqual(await names.get(), []);
    assert.deepEqual(await names.get(), ['alpine:3.20']);
    assert.equal(calls, 2);
  });
});
