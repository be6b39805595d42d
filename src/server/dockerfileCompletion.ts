// Completion the language service does not know: the host's platform first after `FROM --platform=` (the
// service always offers `--platform=arm64`), apt-get's subcommands and the options hadolint asks for
// (DL3014 `-y`, DL3015 `--no-install-recommends`), and local image names where an image goes.
//
// Package names after `apt-get install` are not offered: an image's package index is not in the image
// (Dockerfiles remove /var/lib/apt/lists, and the base images ship without it), and reading it would mean
// running the base image and fetching the index from its mirrors, which a language server must not do.
import * as l10n from '@vscode/l10n';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { imageCompletionItems, imageReferencePrefix } from './imageCompletion';

/** Node's process.arch as OCI platforms write it. */
const OCI_ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm/v7', ia32: '386', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };

export function hostPlatform(arch: string = process.arch): string {
  return `linux/${OCI_ARCH[arch] ?? arch}`;
}

const PLATFORMS = ['linux/amd64', 'linux/arm64', 'linux/arm/v7', '$BUILDPLATFORM', '$TARGETPLATFORM'];

/** `--platform=` values, the host's first. */
function platformItems(position: Position, typed: string, host: string): CompletionItem[] {
  const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const values = [host, ...PLATFORMS.filter((p) => p !== host)];
  return values.map((value, index) => ({
    label: `--platform=${value}`,
    kind: CompletionItemKind.Field,
    detail: index === 0 ? l10n.t('This machine\'s platform') : l10n.t('Build for another platform'),
    sortText: `0${index}`,
    preselect: index === 0,
    filterText: `--platform=${value}`,
    textEdit: { range, newText: `--platform=${value}` },
  }));
}

const APT_SUBCOMMANDS: [name: string, what: () => string][] = [
  ['install', () => l10n.t('Install packages')],
  ['update', () => l10n.t('Download the package lists')],
  ['upgrade', () => l10n.t('Upgrade the installed packages')],
  ['dist-upgrade', () => l10n.t('Upgrade, adding and removing packages as needed')],
  ['remove', () => l10n.t('Remove packages')],
  ['purge', () => l10n.t('Remove packages and their configuration')],
  ['autoremove', () => l10n.t('Remove packages nothing needs any more')],
  ['clean', () => l10n.t('Empty the downloaded package cache')],
  ['build-dep', () => l10n.t('Install what building a source package needs')],
  ['download', () => l10n.t('Download a package file into the current folder')],
];

const APT_OPTIONS: [name: string, what: () => string][] = [
  ['-y', () => l10n.t('Answer yes to prompts (hadolint DL3014)')],
  ['--no-install-recommends', () => l10n.t('Skip recommended packages: a smaller image (hadolint DL3015)')],
  ['--no-install-suggests', () => l10n.t('Skip suggested packages')],
  ['-q', () => l10n.t('Quieter output for logs')],
  ['--fix-missing', () => l10n.t('Go on when some packages cannot be downloaded')],
];

/** `apt-get [options] [subcommand] [options]` up to the cursor: what the word being typed can be. */
function aptItems(lineBeforeCursor: string, position: Position): CompletionItem[] {
  const match = /(?:^|[\s;&|(])apt-get((?:\s+\S+)*?)\s+(\S*)$/.exec(lineBeforeCursor);
  if (!match) return [];
  const words = match[1].trim().split(/\s+/).filter(Boolean);
  const typed = match[2];
  const subcommand = words.find((w) => !w.startsWith('-'));
  const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const item = (name: string, detail: string, kind: CompletionItemKind, order: number): CompletionItem => ({
    label: name, kind, detail, sortText: `0${order}`, filterText: name, textEdit: { range, newText: name }, insertTextFormat: InsertTextFormat.PlainText,
  });
  const options = APT_OPTIONS.filter(([name]) => !words.includes(name)).map(([name, what], i) => item(name, what(), CompletionItemKind.Property, 50 + i));
  if (subcommand) return ['install', 'upgrade', 'dist-upgrade', 'build-dep'].includes(subcommand) ? options : [];
  return [...APT_SUBCOMMANDS.map(([name, what], i) => item(name, what(), CompletionItemKind.Function, 10 + i)), ...options];
}

/**
 * The service's items for the line, with Dockside's added or put first. `localImages` reads the engine's
 * image names (only asked for where an image name goes).
 */
export async function completeDockerfileLine(serviceItems: readonly CompletionItem[], lineBeforeCursor: string, position: Position, localImages: () => Promise<string[]>, host = hostPlatform()): Promise<CompletionItem[]> {
  const items = [...serviceItems];
  const platform = /^\s*FROM\s+((?:--\S+\s+)*)(--[a-z]*(?:=\S*)?|)$/i.exec(lineBeforeCursor);
  const typed = platform?.[2] ?? '';
  if (platform && !/--platform=/i.test(platform[1]) && ('--platform='.startsWith(typed.toLowerCase()) || typed.toLowerCase().startsWith('--platform='))) {
    // The service's own `--platform=arm64` would come first whatever the machine: ours replace it.
    const kept = items.filter((i) => i.data !== 'FROM_FlagPlatform');
    items.splice(0, items.length, ...kept, ...platformItems(position, typed, host));
  }
  if (!/^\s*(?:FROM|COPY|ADD|ENV|ARG|LABEL|EXPOSE|WORKDIR|USER)\b/i.test(lineBeforeCursor)) items.push(...aptItems(lineBeforeCursor, position));
  const prefix = imageReferencePrefix(lineBeforeCursor);
  if (prefix !== undefined) items.push(...imageCompletionItems(await localImages(), prefix, position));
  return items;
}
