// Images grouped by repository, one row per tag; dangling images under <none> only when shown.
import * as assert from 'node:assert/strict';
import type { ImageSummary } from '../../../src/models/image';
import { countContainersByImage, imageRows, splitRepoTag } from '../../../src/tree/images/imageRows';

const image = (id: string, repoTags: string[], created = 1): ImageSummary => ({ id, repoTags, repoDigests: [], created, size: 10, labels: {}, dangling: repoTags.length === 0 });

describe('image rows', () => {
  it('splits a reference at the tag, not at a registry port', () => {
    assert.deepEqual(splitRepoTag('localhost:5000/team/app:1.2'), { repository: 'localhost:5000/team/app', tag: '1.2' });
    assert.deepEqual(splitRepoTag('localhost:5000/app'), { repository: 'localhost:5000/app', tag: 'latest' });
  });

  it('makes one row per tag, grouped and ordered by repository, with stable ids', () => {
    const rows = imageRows([image('sha256:1', ['nginx:1.27', 'nginx:latest']), image('sha256:2', ['alpine:3'])], false);
    assert.deepEqual(rows.map((r) => [r.repository, r.tag, r.id]), [
      ['alpine', '3', 'tag:alpine:3'],
      ['nginx', '1.27', 'tag:nginx:1.27'],
      ['nginx', 'latest', 'tag:nginx:latest'],
    ]);
  });

  it('hides dangling images unless asked, then lists them last under <none>, newest first', () => {
    const images = [image('sha256:aaaaaaaaaaaaaaaa', [], 1), image('sha256:bbbbbbbbbbbbbbbb', [], 2), image('sha256:3', ['x:1'])];
    assert.deepEqual(imageRows(images, false).map((r) => r.repository), ['x']);
    const shown = imageRows(images, true);
    assert.deepEqual(shown.map((r) => [r.repository, r.tag]), [['x', '1'], ['<none>', 'bbbbbbbbbbbb'], ['<none>', 'aaaaaaaaaaaa']]);
    assert.equal(shown[1].reference, undefined);
  });

  it('counts the containers using each image', () => {
    assert.deepEqual([...countContainersByImage([{ imageId: 'a' }, { imageId: 'a' }, { imageId: 'b' }])], [['a', 2], ['b', 1]]);
  });
});
