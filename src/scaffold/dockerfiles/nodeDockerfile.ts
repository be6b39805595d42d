// Node: install with the project's package manager from its lock file, build when there is a build
// script, drop the dev dependencies, and run as the image's own unprivileged `node` user.
import { BaseImages } from '../baseImages';
import { cacheMounts, commandWords, dockerfileText, runAsWithPort, header, jsonArray } from '../dockerfileParts';
import type { DetectedProject, NodePackageManager, ScaffoldAnswers, ScaffoldOptions } from '../projectKinds';

interface ManagerSteps {
  readonly manifests: string;
  readonly cache: string;
  readonly install: string;
  readonly build: string;
  readonly prune: string;
}

const managers: Record<NodePackageManager, ManagerSteps> = {
  npm: { manifests: 'package.json package-lock.json', cache: '/root/.npm', install: 'npm ci', build: 'npm run build', prune: 'npm prune --omit=dev' },
  yarn: {
    manifests: 'package.json yarn.lock', cache: '/usr/local/share/.cache/yarn', install: 'yarn install --frozen-lockfile', build: 'yarn run build',
    prune: 'yarn install --frozen-lockfile --production --ignore-scripts --prefer-offline',
  },
  // corepack ships with Node and fetches the pnpm version package.json names.
  pnpm: { manifests: 'package.json pnpm-lock.yaml', cache: '/root/.local/share/pnpm/store', install: 'corepack enable && pnpm install --frozen-lockfile', build: 'pnpm run build', prune: 'pnpm prune --prod' },
};

export function nodeDockerfile(project: DetectedProject, answers: ScaffoldAnswers, options: ScaffoldOptions): string {
  const manager = project.node?.packageManager ?? 'npm';
  // Without a lock file npm ci refuses to run: npm install then resolves the versions itself.
  const steps = manager === 'npm' && project.node?.lockFile === false ? { ...managers.npm, manifests: 'package.json', install: 'npm install' } : managers[manager];
  const port = answers.port;
  const probe = (p: number) => ['node', '-e', `require('net').connect(${p}, '127.0.0.1').on('connect', () => process.exit(0)).on('error', () => process.exit(1))`];
  return dockerfileText([
    ...header(project.name, options),
    '',
    `FROM ${BaseImages.node} AS build`,
    'WORKDIR /app',
    `COPY ${steps.manifests} ./`,
    `RUN ${cacheMounts(options, steps.cache)}${steps.install}`,
    'COPY . .',
    `RUN ${cacheMounts(options, steps.cache)}${project.node?.buildScript ? `${steps.build} && ` : ''}${steps.prune}`,
    '',
    `FROM ${BaseImages.node}`,
    'ENV NODE_ENV=production',
    ...(port === undefined ? [] : [`ENV PORT=${port}`]),
    'WORKDIR /app',
    'COPY --from=build /app ./',
    // The official Node images' own unprivileged user `node`, by number: a name may not resolve on the host (DL3066).
    ...runAsWithPort('1000:1000', port, probe),
    `CMD ${jsonArray(commandWords(answers.entry ?? 'node index.js'))}`,
  ]);
}
