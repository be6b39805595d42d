// What the compose model cannot say about `services.<x>.deploy`: the values the engine accepts where the spec
// has only a string (mode, endpoint_mode, failure_action, restart_policy.condition), and which tool reads a
// key. `docker stack deploy` (Swarm) reads all of deploy; `docker compose up` reads only replicas, resources
// and restart_policy and ignores the rest, which surprises people who test a stack file with compose.
import * as l10n from '@vscode/l10n';

/** Accepted values of the deploy keys the spec types as a plain string, by path under `deploy`. */
const DEPLOY_VALUES: Record<string, readonly string[]> = {
  mode: ['replicated', 'global', 'replicated-job', 'global-job'],
  endpoint_mode: ['vip', 'dnsrr'],
  'update_config.failure_action': ['continue', 'pause', 'rollback'],
  'rollback_config.failure_action': ['continue', 'pause'],
  'update_config.order': ['stop-first', 'start-first'],
  'rollback_config.order': ['stop-first', 'start-first'],
  'restart_policy.condition': ['none', 'on-failure', 'any'],
};

/** Example constraints offered in `placement.constraints` (the engine's own syntax). */
const CONSTRAINT_EXAMPLES = ['node.role==manager', 'node.role==worker', 'node.hostname==', 'node.labels.', 'node.platform.os==linux', 'node.platform.arch==x86_64'];

/** The deploy keys `docker compose up` honours too, with everything under them (path under `deploy`). */
const COMPOSE_READS = ['replicas', 'resources.limits', 'resources.reservations.cpus', 'resources.reservations.memory', 'resources.reservations.devices', 'restart_policy'];
/** Groups compose reads in part (generic_resources under reservations is Swarm only). */
const COMPOSE_READS_PART = ['resources', 'resources.reservations'];

/** The path under `deploy` (`update_config.order`), or undefined when the key path is not under a service's deploy. */
export function deploySubpath(path: readonly string[]): string | undefined {
  if (path[0] !== 'services' || path[2] !== 'deploy' || path.length < 4) return undefined;
  return path.slice(3).filter((s) => s !== '[]').join('.');
}

/** The values to offer for the deploy value at this key path (empty when it is not one we know). */
export function deployValues(path: readonly string[]): readonly string[] {
  const sub = deploySubpath(path);
  if (sub === undefined) return [];
  if (sub === 'placement.constraints') return CONSTRAINT_EXAMPLES;
  return DEPLOY_VALUES[sub] ?? [];
}

function valueMeaning(sub: string, value: string): string | undefined {
  switch (`${sub}=${value}`) {
    case 'mode=replicated': return l10n.t('a set number of tasks (replicas)');
    case 'mode=global': return l10n.t('one task on every node that meets the constraints');
    case 'mode=replicated-job': return l10n.t('runs to completion, a set number of times');
    case 'mode=global-job': return l10n.t('runs to completion once on every node');
    case 'endpoint_mode=vip': return l10n.t('one virtual IP in front of the tasks');
    case 'endpoint_mode=dnsrr': return l10n.t('DNS round robin over the task addresses, no virtual IP');
    case 'update_config.failure_action=rollback': return l10n.t('go back to the previous spec');
    case 'update_config.failure_action=pause':
    case 'rollback_config.failure_action=pause': return l10n.t('stop and wait (the default)');
    case 'update_config.failure_action=continue':
    case 'rollback_config.failure_action=continue': return l10n.t('carry on with the next tasks');
    case 'update_config.order=stop-first':
    case 'rollback_config.order=stop-first': return l10n.t('stop the old task before starting the new one (the default)');
    case 'update_config.order=start-first':
    case 'rollback_config.order=start-first': return l10n.t('start the new task first; old and new run side by side for a moment');
    case 'restart_policy.condition=none': return l10n.t('never restart');
    case 'restart_policy.condition=on-failure': return l10n.t('restart when the task exits with an error');
    case 'restart_policy.condition=any': return l10n.t('restart whatever the exit (the default)');
    default: return undefined;
  }
}

/** The meaning of one offered value (completion detail), if it has one. */
export function deployValueDetail(path: readonly string[], value: string): string | undefined {
  const sub = deploySubpath(path);
  return sub === undefined ? undefined : valueMeaning(sub, value);
}

/** Markdown lines added to a deploy key's hover and completion: its values and which tool reads it. */
export function deployNotes(path: readonly string[]): string[] {
  const sub = deploySubpath(path);
  if (sub === undefined) return [];
  const lines: string[] = [];
  const values = DEPLOY_VALUES[sub];
  if (values) lines.push(l10n.t('Values:'), ...values.map((v) => `- \`${v}\`${valueMeaning(sub, v) ? `: ${valueMeaning(sub, v)}` : ''}`), '');
  if (sub === 'placement.constraints') lines.push(l10n.t('Each entry is `attribute==value` or `attribute!=value`, for example `node.role==manager` or `node.labels.zone==east`.'), '');
  if (sub === 'mode') lines.push(l10n.t('`docker compose up` runs `replicated` only; the other modes need `docker stack deploy` (Swarm).'));
  else if (COMPOSE_READS_PART.includes(sub) || COMPOSE_READS.some((p) => sub === p || sub.startsWith(`${p}.`))) lines.push(l10n.t('Read by `docker compose up` and by `docker stack deploy` (Swarm).'));
  else lines.push(l10n.t('Takes effect only with `docker stack deploy` (Swarm); `docker compose up` ignores it.'));
  return lines;
}

/** The note for the `deploy` key itself. */
export function deployKeyNote(path: readonly string[]): string | undefined {
  return path[0] === 'services' && path.length === 3 && path[2] === 'deploy'
    ? l10n.t('`docker stack deploy` (Swarm) reads all of it; `docker compose up` reads only `replicas`, `resources` and `restart_policy`.')
    : undefined;
}
