// What detection found in a folder and what the user answered: plain data for the templates.

export type ProjectKind = 'node' | 'python' | 'go' | 'maven' | 'gradle' | 'dotnet';
export type NodePackageManager = 'npm' | 'yarn' | 'pnpm';

export interface DetectedProject {
  readonly kind: ProjectKind;
  /** The project's own name (package.json, artifactId, module, csproj, pyproject), made fit for compose and image names. */
  readonly name: string;
  /** A port the app is known or likely to listen on; undefined when nothing suggests it is a server. */
  readonly suggestedPort?: number;
  /** What starts the app (node, python; may hold `{port}`) or which package to build (go), as detected. */
  readonly suggestedEntry?: string;
  readonly node?: { readonly packageManager: NodePackageManager; readonly buildScript: boolean; readonly lockFile: boolean };
  readonly python?: { readonly install: 'requirements' | 'pyproject' };
  readonly java?: { readonly springBoot: boolean };
  /** The project file and the assembly it builds (`App.csproj` → `App.dll`); `web` for Microsoft.NET.Sdk.Web. */
  readonly dotnet?: { readonly projectFile: string; readonly assembly: string; readonly web: boolean };
}

export interface ScaffoldAnswers {
  /** The port the app listens on; undefined for an app that serves nothing (no EXPOSE, HEALTHCHECK or ports). */
  readonly port?: number;
  /** node/python: the command line that starts the app; go: the package to build. Ignored for java and .NET. */
  readonly entry?: string;
}

export interface ScaffoldOptions {
  /**
   * RUN --mount=type=cache keeps package caches between builds, but only BuildKit reads it: the classic
   * builder stops with "the --mount option requires BuildKit". Off for engines that build classic.
   */
  readonly cacheMounts: boolean;
}

export interface ScaffoldFile {
  readonly name: 'Dockerfile' | '.dockerignore' | 'compose.yaml';
  readonly text: string;
}

/** Which kinds ask for an entry (and what it means), so the command can word its question. */
export function entryQuestion(kind: ProjectKind): 'command' | 'package' | undefined {
  if (kind === 'node' || kind === 'python') return 'command';
  if (kind === 'go') return 'package';
  return undefined;
}
