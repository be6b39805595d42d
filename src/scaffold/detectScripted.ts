// Node (package.json, with the package manager its lock file names) and Python (requirements.txt or
// pyproject.toml), with what starts them. Suggested commands may hold `{port}`, filled in with the port
// the user answers (see suggestedEntry).
import { serviceName, type FolderListing } from './folderListing';
import type { DetectedProject, NodePackageManager } from './projectKinds';

interface PackageJson {
  name?: string;
  main?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
}

const NODE_SERVERS = ['express', 'fastify', 'koa', '@hapi/hapi', '@nestjs/core', 'next', 'nuxt', 'hono', 'restify'];

export async function detectNode(folder: FolderListing, folderName: string): Promise<DetectedProject | undefined> {
  const text = await folder.read('package.json');
  if (text === undefined) return undefined;
  let manifest: PackageJson;
  try {
    manifest = JSON.parse(text) as PackageJson;
  } catch {
    manifest = {};
  }
  const has = (name: string) => folder.entries.includes(name);
  const packageManager: NodePackageManager = has('pnpm-lock.yaml') ? 'pnpm' : has('yarn.lock') ? 'yarn' : 'npm';
  const scripts = manifest.scripts ?? {};
  const start = scripts.start?.trim();
  // `node server.js` runs as PID 1 and gets the stop signal itself; `npm start` would sit in between.
  const entry = start && /^node\s+\S+$/.test(start) ? start : manifest.main ? `node ${manifest.main}` : start ? 'npm start' : 'node index.js';
  const server = NODE_SERVERS.some((name) => manifest.dependencies?.[name] !== undefined);
  return {
    kind: 'node',
    name: serviceName(manifest.name, folderName),
    suggestedPort: server ? 3000 : undefined,
    suggestedEntry: entry,
    node: { packageManager, buildScript: typeof scripts.build === 'string', lockFile: packageManager !== 'npm' || has('package-lock.json') },
  };
}

export async function detectPython(folder: FolderListing, folderName: string): Promise<DetectedProject | undefined> {
  const requirements = await folder.read('requirements.txt');
  const pyproject = await folder.read('pyproject.toml');
  if (requirements === undefined && pyproject === undefined) return undefined;
  const dependencies = `${requirements ?? ''}\n${pyproject ?? ''}`.toLowerCase();
  const uses = (name: string) => new RegExp(`(^|[\\s"'\\[,])${name}\\b`, 'm').test(dependencies);
  const module = ['main.py', 'app.py'].find((file) => folder.entries.includes(file))?.slice(0, -3) ?? 'main';
  const [entry, port] = pythonStart(uses, folder.entries.includes('manage.py'), module);
  const projectName = pyproject && /^\[project\][^[]*?^name\s*=\s*["']([^"']+)["']/m.exec(pyproject)?.[1];
  return {
    kind: 'python',
    name: serviceName(projectName || undefined, folderName),
    suggestedPort: port,
    suggestedEntry: entry,
    python: { install: requirements !== undefined ? 'requirements' : 'pyproject' },
  };
}

/** The command that serves the app on every interface of the container (a 127.0.0.1 server is unreachable). */
function pythonStart(uses: (name: string) => boolean, django: boolean, module: string): [string, number | undefined] {
  if (uses('fastapi') || uses('uvicorn')) return [`uvicorn ${module}:app --host 0.0.0.0 --port {port}`, 8000];
  if (uses('gunicorn') && !django) return [`gunicorn --bind 0.0.0.0:{port} ${module}:app`, 8000];
  if (uses('flask')) return [`flask --app ${module} run --host 0.0.0.0 --port {port}`, 5000];
  if (django || uses('django')) return ['python manage.py runserver 0.0.0.0:{port}', 8000];
  return [`python ${module}.py`, undefined];
}

/** The suggested entry with the answered port in it (or the suggested port, when the user gave none). */
export function suggestedEntry(project: DetectedProject, port: number | undefined): string | undefined {
  return project.suggestedEntry?.replace(/\{port\}/g, String(port ?? project.suggestedPort ?? 8000));
}
