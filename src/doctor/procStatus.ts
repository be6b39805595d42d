// /proc/self/status: the process's real ids and its supplementary groups, which are fixed at login: a user
// added to the docker group has it in /etc/group at once, but in this list only after logging in again.
export interface ProcessIdentity {
  readonly uid: number;
  readonly gid: number;
  readonly groups: readonly number[];
}

export function parseProcStatus(text: string): ProcessIdentity | undefined {
  const field = (name: string) => text.match(new RegExp(`^${name}:\\s*(.*)$`, 'm'))?.[1]?.trim();
  const uid = field('Uid')?.split(/\s+/)[0];
  const gid = field('Gid')?.split(/\s+/)[0];
  if (uid === undefined || gid === undefined || !/^\d+$/.test(uid) || !/^\d+$/.test(gid)) return undefined;
  const groups = (field('Groups') ?? '').split(/\s+/).filter((g) => /^\d+$/.test(g)).map(Number);
  return { uid: Number(uid), gid: Number(gid), groups };
}
