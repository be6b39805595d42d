// Which compose project a command acts on, from where it was started: a compose file (explorer context menu,
// editor title, code lens), a project or service node in the Containers view (its containers' labels), or
// the palette (the active compose file, else a pick among the workspace's compose files).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMPOSE_LABELS, specFromLabels, type ComposeProjectSpec } from './composeProject';
import type { ProjectChoices } from './projectChoices';
import { isComposeFileName } from '../server/compose/composeFileNames';

export const COMPOSE_GLOB = '**/{compose,docker-compose}{,.override}.{yml,yaml}';
export { isComposeFileName };

/** The workspace's compose files, overrides included, nearest folders first. */
export async function discoverComposeFiles(): Promise<vscode.Uri[]> {
  const found = await vscode.workspace.findFiles(COMPOSE_GLOB, '**/node_modules/**', 500);
  return found.sort((a, b) => a.fsPath.split(path.sep).length - b.fsPath.split(path.sep).length || a.fsPath.localeCompare(b.fsPath));
}

/** `compose.override.yaml` beside `compose.yaml` (and the docker-compose pair): compose reads both by default. */
export function overrideOf(file: string): string | undefined {
  const m = /^(.*)\.(ya?ml)$/.exec(file);
  if (!m || /\.override$/.test(m[1])) return undefined;
  for (const ext of [m[2], m[2] === 'yml' ? 'yaml' : 'yml']) {
    const candidate = `${m[1]}.override.${ext}`;
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The project of a compose file: the folder's remembered choice when it includes the file, else the file and its override. */
export function projectForFile(uri: vscode.Uri, choices: ProjectChoices): ComposeProjectSpec {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const choice = folder ? choices.get(folder.uri) : undefined;
  if (choice && choice.files.includes(uri.fsPath)) return choice;
  const override = overrideOf(uri.fsPath);
  return { files: override ? [uri.fsPath, override] : [uri.fsPath], directory: path.dirname(uri.fsPath), profiles: choice?.profiles ?? [], envFile: choice?.envFile, name: choice?.name };
}

export interface ComposeTarget {
  readonly spec: ComposeProjectSpec;
  /** The service named by the place the command came from (a code lens over a service, a service node). */
  readonly service?: string;
  /** The compose file the command came from, when it came from one. */
  readonly uri?: vscode.Uri;
}

interface LensArgument {
  readonly uri: vscode.Uri | string;
  readonly service?: string;
}

/** Reads the target from a command's first argument; asks when there is none. Undefined: the user cancelled. */
export async function resolveTarget(arg: unknown, choices: ProjectChoices): Promise<ComposeTarget | undefined> {
  if (arg instanceof vscode.Uri) return { spec: projectForFile(arg, choices), uri: arg };
  const lens = arg as Partial<LensArgument> | undefined;
  if (lens && (typeof lens.uri === 'string' || lens.uri instanceof vscode.Uri) && !('kind' in lens)) {
    const uri = typeof lens.uri === 'string' ? vscode.Uri.parse(lens.uri) : lens.uri;
    return { spec: projectForFile(uri, choices), service: lens.service, uri };
  }
  const fromNode = targetOfNode(arg);
  if (fromNode) return fromNode;
  const active = vscode.window.activeTextEditor?.document;
  if (active && active.uri.scheme === 'file' && (active.languageId === 'dockercompose' || isComposeFileName(active.uri.fsPath))) {
    return { spec: projectForFile(active.uri, choices), uri: active.uri };
  }
  const files = await discoverComposeFiles();
  if (files.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No compose file (compose.yaml, docker-compose.yml, …) in this workspace.'));
    return undefined;
  }
  const picked = files.length === 1 ? { uri: files[0] } : await vscode.window.showQuickPick(
    files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { placeHolder: vscode.l10n.t('Which compose file?') },
  );
  return picked ? { spec: projectForFile(picked.uri, choices), uri: picked.uri } : undefined;
}

/** A project group, a replicated service group or a container row of the Containers view. */
function targetOfNode(arg: unknown): ComposeTarget | undefined {
  const node = arg as { kind?: string; groupKind?: string; containers?: readonly { labels: Record<string, string> }[]; container?: { labels: Record<string, string> }; service?: string } | undefined;
  if (!node || typeof node !== 'object') return undefined;
  const labels = node.container?.labels ?? node.containers?.[0]?.labels;
  const spec = labels ? specFromLabels(labels) : undefined;
  if (!spec) return undefined;
  const service = node.kind === 'composeService' ? node.service : node.kind === 'container' ? labels?.[COMPOSE_LABELS.service] : undefined;
  return { spec, service };
}
