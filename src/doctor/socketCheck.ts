// Why the engine does not answer, seen from the socket: which one Dockside used and why, whether it exists,
// who owns it with which mode, and whether this process may open it (the docker group, and the case of a
// user added to it who has not logged in again).
import { finding, type Finding } from './finding';
import { DEFAULT_SOCKET, unixSocketOf, type DoctorInput } from './doctorInput';
import { isMemberByDatabase, parseEtcGroup, parseEtcPasswd } from './etcGroup';
import type { FileStat, HostAccess } from './hostAccess';
import { parseProcStatus } from './procStatus';
import * as path from 'node:path';

export async function socketFindings(input: DoctorInput): Promise<Finding[]> {
  const endpoint = input.endpoint;
  if (!endpoint) return [];
  const findings: Finding[] = [finding('socketChoice', 'info', { host: endpoint.host, source: endpoint.source, context: endpoint.contextName ?? '' })];
  const dockerHost = input.host.env.DOCKER_HOST;
  if (input.engine.kind === 'failed' && dockerHost && dockerHost !== `unix://${DEFAULT_SOCKET}`) {
    const defaultAnswers = (await input.host.probeSocket(DEFAULT_SOCKET)) === 'ok';
    findings.push(finding('dockerHostElsewhere', 'warning', { dockerHost, used: endpoint.host, defaultSocket: DEFAULT_SOCKET, defaultAnswers: String(defaultAnswers) }, { command: 'unset DOCKER_HOST' }));
  }
  const socket = unixSocketOf(endpoint.host);
  if (input.engine.kind === 'answered' || !socket) return findings;
  const stat = await input.host.stat(socket);
  if (!stat) return [...findings, finding('socketMissing', 'error', { socket }, { command: `ls -la ${path.dirname(socket)}` })];
  const probe = await input.host.probeSocket(socket);
  if (probe === 'ECONNREFUSED') findings.push(finding('socketRefused', 'error', { socket }, { command: `sudo rm ${socket}` }));
  if (probe === 'EACCES' || probe === 'EPERM') findings.push(...(await permissionFindings(input.host, socket, stat)));
  return findings;
}

export function modeString(mode: number): string {
  const bits = 'rwxrwxrwx';
  let text = '';
  for (let i = 0; i < 9; i++) text += mode & (1 << (8 - i)) ? bits[i] : '-';
  return `${(mode & 0o777).toString(8).padStart(4, '0')} (s${text})`;
}

async function permissionFindings(host: HostAccess, socket: string, stat: FileStat): Promise<Finding[]> {
  const groups = parseEtcGroup((await host.readFile(path.join(host.roots.etc, 'group'))) ?? '');
  const users = parseEtcPasswd((await host.readFile(path.join(host.roots.etc, 'passwd'))) ?? '');
  const me = parseProcStatus((await host.readFile(path.join(host.roots.proc, 'self', 'status'))) ?? '');
  const owner = users.find((u) => u.uid === stat.uid)?.name ?? String(stat.uid);
  const group = groups.find((g) => g.gid === stat.gid);
  const user = me ? users.find((u) => u.uid === me.uid) : undefined;
  const userName = user?.name ?? host.env.USER ?? String(me?.uid ?? '?');
  const facts = { socket, owner, group: group?.name ?? String(stat.gid), mode: modeString(stat.mode), user: userName };
  const out: Finding[] = [finding('socketPermission', 'error', facts, { command: `ls -l ${socket}` })];
  if (!group || (stat.mode & 0o060) !== 0o060) {
    // Only the owner may use it: group membership would not help; the engine's socket group setting would.
    return [finding('socketPermission', 'error', { ...facts, groupUseless: 'true' }, { command: `sudo chgrp docker ${socket} && sudo chmod 660 ${socket}` })];
  }
  if (!isMemberByDatabase(group, user)) {
    out.push(finding('notInDockerGroup', 'error', { user: userName, group: group.name }, { command: `sudo usermod -aG ${group.name} ${userName}` }));
  } else if (me && !me.groups.includes(group.gid) && me.gid !== group.gid) {
    out.push(finding('dockerGroupNotActive', 'error', { user: userName, group: group.name }, { command: `newgrp ${group.name}` }));
  }
  return out;
}
