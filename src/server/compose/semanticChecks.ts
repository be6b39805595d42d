// What the compose schema cannot say but compose v2 and `up` enforce: names that must be defined, dependency
// cycles, `extends` targets, host ports published twice, port/volume/duration/restart strings the engine
// rejects, and files that must exist (Dockerfiles, env files). Values compose interpolates are not judged.
import * as l10n from '@vscode/l10n';
import { isInterpolated, pairOf, parseCompose, textOf, valueOf, type ComposeDocument, type ComposeNode, type Span } from './composeDocument';
import type { ComposeFinding } from './composeFinding';
import { indexSymbols, type ComposeSymbols, type ReferenceRole, type SymbolKind } from './composeSymbols';
import { isDuration, isRestartPolicy, parsePort, parseVolume } from './shortSyntax';
import { joinPath, type ComposeFiles } from './composeFiles';

const UNDEFINED_RULES: Record<SymbolKind, string> = {
  services: 'undefined-service',
  networks: 'undefined-network',
  volumes: 'undefined-volume',
  secrets: 'undefined-secret',
  configs: 'undefined-config',
};

export function checkSemantics(doc: ComposeDocument, files: ComposeFiles | undefined, out: ComposeFinding[]): ComposeSymbols {
  const symbols = indexSymbols(doc);
  checkReferences(symbols, out);
  checkDependencyCycles(symbols, out);
  const services = valueOf(doc.root, 'services');
  if (services?.kind === 'map') {
    const published: PublishedPort[] = [];
    for (const service of services.pairs) {
      if (service.value.kind !== 'map') continue;
      checkPorts(service.key, service.value, published, out);
      checkVolumeStrings(service.value, out);
      checkRestartAndDurations(service.value, out);
      if (files) checkFiles(service.key, service.value, files, out);
      if (files) checkExtendsFile(service.value, files, out);
    }
  }
  return symbols;
}

function checkReferences(symbols: ComposeSymbols, out: ComposeFinding[]): void {
  for (const ref of symbols.references) {
    if (ref.kind === 'networks' && ref.name === 'default') continue;
    if (ref.kind === 'services' && ref.name === ref.from && (ref.role === 'depends_on' || ref.role === 'extends')) {
      out.push({ ruleId: ref.role === 'extends' ? 'extends-missing-service' : 'dependency-cycle', severity: 'error', span: ref.span, message: l10n.t('The service "{0}" refers to itself.', ref.name) });
      continue;
    }
    if (symbols.defined(ref.kind, ref.name)) continue;
    const ruleId = ref.role === 'depends_on' ? 'depends-on-unknown' : ref.role === 'extends' ? 'extends-missing-service' : UNDEFINED_RULES[ref.kind];
    out.push({ ruleId, severity: 'error', span: ref.span, message: undefinedMessage(ref.kind, ref.name, ref.role) });
  }
}

function undefinedMessage(kind: SymbolKind, name: string, role: ReferenceRole): string {
  switch (kind) {
    case 'services':
      return role === 'depends_on'
        ? l10n.t('depends_on names "{0}", which is not a service of this file.', name)
        : role === 'extends'
          ? l10n.t('extends names "{0}", which is not a service of this file.', name)
          : l10n.t('"{0}" is not a service of this file.', name);
    case 'networks': return l10n.t('The network "{0}" is not defined under the top-level networks.', name);
    case 'volumes': return l10n.t('The volume "{0}" is not defined under the top-level volumes.', name);
    case 'secrets': return l10n.t('The secret "{0}" is not defined under the top-level secrets.', name);
    case 'configs': return l10n.t('The config "{0}" is not defined under the top-level configs.', name);
  }
}

function checkDependencyCycles(symbols: ComposeSymbols, out: ComposeFinding[]): void {
  const edges = new Map<string, { to: string; span: Span }[]>();
  for (const ref of symbols.references) {
    if (ref.role !== 'depends_on' || ref.name === ref.from || !symbols.defined('services', ref.name)) continue;
    edges.set(ref.from, [...(edges.get(ref.from) ?? []), { to: ref.name, span: ref.span }]);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string) => {
    state.set(name, 'visiting');
    stack.push(name);
    for (const edge of edges.get(name) ?? []) {
      const s = state.get(edge.to);
      if (s === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(edge.to)), edge.to].join(' → ');
        out.push({ ruleId: 'dependency-cycle', severity: 'error', span: edge.span, message: l10n.t('depends_on forms a cycle: {0}.', cycle) });
      } else if (!s) visit(edge.to);
    }
    stack.pop();
    state.set(name, 'done');
  };
  for (const def of symbols.definitions) if (def.kind === 'services' && !state.has(def.name)) visit(def.name);
}

interface PublishedPort {
  service: string;
  ip: string;
  start: number;
  end: number;
  protocol: string;
}

function checkPorts(service: string, node: ComposeNode, published: PublishedPort[], out: ComposeFinding[]): void {
  const ports = valueOf(node, 'ports');
  if (ports?.kind !== 'seq') return;
  for (const item of ports.items) {
    let binding: PublishedPort | undefined;
    if (item.kind === 'scalar' && typeof item.value === 'string' && !isInterpolated(item)) {
      const parsed = parsePort(item.value);
      if (!parsed.ok) {
        out.push({ ruleId: 'invalid-port', severity: 'error', span: item.span, message: l10n.t('"{0}" is not a valid port: {1}.', item.value, parsed.reason) });
        continue;
      }
      const p = parsed.value;
      if (p.hostStart !== undefined) binding = { service, ip: p.ip, start: p.hostStart, end: p.hostEnd!, protocol: p.protocol };
    } else if (item.kind === 'scalar' && typeof item.value === 'number') {
      if (!Number.isInteger(item.value) || item.value < 1 || item.value > 65535) {
        out.push({ ruleId: 'invalid-port', severity: 'error', span: item.span, message: l10n.t('"{0}" is not a valid port: {1}.', String(item.value), l10n.t('ports are 1-65535')) });
      }
    } else if (item.kind === 'map') {
      const publishedNode = valueOf(item, 'published');
      const text = textOf(publishedNode);
      if (text && !isInterpolated(publishedNode)) {
        const range = /^(\d+)(?:-(\d+))?$/.exec(text);
        if (range) binding = { service, ip: textOf(valueOf(item, 'host_ip')) ?? '', start: Number(range[1]), end: Number(range[2] ?? range[1]), protocol: textOf(valueOf(item, 'protocol')) ?? 'tcp' };
      }
    }
    if (!binding) continue;
    const clash = published.find((p) => p.protocol === binding!.protocol && p.start <= binding!.end && binding!.start <= p.end && sameInterface(p.ip, binding!.ip));
    if (clash) {
      out.push({ ruleId: 'duplicate-host-port', severity: 'error', span: item.span, message: l10n.t('The host port {0} is already published by the service "{1}".', String(Math.max(clash.start, binding.start)), clash.service) });
    }
    published.push(binding);
  }
}

function sameInterface(a: string, b: string): boolean {
  const any = (ip: string) => ip === '' || ip === '0.0.0.0' || ip === '::';
  return any(a) || any(b) || a === b;
}

function checkVolumeStrings(node: ComposeNode, out: ComposeFinding[]): void {
  const volumes = valueOf(node, 'volumes');
  if (volumes?.kind !== 'seq') return;
  for (const item of volumes.items) {
    if (item.kind !== 'scalar' || typeof item.value !== 'string' || isInterpolated(item)) continue;
    const parsed = parseVolume(item.value);
    if (!parsed.ok) out.push({ ruleId: 'invalid-volume', severity: 'error', span: item.span, message: l10n.t('"{0}" is not a valid volume: {1}.', item.value, parsed.reason) });
  }
}

const DURATION_PATHS = [
  ['stop_grace_period'], ['healthcheck', 'interval'], ['healthcheck', 'timeout'], ['healthcheck', 'start_period'], ['healthcheck', 'start_interval'],
  ['deploy', 'restart_policy', 'delay'], ['deploy', 'restart_policy', 'window'], ['deploy', 'update_config', 'delay'], ['deploy', 'update_config', 'monitor'],
  ['deploy', 'rollback_config', 'delay'], ['deploy', 'rollback_config', 'monitor'],
];

function checkRestartAndDurations(node: ComposeNode, out: ComposeFinding[]): void {
  const restart = valueOf(node, 'restart');
  const restartText = textOf(restart);
  if (restart && restartText !== undefined && !isInterpolated(restart) && !isRestartPolicy(restartText)) {
    out.push({ ruleId: 'invalid-restart', severity: 'error', span: restart.span, message: l10n.t('"{0}" is not a restart policy; expected no, always, on-failure[:N] or unless-stopped.', restartText) });
  }
  for (const path of DURATION_PATHS) {
    const value = path.reduce<ComposeNode | undefined>((n, key) => valueOf(n, key), node);
    if (value?.kind !== 'scalar' || typeof value.value !== 'string' || isInterpolated(value)) continue;
    if (!isDuration(value.value)) out.push({ ruleId: 'invalid-duration', severity: 'error', span: value.span, message: l10n.t('"{0}" is not a duration (like 30s, 1m30s or 500ms).', value.value) });
  }
}

function checkFiles(service: string, node: ComposeNode, files: ComposeFiles, out: ComposeFinding[]): void {
  const build = valueOf(node, 'build');
  const contextNode = build?.kind === 'scalar' ? build : valueOf(build, 'context');
  const contextText = build ? textOf(contextNode) ?? '.' : undefined;
  if (build && contextText !== undefined && !isInterpolated(contextNode) && !/^[a-z]+:\/\/|^git@|\.git(#|$)/.test(contextText) && !pairOf(build, 'dockerfile_inline')) {
    const contextDir = joinPath(files.directory, contextText);
    const dockerfileNode = valueOf(build, 'dockerfile');
    const dockerfile = textOf(dockerfileNode);
    if (!files.exists(contextDir)) {
      out.push({ ruleId: 'missing-dockerfile', severity: 'error', span: (contextNode ?? build).span, message: l10n.t('The build context "{0}" of the service "{1}" does not exist.', contextText, service) });
    } else if (dockerfileNode && dockerfile && !isInterpolated(dockerfileNode)) {
      if (!files.exists(joinPath(contextDir, dockerfile))) out.push({ ruleId: 'missing-dockerfile', severity: 'error', span: dockerfileNode.span, message: l10n.t('The Dockerfile "{0}" does not exist in the build context "{1}".', dockerfile, contextText) });
    } else if (!dockerfileNode && !files.exists(joinPath(contextDir, 'Dockerfile')) && !files.exists(joinPath(contextDir, 'Containerfile'))) {
      out.push({ ruleId: 'missing-dockerfile', severity: 'error', span: (contextNode ?? build).span, message: l10n.t('The build context "{0}" has no Dockerfile.', contextText) });
    }
  }
  const envFile = valueOf(node, 'env_file');
  const entries = envFile?.kind === 'seq' ? envFile.items : envFile ? [envFile] : [];
  for (const entry of entries) {
    const pathNode = entry.kind === 'map' ? valueOf(entry, 'path') : entry;
    const path = textOf(pathNode);
    if (!pathNode || !path || isInterpolated(pathNode) || textOf(valueOf(entry, 'required')) === 'false') continue;
    if (!files.exists(joinPath(files.directory, path))) out.push({ ruleId: 'missing-env-file', severity: 'error', span: pathNode.span, message: l10n.t('The env file "{0}" does not exist.', path) });
  }
}

/** `extends: { file, service }`: the file must exist and define the service. */
function checkExtendsFile(node: ComposeNode, files: ComposeFiles, out: ComposeFinding[]): void {
  const extendsNode = valueOf(node, 'extends');
  const fileNode = valueOf(extendsNode, 'file');
  const file = textOf(fileNode);
  const serviceNode = valueOf(extendsNode, 'service');
  const service = textOf(serviceNode);
  if (!fileNode || !file || isInterpolated(fileNode)) return;
  const text = files.read(joinPath(files.directory, file));
  if (text === undefined) {
    out.push({ ruleId: 'extends-missing-service', severity: 'error', span: fileNode.span, message: l10n.t('The file "{0}" named by extends does not exist.', file) });
    return;
  }
  if (!service || !serviceNode || isInterpolated(serviceNode)) return;
  const other = parseCompose(text);
  if (!pairOf(valueOf(other.root, 'services'), service)) {
    out.push({ ruleId: 'extends-missing-service', severity: 'error', span: serviceNode.span, message: l10n.t('The file "{0}" has no service "{1}".', file, service) });
  }
}
