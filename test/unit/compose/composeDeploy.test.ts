// Completion and hover under `services.<x>.deploy`: its keys, the values the engine accepts, and the note
// saying which keys only `docker stack deploy` (Swarm) reads.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { completeCompose } from '../../../src/server/compose/composeCompletion';
import { parseCompose } from '../../../src/server/compose/composeDocument';
import { hoverCompose } from '../../../src/server/compose/composeNavigation';
import { repoRoot } from '../server/lspTestClient';

function at(marked: string): [string, number] {
  return [marked.replace('|', ''), marked.indexOf('|')];
}
async function items(marked: string, locale?: string) {
  const [text, offset] = at(marked);
  return completeCompose(text, offset, { locale });
}
async function labels(marked: string): Promise<string[]> {
  return (await items(marked)).map((i) => i.label);
}
function hover(marked: string, locale?: string): string {
  const [text, offset] = at(marked);
  const result = hoverCompose(parseCompose(text), offset, locale);
  assert.ok(result, `a hover at ${JSON.stringify(marked)}`);
  return (result.contents as { value: string }).value;
}
const values = (list: string[]) => list.filter((l) => l !== 'true' && l !== 'false');
const SERVICE = 'services:\n  web:\n    image: dockside-test/busybox:latest\n    deploy:\n';

describe('compose deploy completion', () => {
  it('offers the deploy keys inside services.<x>.deploy', async () => {
    const offered = await labels(`${SERVICE}      |`);
    for (const key of ['mode', 'replicas', 'placement', 'resources', 'update_config', 'rollback_config', 'restart_policy', 'labels', 'endpoint_mode']) assert.ok(offered.includes(key), `${key} offered`);
    assert.ok(!offered.includes('image'), 'no service keys inside deploy');
  });
  it('offers the nested keys of placement, resources and update_config', async () => {
    assert.ok((await labels(`${SERVICE}      placement:\n        |`)).includes('constraints'));
    assert.deepEqual((await labels(`${SERVICE}      resources:\n        |`)).slice(0, 2), ['limits', 'reservations']);
    const limits = await labels(`${SERVICE}      resources:\n        limits:\n          |`);
    assert.ok(limits.includes('cpus') && limits.includes('memory') && limits.includes('pids'));
    const update = await labels(`${SERVICE}      update_config:\n        |`);
    for (const key of ['parallelism', 'delay', 'failure_action', 'monitor', 'max_failure_ratio', 'order']) assert.ok(update.includes(key), `update_config.${key}`);
  });
  it('offers the modes, with what each means', async () => {
    const offered = await items(`${SERVICE}      mode: |`);
    assert.deepEqual(values(offered.map((i) => i.label)), ['replicated', 'global', 'replicated-job', 'global-job']);
    assert.match(offered.find((i) => i.label === 'global')!.detail!, /every node/);
  });
  it('offers order, failure_action, endpoint_mode and restart condition values', async () => {
    assert.deepEqual(values(await labels(`${SERVICE}      update_config:\n        order: |`)), ['stop-first', 'start-first']);
    assert.deepEqual(values(await labels(`${SERVICE}      rollback_config:\n        order: |`)), ['stop-first', 'start-first']);
    assert.deepEqual(values(await labels(`${SERVICE}      update_config:\n        failure_action: |`)), ['continue', 'pause', 'rollback']);
    assert.deepEqual(values(await labels(`${SERVICE}      rollback_config:\n        failure_action: |`)), ['continue', 'pause']);
    assert.deepEqual(values(await labels(`${SERVICE}      endpoint_mode: |`)), ['vip', 'dnsrr']);
    assert.deepEqual(values(await labels(`${SERVICE}      restart_policy:\n        condition: |`)), ['none', 'on-failure', 'any']);
  });
  it('offers constraint examples in placement.constraints', async () => {
    assert.ok((await labels(`${SERVICE}      placement:\n        constraints:\n          - |`)).includes('node.role==manager'));
  });
  it('does not offer deploy values outside deploy', async () => {
    assert.ok(!(await labels('services:\n  web:\n    labels:\n      mode: |')).includes('global'));
  });
  it('says in the completion item which tool reads the key', async () => {
    const offered = await items(`${SERVICE}      |`);
    const doc = (label: string) => String((offered.find((i) => i.label === label)!.documentation as { value: string }).value);
    assert.match(doc('placement'), /only with `docker stack deploy`/);
    assert.match(doc('replicas'), /Read by `docker compose up` and by `docker stack deploy`/);
  });
});

describe('compose deploy hover', () => {
  it('explains mode with its values and the compose/Swarm difference', () => {
    const text = hover(`${SERVICE}      mo|de: global\n`);
    assert.match(text, /Deployment mode/);
    assert.match(text, /`replicated-job`: runs to completion/);
    assert.match(text, /`docker compose up` runs `replicated` only/);
  });
  it('marks Swarm-only keys and keys compose reads too', () => {
    assert.match(hover(`${SERVICE}      update_con|fig:\n        order: start-first\n`), /Takes effect only with `docker stack deploy` \(Swarm\)/);
    assert.match(hover(`${SERVICE}      placement:\n        constr|aints: [node.role==manager]\n`), /node\.labels\.zone==east/);
    assert.match(hover(`${SERVICE}      resources:\n        limits:\n          cp|us: "0.5"\n`), /Read by `docker compose up` and by `docker stack deploy`/);
    assert.match(hover(`${SERVICE}      resources:\n        reservations:\n          generic_res|ources: []\n`), /only with `docker stack deploy`/);
    assert.match(hover(`${SERVICE}      restart_policy:\n        condi|tion: on-failure\n`), /`on-failure`: restart when the task exits with an error/);
    assert.match(hover(`services:\n  web:\n    depl|oy:\n      replicas: 2\n`), /reads only `replicas`, `resources` and `restart_policy`/);
  });
  afterEach(() => l10n.config({ contents: {} }));
  it('explains deploy keys in Chinese, the Swarm note included', () => {
    l10n.config({ contents: JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) });
    assert.match(hover(`${SERVICE}      placement:\n        constr|aints: [node.role==manager]\n`, 'zh-cn'), /只在 `docker stack deploy`（Swarm）下生效/);
    assert.match(hover(`${SERVICE}      mo|de: global\n`, 'zh-cn'), /在每个满足约束的节点上运行一个任务/);
    assert.match(hover(`${SERVICE}      mo|de: global\n`, 'zh-cn'), /部署模式/);
    assert.match(hover(`${SERVICE}      update_config:\n        or|der: start-first\n`, 'zh-cn'), /更新时的操作顺序/);
    assert.match(hover(`${SERVICE}      resources:\n        limits:\n          mem|ory: 64M\n`, 'zh-cn'), /内存上限/);
  });
});
