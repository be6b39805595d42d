// The Build command's questions, each skipped when the caller already answered it: context folder, tag
// (remembered per Dockerfile), target (the file's stages), build args (the file's ARGs) and no-cache.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DockerfileOutline } from './dockerfileOutline';

export interface BuildChoices {
  readonly contextDir: string;
  readonly tag: string;
  readonly target?: string;
  readonly buildArgs: Record<string, string>;
  readonly noCache: boolean;
}

const REFERENCE = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?(?:\/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?$/;

export async function askBuildChoices(dockerfile: vscode.Uri, outline: DockerfileOutline, memory: vscode.Memento, given: Partial<BuildChoices>): Promise<BuildChoices> {
  const remembered = memory.get<Partial<BuildChoices>>(memoryKey(dockerfile), {});
  const contextDir = given.contextDir ?? (await askContext(dockerfile, remembered.contextDir));
  const tag = given.tag ?? (await askTag(dockerfile, remembered.tag ?? defaultTag(contextDir)));
  const target = 'target' in given ? given.target : await askTarget(outline);
  const asked = given.buildArgs === undefined || given.noCache === undefined ? await askOptions(outline, remembered.buildArgs ?? {}) : undefined;
  const buildArgs = given.buildArgs ?? asked?.buildArgs ?? {};
  const noCache = given.noCache ?? asked?.noCache ?? false;
  const choices = { contextDir, tag, target, buildArgs, noCache };
  await memory.update(memoryKey(dockerfile), { contextDir, tag, buildArgs });
  return choices;
}

function memoryKey(dockerfile: vscode.Uri): string {
  return `dockside.build.${dockerfile.toString()}`;
}

function defaultTag(contextDir: string): string {
  const base = path.basename(contextDir).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '') || 'image';
  return `${base}:latest`;
}

async function askContext(dockerfile: vscode.Uri, remembered: string | undefined): Promise<string> {
  const folder = path.dirname(dockerfile.fsPath);
  const workspace = vscode.workspace.getWorkspaceFolder(dockerfile)?.uri.fsPath;
  const candidates = [...new Set([remembered, folder, workspace].filter((c): c is string => !!c))];
  const items: (vscode.QuickPickItem & { dir?: string })[] = candidates.map((dir) => ({ label: vscode.workspace.asRelativePath(dir, true) || dir, description: dir, dir }));
  items.push({ label: vscode.l10n.t('$(folder-opened) Choose another folder…') });
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Build context'), placeHolder: vscode.l10n.t('The folder sent to the engine (honouring its .dockerignore)') });
  if (!picked) throw new vscode.CancellationError();
  if (picked.dir) return picked.dir;
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, defaultUri: vscode.Uri.file(folder) });
  if (!chosen?.[0]) throw new vscode.CancellationError();
  return chosen[0].fsPath;
}

async function askTag(dockerfile: vscode.Uri, value: string): Promise<string> {
  const tag = await vscode.window.showInputBox({
    title: vscode.l10n.t('Build {0}', vscode.workspace.asRelativePath(dockerfile)),
    prompt: vscode.l10n.t('Tag for the image (repository[:tag])'),
    value,
    validateInput: (v) => (!v.trim() || REFERENCE.test(v.trim()) ? undefined : vscode.l10n.t('Use lowercase repository[:tag], e.g. team/app:1.0')),
  });
  if (tag === undefined) throw new vscode.CancellationError();
  return tag.trim();
}

async function askTarget(outline: DockerfileOutline): Promise<string | undefined> {
  const named = outline.stages.filter((s) => s.name);
  if (outline.stages.length < 2 || named.length === 0) return undefined;
  const last = vscode.l10n.t('(last stage)');
  const picked = await vscode.window.showQuickPick([last, ...named.map((s) => s.name!)], { title: vscode.l10n.t('Target stage'), placeHolder: vscode.l10n.t('Build up to which stage?') });
  if (!picked) throw new vscode.CancellationError();
  return picked === last ? undefined : picked;
}

/** One multi-select for the file's ARGs and no-cache, then a value for each ARG chosen. */
async function askOptions(outline: DockerfileOutline, remembered: Record<string, string>): Promise<{ buildArgs: Record<string, string>; noCache: boolean }> {
  const noCacheItem = { label: vscode.l10n.t('$(refresh) No cache'), description: '--no-cache', picked: false, arg: undefined };
  const items = outline.args.map((a) => ({
    label: a.name,
    description: remembered[a.name] !== undefined ? `= ${remembered[a.name]}` : a.defaultValue !== undefined ? vscode.l10n.t('default: {0}', a.defaultValue) : vscode.l10n.t('no default'),
    picked: remembered[a.name] !== undefined,
    arg: a,
  }));
  const picked = await vscode.window.showQuickPick([...items, noCacheItem], {
    canPickMany: true,
    title: vscode.l10n.t('Build options'),
    placeHolder: vscode.l10n.t('Choose the ARGs to set and whether to skip the cache (Enter with none keeps the defaults)'),
  });
  if (!picked) throw new vscode.CancellationError();
  const buildArgs: Record<string, string> = {};
  for (const item of picked) {
    if (!item.arg) continue;
    const value = await vscode.window.showInputBox({ title: vscode.l10n.t('Build arg {0}', item.label), value: remembered[item.label] ?? item.arg.defaultValue ?? '' });
    if (value === undefined) throw new vscode.CancellationError();
    buildArgs[item.label] = value;
  }
  return { buildArgs, noCache: picked.includes(noCacheItem) };
}
