// `docker context export` / `docker context import`: a tar holding meta.json and tls/docker/*.pem, the
// layout the CLI writes (docker/cli context/store/store.go Export/Import). tar-fs is already the build
// context packer; only regular files named like that are taken from an archive, nothing else is written.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar-fs';
import type { ContextStore, DockerContext } from './contexts';
import { validateContextName } from './contexts';
import { EngineError } from './errors';

const TLS_FILES = new Set(['ca.pem', 'cert.pem', 'key.pem']);

export async function exportContext(store: ContextStore, name: string, file: string): Promise<void> {
  const context = store.get(name);
  if (!context || context.builtIn) throw new EngineError('contextNotFound', `context "${name}" cannot be exported`, { context: name });
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-context-'));
  try {
    fs.copyFileSync(path.join(store.metaDir(name), 'meta.json'), path.join(staging, 'meta.json'));
    const entries = ['meta.json'];
    if (context.tlsMaterial.length) {
      fs.mkdirSync(path.join(staging, 'tls', 'docker'), { recursive: true, mode: 0o700 });
      entries.push('tls', 'tls/docker');
      for (const f of context.tlsMaterial) {
        fs.copyFileSync(path.join(store.tlsDir(name), 'docker', f), path.join(staging, 'tls', 'docker', f));
        entries.push(`tls/docker/${f}`);
      }
    }
    await pipeline(tar.pack(staging, { entries, map: (header) => ({ ...header, mtime: new Date(0), uid: 0, gid: 0 }) }), fs.createWriteStream(file, { mode: 0o600 }));
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

export async function importContext(store: ContextStore, name: string, file: string): Promise<DockerContext> {
  validateContextName(name);
  if (name === 'default' || store.get(name)) {
    throw new EngineError('conflict', `context "${name}" already exists`, { engineMessage: `context "${name}" already exists`, context: name });
  }
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-context-'));
  try {
    const wanted = (entry: string) => entry === 'meta.json' || entry === 'tls' || entry === 'tls/docker' || (entry.startsWith('tls/docker/') && TLS_FILES.has(entry.slice('tls/docker/'.length)));
    // docker 28 ends its export after the last file's bytes: no padding to a 512-byte block, no two zero
    // blocks that end a tar, and tar-stream fails with "Unexpected end of data". Exports are a few KiB:
    // read whole, padded and ended (more zero blocks after a complete archive are ignored).
    const raw = fs.readFileSync(file);
    const archive = Buffer.concat([raw, Buffer.alloc((512 - (raw.length % 512)) % 512 + 1024)]);
    await pipeline(
      Readable.from([archive]),
      tar.extract(staging, {
        ignore: (_name, header) => !header || !wanted(header.name.replace(/^\.\//, '').replace(/\/$/, '')) || (header.type !== 'file' && header.type !== 'directory'),
      }),
    );
    let meta: { Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } }; Metadata?: { Description?: string } };
    try {
      meta = JSON.parse(fs.readFileSync(path.join(staging, 'meta.json'), 'utf8'));
    } catch (cause) {
      throw new EngineError('engineFailure', `${file} is not a docker context export`, { engineMessage: `${path.basename(file)} is not a docker context export (no meta.json)`, cause });
    }
    const docker = meta.Endpoints?.docker;
    if (!docker?.Host) throw new EngineError('engineFailure', `${file} has no docker endpoint`, { engineMessage: `${path.basename(file)} has no docker endpoint` });
    const read = (f: string) => {
      const full = path.join(staging, 'tls', 'docker', f);
      return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
    };
    return store.create({
      name,
      host: docker.Host,
      description: meta.Metadata?.Description,
      skipTlsVerify: docker.SkipTLSVerify === true,
      tls: { ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem') },
    });
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
