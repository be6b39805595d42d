// /etc/group and /etc/passwd, as far as the socket check needs them: names for ids, and who is a member.
export interface GroupEntry {
  readonly name: string;
  readonly gid: number;
  readonly members: readonly string[];
}

export interface PasswdEntry {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

/** `name:password:gid:member,member`; comments, blank and malformed lines (and NIS `+` lines) are skipped. */
export function parseEtcGroup(text: string): GroupEntry[] {
  return text.split('\n').flatMap((line) => {
    const parts = line.trim().split(':');
    if (parts.length < 4 || !parts[0] || parts[0].startsWith('#') || parts[0].startsWith('+') || !/^\d+$/.test(parts[2]!)) return [];
    return [{ name: parts[0], gid: Number(parts[2]), members: parts[3]!.split(',').map((m) => m.trim()).filter(Boolean) }];
  });
}

/** `name:password:uid:gid:gecos:home:shell`. */
export function parseEtcPasswd(text: string): PasswdEntry[] {
  return text.split('\n').flatMap((line) => {
    const parts = line.trim().split(':');
    if (parts.length < 7 || !parts[0] || parts[0].startsWith('#') || !/^\d+$/.test(parts[2]!) || !/^\d+$/.test(parts[3]!)) return [];
    return [{ name: parts[0], uid: Number(parts[2]), gid: Number(parts[3]) }];
  });
}

/** Whether the user belongs to the group by the account database: listed as a member, or it is their primary group. */
export function isMemberByDatabase(group: GroupEntry, user: PasswdEntry | undefined): boolean {
  if (!user) return false;
  return user.gid === group.gid || group.members.includes(user.name);
}
