// The Chinese UI in the real workbench: a launch of its own whose display language is zh-cn (testing.md).
// Every view title, welcome text, row, tooltip, menu item and QuickPick of the main flows is Chinese, and no
// English string of Dockside's remains, engine-provided texts ("Up 18 minutes", restart policies) included.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DocksideApi } from '../../../src/extension';
import { TEST_IMAGE, TEST_LABEL, removeTestContainers, testDocker, testName } from '../../support/testEngine';
import { uiBridge } from '../support/uiBridge';
import { waitFor } from '../support/waitFor';

const CONTAINER = 'dockside';
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const CJK = /[\u4e00-\u9fff]/;
/** Names the Chinese UI keeps as they are ("Compose 项目"), like Docker's own Chinese documentation. */
const PRODUCT_NAMES = new Set(['Compose', 'Docker', 'Podman', 'ShellCheck', 'BuildKit', 'hadolint']);

/** Dockside's English strings that have a different Chinese translation (manifest and runtime bundles). */
function englishStrings(): string[] {
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, string | { message: string }>;
  const text = (v: string | { message: string } | undefined) => (typeof v === 'string' ? v : v?.message ?? '');
  const out: string[] = [];
  for (const [en, zh] of [['package.nls.json', 'package.nls.zh-cn.json'], ['l10n/bundle.l10n.json', 'l10n/bundle.l10n.zh-cn.json']]) {
    const english = read(en);
    const chinese = read(zh);
    for (const [key, value] of Object.entries(english)) {
      if (text(value) === text(chinese[key])) continue;
      // The literal parts of a template, long enough to be sentences of ours rather than engine words.
      for (const part of text(value).split(/\{\d+\}/)) if (part.trim().length >= 6 && /[a-z]{3}/i.test(part) && !PRODUCT_NAMES.has(part.trim())) out.push(part.trim());
    }
  }
  return [...new Set(out)];
}

function assertNoEnglish(where: string, shown: string, strings: readonly string[]): void {
  const left = strings.filter((s) => new RegExp(`(^|[^\\w])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w])`).test(shown));
  assert.deepEqual(left, [], `English strings of ours in the ${where}: ${shown}`);
}

describe('Chinese UI in the real workbench', function () {
  const docker = testDocker();
  const english = englishStrings();
  let api: DocksideApi;
  let name: string;

  before(async function () {
    if (!uiBridge.available || !vscode.env.language.startsWith('zh')) this.skip();
    api = await vscode.extensions.getExtension<DocksideApi>('dockside.dockside')!.activate();
    await vscode.commands.executeCommand(`workbench.view.extension.${CONTAINER}`);
    await waitFor('the engine to connect', () => api.engineState().kind === 'connected');
    name = testName('zh');
    const container = await docker.createContainer({ name, Image: TEST_IMAGE, Cmd: ['sleep', '3600'], Labels: { [TEST_LABEL]: 'true' }, HostConfig: { Memory: 256 * 1024 * 1024 } });
    await container.start();
  });

  after(() => removeTestContainers(docker));

  it('titles every view in Chinese and writes rows and welcome texts without English of ours', async () => {
    const titles = await uiBridge.visibleTexts(`[id="workbench.view.extension.${CONTAINER}"] .pane-header .title`);
    assert.deepEqual(titles, ['容器', '镜像', '网络', '卷', '镜像仓库', '引擎'], titles.join(' | '));
    const row = await waitFor('the container row', async () => (await uiBridge.viewRows(CONTAINER, '容器')).find((r) => r.startsWith(`${name} `) && /已运行/.test(r)));
    assert.doesNotMatch(row, /\bUp\b|seconds|second|minute/, row);
    const sidebar = (await uiBridge.visibleTexts(`[id="workbench.view.extension.${CONTAINER}"]`)).join('\n');
    assert.match(sidebar, CJK);
    assertNoEnglish('sidebar', sidebar, english);
    await uiBridge.screenshot('chinese-ui-sidebar');
  });

  it('writes the container tooltip in Chinese: status, restart policy, limits in binary units', async () => {
    const tooltip = await waitFor('the tooltip with the details', async () => {
      // The README's Chinese screenshot is this one (artifacts/chinese-ui-tooltip.png → media/screenshot-zh-cn.png).
      const t = await uiBridge.rowTooltip(CONTAINER, '容器', name, 'chinese-ui-tooltip');
      return /重启策略/.test(t) ? t : undefined;
    });
    assert.match(tooltip, /已运行/);
    assert.match(tooltip, /从不重启（no）/);
    assert.match(tooltip, /256 MiB/);
    assert.doesNotMatch(tooltip, /\bUp\b|restart policy|Restart policy/, tooltip);
    assertNoEnglish('tooltip', tooltip, english);
  });

  it('offers the container menu and the grouping QuickPick in Chinese', async () => {
    const menu = await waitFor('the context menu', async () => {
      const items = await uiBridge.rowContextMenu(CONTAINER, '容器', name);
      return items.length ? items : undefined;
    });
    const notChinese = menu.filter((i) => !CJK.test(i));
    assert.deepEqual(notChinese, [], `menu items without Chinese: ${menu.join(' | ')}`);
    assertNoEnglish('context menu', menu.join('\n'), english);
    const picking = vscode.commands.executeCommand('dockside.containers.groupBy');
    const items = await waitFor('the grouping QuickPick', async () => {
      const rows = await uiBridge.quickPickItems();
      return rows.length >= 3 ? rows : undefined;
    });
    await uiBridge.screenshot('chinese-ui-quickpick');
    await uiBridge.pressKey('Escape');
    await picking;
    assert.ok(items.every((r) => CJK.test(r)), items.join(' | '));
    assertNoEnglish('QuickPick', items.join('\n'), english);
  });

  it('describes every run preset in Chinese, asks about a missing image in Chinese, and opens the preset form in Chinese', async () => {
    const picking = vscode.commands.executeCommand('dockside.runPreset');
    const rows = await waitFor('the preset QuickPick', async () => {
      const all = await uiBridge.quickPickItems();
      return all.length >= 7 ? all : undefined;
    });
    await uiBridge.screenshot('chinese-ui-run-presets');
    await uiBridge.pressKey('Escape');
    await picking;
    assert.ok(rows.every((r) => CJK.test(r)), rows.join(' | '));
    assertNoEnglish('preset QuickPick', rows.join('\n'), english);

    // nginx:1.27 is not on the test engine: the question comes first, then the form.
    const opening = vscode.commands.executeCommand('dockside.runPreset', 'nginx');
    const question = await waitFor('the missing-image question', async () => (await uiBridge.notificationTexts()).find((t) => t.includes('nginx:1.27')));
    assert.match(question, /此引擎上没有镜像 nginx:1\.27/);
    await waitFor('the Open the Form button', () => uiBridge.clickButton('打开表单'));
    await opening;
    try {
      const form = await waitFor('the preset form', async () => (await uiBridge.webviewTexts()).find((t) => t.includes('在所有网络接口上发布')));
      // Sentences only: the form keeps docker's own flags and values (--cpus, --memory, unless-stopped) as they are.
      assertNoEnglish('preset form', form, english.filter((s) => /\s/.test(s) && !/docker run/.test(s)));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('notifications.clearAll');
    }
  });

  it('shows the palette\'s Dockside commands in Chinese', async () => {
    void vscode.commands.executeCommand('workbench.action.quickOpen', '>Dockside: ');
    const rows = await waitFor('Dockside commands in the palette', async () => {
      const all = (await uiBridge.quickPickItems()).filter((r) => r.startsWith('Dockside'));
      return all.length >= 5 ? all : undefined;
    });
    await uiBridge.pressKey('Escape');
    // VS Code adds the English title beside a translated one ("also known as"): a row without any Chinese is
    // a command whose title was not translated.
    const untranslated = rows.filter((r) => !CJK.test(r));
    assert.deepEqual(untranslated, [], rows.join(' | '));
  });
});
