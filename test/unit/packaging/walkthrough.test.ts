// The Getting Started walkthrough (issue 18): every step is completed by something that exists (a command
// the manifest declares, a context key the extension sets, a view it contributes), every button runs a real
// command, and every text and markdown page is there in English and in Simplified Chinese.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ContextKeys } from '../../../src/constants';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const readJson = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as T;

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: unknown };
  completionEvents?: string[];
}
interface Manifest {
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    viewsContainers: Record<string, { id: string }[]>;
    walkthroughs: { id: string; title: string; description: string; steps: Step[] }[];
  };
}

const manifest = readJson<Manifest>('package.json');
const nls = { en: readJson<Record<string, string>>('package.nls.json'), 'zh-cn': readJson<Record<string, string>>('package.nls.zh-cn.json') };
const languages = Object.keys(nls) as (keyof typeof nls)[];
const commands = new Set(manifest.contributes.commands.map((c) => c.command));
const views = new Set(Object.values(manifest.contributes.views).flat().map((v) => v.id));
const containers = Object.values(manifest.contributes.viewsContainers).flat().map((c) => c.id);
/** The workbench's own command that shows one of our view containers (the connect step's button). */
const builtIn = new Set(containers.map((id) => `workbench.view.extension.${id}`));
const contextKeys = new Set<string>(Object.values(ContextKeys));

const walkthrough = manifest.contributes.walkthroughs.find((w) => w.id === 'gettingStarted');
const steps = walkthrough?.steps ?? [];

/** A manifest value `%key%` as VS Code shows it in one language. */
function localized(value: string, language: keyof typeof nls): string {
  const key = /^%(.+)%$/.exec(value)?.[1];
  assert.ok(key, `${value} is not localized`);
  const text = nls[language][key];
  assert.ok(text && text.trim(), `${key} is missing from the ${language} nls file`);
  return text;
}

const commandLinks = (text: string) => [...text.matchAll(/\]\(command:([\w.-]+)\)/g)].map((m) => m[1]);

describe('walkthrough', () => {
  it('takes a new user from connecting to an engine to bringing up a compose project', () => {
    assert.ok(walkthrough, 'contributes.walkthroughs has gettingStarted');
    assert.deepEqual(steps.map((s) => s.id), ['connect', 'run', 'shell', 'logs', 'lint', 'compose']);
  });

  it('has its title, description and every step text in English and Chinese', () => {
    for (const language of languages) {
      localized(walkthrough!.title, language);
      localized(walkthrough!.description, language);
      for (const step of steps) {
        localized(step.title, language);
        localized(step.description, language);
      }
    }
  });

  it('completes each step by a declared command, a context key the extension sets, or a contributed view', () => {
    for (const step of steps) {
      assert.ok(step.completionEvents?.length, `${step.id} has completion events`);
      for (const event of step.completionEvents!) {
        const [kind, ...rest] = event.split(':');
        const target = rest.join(':');
        if (kind === 'onCommand') assert.ok(commands.has(target), `${step.id}: ${target} is not a declared command`);
        else if (kind === 'onView') assert.ok(views.has(target), `${step.id}: ${target} is not a contributed view`);
        else if (kind === 'onContext') {
          const keys = target.match(/dockside\.[\w.]+/g) ?? [];
          assert.ok(keys.length > 0, `${step.id}: ${target} reads no Dockside context key`);
          for (const key of keys) assert.ok(contextKeys.has(key), `${step.id}: ${key} is not a context key the extension sets`);
        } else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
    }
  });

  it('gives each step a button that runs a real command, and the button completes the step', () => {
    for (const language of languages) {
      for (const step of steps) {
        const links = commandLinks(localized(step.description, language));
        assert.ok(links.length > 0, `${step.id} (${language}) has a command link`);
        for (const id of links) assert.ok(commands.has(id) || builtIn.has(id), `${step.id} (${language}): ${id} is not a real command`);
        const completing = (step.completionEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length));
        if (completing.length > 0) assert.ok(links.some((id) => completing.includes(id)), `${step.id} (${language}): no button runs a command that completes it`);
      }
    }
  });

  it('links the same buttons in both languages', () => {
    for (const step of steps) assert.deepEqual(commandLinks(localized(step.description, 'zh-cn')), commandLinks(localized(step.description, 'en')), step.id);
  });

  it('shows a local markdown page per step, a Chinese one in Chinese', () => {
    for (const step of steps) {
      assert.ok(step.media.markdown, `${step.id} has markdown media`);
      const pages = languages.map((language) => localized(step.media.markdown!, language));
      assert.equal(new Set(pages).size, languages.length, `${step.id}: each language has its own page`);
      for (const page of pages) {
        const file = path.join(repoRoot, page);
        assert.ok(fs.existsSync(file), `${page} exists`);
        const text = fs.readFileSync(file, 'utf8');
        assert.ok(text.trim().startsWith('# '), `${page} starts with a heading`);
        assert.doesNotMatch(text, /!\[[^\]]*\]\(\s*https?:|<img\b|https?:\/\//i, `${page} loads nothing remote`);
      }
      assert.match(fs.readFileSync(path.join(repoRoot, pages[1]), 'utf8'), /[\u4e00-\u9fff]/, `${pages[1]} is in Chinese`);
    }
  });
});
