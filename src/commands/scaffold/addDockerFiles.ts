// "Dockside: Add Docker Files to Workspace…": detects the project in a folder (Explorer context menu, or a
// workspace folder), asks for what detection cannot know (the port, what starts the app), writes a
// Dockerfile, .dockerignore and compose.yaml, asking before it replaces any file, and opens the Dockerfile.
import * as vscode from 'vscode';
import { detectProjects, entryQuestion, scaffoldFiles, suggestedEntry, type DetectedProject, type FolderListing, type ProjectKind, type ScaffoldAnswers } from '../../scaffold/scaffoldFiles';
import { confirmChoice } from '../../manage/runOnTargets';
import type { CommandServices } from '../commandWrapper';

export interface ScaffoldOutcome {
  readonly written: string[];
  readonly skipped: string[];
}

export function addDockerFiles(services: CommandServices): (folder?: unknown) => Promise<ScaffoldOutcome | undefined> {
  return async (folder) => {
    const target = folder instanceof vscode.Uri ? folder : await pickWorkspaceFolder();
    if (!target) return undefined;
    const folderName = target.path.split('/').filter(Boolean).pop() ?? 'app';
    const projects = await detectProjects(await workspaceListing(target), folderName);
    if (projects.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Dockside found no project in {0}: it looks for pom.xml, build.gradle, package.json, requirements.txt, pyproject.toml, go.mod or a .csproj file at the top of the folder.', folderName));
      return undefined;
    }
    const project = await pickProject(projects);
    const answers = await askAnswers(project);
    const cacheMounts = await enginesBuilderIsBuildKit(services);
    return writeFiles(target, scaffoldFiles(project, answers, { cacheMounts }));
  };
}

async function pickWorkspaceFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    const open = vscode.l10n.t('Open Folder');
    const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Open a folder with your project first: Dockside adds the Docker files to it.'), open);
    if (answer === open) await vscode.commands.executeCommand('workbench.action.files.openFolder');
    return undefined;
  }
  if (folders.length === 1) return folders[0].uri;
  const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('The folder to add Docker files to') });
  if (!picked) throw new vscode.CancellationError();
  return picked.uri;
}

/** The folder as detection reads it, through the workspace file system (remote folders too). */
async function workspaceListing(root: vscode.Uri): Promise<FolderListing> {
  const names = async (uri: vscode.Uri) => {
    try {
      return (await vscode.workspace.fs.readDirectory(uri)).map(([name, type]) => (type & vscode.FileType.Directory ? `${name}/` : name));
    } catch {
      return [];
    }
  };
  return {
    entries: await names(root),
    read: async (relative) => {
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, relative)));
      } catch {
        return undefined;
      }
    },
    list: (relative) => names(vscode.Uri.joinPath(root, relative)),
  };
}

function kindLabel(kind: ProjectKind): string {
  const labels: Record<ProjectKind, string> = {
    node: vscode.l10n.t('Node.js'),
    python: vscode.l10n.t('Python'),
    go: vscode.l10n.t('Go'),
    maven: vscode.l10n.t('Java with Maven'),
    gradle: vscode.l10n.t('Java with Gradle'),
    dotnet: vscode.l10n.t('.NET'),
  };
  return labels[kind];
}

function projectLabel(project: DetectedProject): string {
  return project.java?.springBoot ? vscode.l10n.t('{0} (Spring Boot)', kindLabel(project.kind)) : kindLabel(project.kind);
}

async function pickProject(projects: readonly DetectedProject[]): Promise<DetectedProject> {
  if (projects.length === 1) return projects[0];
  const picked = await vscode.window.showQuickPick(
    projects.map((project) => ({ label: projectLabel(project), description: project.name, project })),
    { title: vscode.l10n.t('Add Docker Files'), placeHolder: vscode.l10n.t('This folder holds more than one kind of project: which one goes into the image?') },
  );
  if (!picked) throw new vscode.CancellationError();
  return picked.project;
}

async function askAnswers(project: DetectedProject): Promise<ScaffoldAnswers> {
  const title = vscode.l10n.t('Add Docker Files: {0}', projectLabel(project));
  const portText = await vscode.window.showInputBox({
    title,
    value: project.suggestedPort === undefined ? '' : String(project.suggestedPort),
    prompt: vscode.l10n.t('The port {0} listens on. Leave it empty for an app that serves no port (no EXPOSE, healthcheck or published port).', project.name),
    validateInput: (text) => (text.trim() === '' || validPort(text) ? undefined : vscode.l10n.t('A port is a whole number from 1 to 65535.')),
  });
  if (portText === undefined) throw new vscode.CancellationError();
  const port = portText.trim() === '' ? undefined : Number(portText.trim());
  const question = entryQuestion(project.kind);
  if (!question) return { port };
  const entry = await vscode.window.showInputBox({
    title,
    value: suggestedEntry(project, port),
    prompt: question === 'command'
      ? vscode.l10n.t('The command that starts the app in the container (words separated by spaces; it becomes CMD).')
      : vscode.l10n.t('The Go package to build into the image, e.g. . or ./cmd/server.'),
    validateInput: (text) => (text.trim() === '' ? vscode.l10n.t('This cannot be empty.') : undefined),
  });
  if (entry === undefined) throw new vscode.CancellationError();
  return { port, entry: entry.trim() };
}

function validPort(text: string): boolean {
  const port = Number(text.trim());
  return /^\d+$/.test(text.trim()) && port >= 1 && port <= 65535;
}

/**
 * Cache mounts only when the Dockerfile will build with BuildKit: the classic builder rejects RUN --mount.
 * That is the `dockside.build.builder` setting, or for `auto` what the engine advertises (as Build Image…
 * decides); with no engine answering, BuildKit, the default builder of current Docker releases.
 */
async function enginesBuilderIsBuildKit({ session, log }: CommandServices): Promise<boolean> {
  const setting = vscode.workspace.getConfiguration('dockside').get<'auto' | 'classic' | 'buildkit'>('build.builder', 'auto');
  if (setting !== 'auto') return setting === 'buildkit';
  try {
    const [engine, client] = await Promise.all([session.engine(), session.client()]);
    return (await engine.preferredBuilder(client)) === 'buildkit';
  } catch (error) {
    log.info(`Add Docker Files: no engine answered (${error instanceof Error ? error.message : String(error)}); writing cache mounts for BuildKit`);
    return true;
  }
}

/** Asks about every file that exists before writing any, so a cancel leaves the folder as it was. */
async function writeFiles(folder: vscode.Uri, files: readonly { name: string; text: string }[]): Promise<ScaffoldOutcome> {
  const overwrite = vscode.l10n.t('Overwrite');
  const skip = vscode.l10n.t('Skip');
  const toWrite: { uri: vscode.Uri; name: string; text: string }[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const uri = vscode.Uri.joinPath(folder, file.name);
    if (await exists(uri)) {
      // The project's confirmation QuickPick: Escape cancels the whole command before anything is written.
      const answer = await confirmChoice(vscode.l10n.t('{0} already exists in this folder. Replace it with the generated one?', file.name), vscode.l10n.t('Skip keeps your file as it is; the other files are still written.'), overwrite, skip);
      if (answer === skip) {
        skipped.push(file.name);
        continue;
      }
    }
    toWrite.push({ uri, ...file });
  }
  for (const file of toWrite) await vscode.workspace.fs.writeFile(file.uri, new TextEncoder().encode(file.text));
  await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, 'Dockerfile'));
  return { written: toWrite.map((f) => f.name), skipped };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
