// The scaffold fixture projects (test/fixtures/scaffold), read from disk as the command reads a workspace
// folder, and the files the scaffold writes for each with the answers a user would take.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectProjects, scaffoldFiles, suggestedEntry, type DetectedProject, type FolderListing, type ScaffoldFile } from '../../../src/scaffold/scaffoldFiles';

export const SCAFFOLD_FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/scaffold');

export const fixtureNames = fs.readdirSync(SCAFFOLD_FIXTURES).sort();

export function diskFolder(root: string): FolderListing {
  const names = (dir: string) => {
    try {
      return fs.readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
    } catch {
      return [];
    }
  };
  return {
    entries: names(root),
    read: async (relative) => {
      try {
        return fs.readFileSync(path.join(root, relative), 'utf8');
      } catch {
        return undefined;
      }
    },
    list: async (relative) => names(path.join(root, relative)),
  };
}

export async function detectFixture(name: string): Promise<DetectedProject> {
  const [first] = await detectProjects(diskFolder(path.join(SCAFFOLD_FIXTURES, name)), name);
  if (!first) throw new Error(`nothing detected in the fixture ${name}`);
  return first;
}

/** The files as the command writes them when the user takes every suggestion. */
export async function fixtureFiles(name: string, cacheMounts: boolean): Promise<{ project: DetectedProject; files: ScaffoldFile[] }> {
  const project = await detectFixture(name);
  const port = project.suggestedPort;
  return { project, files: scaffoldFiles(project, { port, entry: suggestedEntry(project, port) }, { cacheMounts }) };
}

/** A copy of the fixture with the generated files beside it, in a temporary folder of ours. */
export function writeProject(name: string, files: readonly ScaffoldFile[], parent: string): string {
  const dir = path.join(parent, name);
  fs.cpSync(path.join(SCAFFOLD_FIXTURES, name), dir, { recursive: true });
  for (const file of files) fs.writeFileSync(path.join(dir, file.name), file.text);
  return dir;
}
