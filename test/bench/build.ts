// Build context and registry transfer figures, Dockside's engine layer beside the docker CLI in the same
// run: a 100 MB context (with a .dockerignore) sent and built with the classic builder, and a push and a
// pull of an image with a 100 MB layer through a local registry (scripts/prepare-registry.sh).
import { execFileSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildImage } from '../../src/engine/build';
import { EngineClient } from '../../src/engine/client';
import { resolveEndpoint } from '../../src/engine/connection';
import { pullImage, pushImage } from '../../src/engine/imageTransfer';
import { engineAuthConfig } from '../../src/engine/registryAuth';
import { startLocalRegistry, stopLocalRegistry } from '../integration/suite/registryProcess';
import { TEST_IMAGE, TEST_LABEL, testDocker, testName } from '../support/testEngine';

const MB = 1024 * 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(work: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** 100 MB of incompressible files in 200 files of 0.5 MB, plus 20 MB the .dockerignore leaves out. */
function makeContext(dir: string): void {
  for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(dir, `data-${i}.bin`), crypto.randomBytes(MB / 2));
  fs.mkdirSync(path.join(dir, 'ignored'));
  for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(dir, 'ignored', `skip-${i}.bin`), crypto.randomBytes(MB / 2));
  fs.writeFileSync(path.join(dir, '.dockerignore'), 'ignored/\n*.tmp\n');
  fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${TEST_IMAGE}\nLABEL ${TEST_LABEL}=true\n`);
}

export async function run(rounds = Number(process.env.DOCKSIDE_BENCH_ROUNDS ?? 3)): Promise<void> {
  const client = new EngineClient(resolveEndpoint({ env: { DOCKER_HOST: 'unix:///var/run/docker.sock' } }));
  const docker = testDocker();
  const context = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-bench-context-'));
  const images: string[] = [];
  const registry = startLocalRegistry();
  try {
    makeContext(context);
    const ours: number[] = [];
    const cli: number[] = [];
    let sent = 0;
    for (let i = 0; i < rounds; i++) {
      const a = `${testName('bench-ctx-ours')}:1`;
      const b = `${testName('bench-ctx-cli')}:1`;
      images.push(a, b);
      const measureOurs = async () => ours.push(await timed(async () => (sent = (await buildImage(client, { contextDir: context, dockerfile: path.join(context, 'Dockerfile'), tag: a, builder: 'classic' }, () => undefined)).contextBytes)));
      const measureCli = async () => cli.push(await timed(() => execFileSync('docker', ['build', '-q', '-t', b, context], { env: { ...process.env, DOCKER_BUILDKIT: '0' }, stdio: 'pipe' })));
      // Alternate who goes first, so neither always reads a warmer page cache.
      for (const measure of i % 2 === 0 ? [measureOurs, measureCli] : [measureCli, measureOurs]) await measure();
    }
    console.log(`build context 100 MB (+20 MB ignored), classic builder, ${rounds} rounds: Dockside median ${median(ours).toFixed(0)} ms (sent ${(sent / MB).toFixed(1)} MiB), docker CLI median ${median(cli).toFixed(0)} ms`);

    // Two images, each with its own 100 MB layer, so neither transfer finds the other's blobs.
    const auth = engineAuthConfig(registry.url, { username: registry.username, secret: registry.password });
    execFileSync('docker', ['login', '-u', registry.username, '--password-stdin', registry.url], { input: registry.password, stdio: ['pipe', 'ignore', 'ignore'], env: { ...process.env, DOCKER_CONFIG: registry.dir } });
    const refs = { ours: `${registry.url}/bench/ours:1`, cli: `${registry.url}/bench/cli:1` };
    for (const ref of Object.values(refs)) {
      images.push(ref);
      fs.writeFileSync(path.join(context, 'Dockerfile'), `FROM ${TEST_IMAGE}\nRUN echo ${ref} > /id && head -c ${100 * MB} /dev/urandom > /blob\nLABEL ${TEST_LABEL}=true\n`);
      await buildImage(client, { contextDir: path.join(context, 'ignored'), dockerfile: path.join(context, 'Dockerfile'), tag: ref, builder: 'classic', noCache: true }, () => undefined);
    }
    const cliEnv = { ...process.env, DOCKER_CONFIG: registry.dir };
    const pushOurs = await timed(() => pushImage(client, refs.ours, auth, () => undefined));
    const pushCli = await timed(() => execFileSync('docker', ['push', '-q', refs.cli], { stdio: 'pipe', env: cliEnv }));
    for (const ref of Object.values(refs)) await docker.getImage(ref).remove();
    const pullOurs = await timed(() => pullImage(client, refs.ours, auth, () => undefined));
    const pullCli = await timed(() => execFileSync('docker', ['pull', '-q', refs.cli], { stdio: 'pipe', env: cliEnv }));
    console.log(`push of a 100 MiB layer to a local registry: Dockside ${pushOurs.toFixed(0)} ms, docker CLI ${pushCli.toFixed(0)} ms`);
    console.log(`pull of a 100 MiB layer from a local registry: Dockside ${pullOurs.toFixed(0)} ms, docker CLI ${pullCli.toFixed(0)} ms`);
  } finally {
    for (const image of images) await docker.getImage(image).remove({ force: true }).catch(() => undefined);
    stopLocalRegistry(registry);
    fs.rmSync(context, { recursive: true, force: true });
  }
}
