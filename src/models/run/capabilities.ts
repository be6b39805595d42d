// The Linux capabilities `--cap-add`/`--cap-drop` accept, each with one line on what it allows, so the
// form can offer choices people understand. Meanings are l10n keys resolved where they are shown.
import * as l10n from '@vscode/l10n';

export const CAPABILITIES: Readonly<Record<string, () => string>> = {
  ALL: () => l10n.t('Every capability below'),
  AUDIT_CONTROL: () => l10n.t('Configure kernel auditing'),
  AUDIT_READ: () => l10n.t('Read the kernel audit log'),
  AUDIT_WRITE: () => l10n.t('Write records to the kernel audit log'),
  BLOCK_SUSPEND: () => l10n.t('Keep the system from suspending'),
  BPF: () => l10n.t('Load BPF programs and maps'),
  CHECKPOINT_RESTORE: () => l10n.t('Checkpoint and restore processes'),
  CHOWN: () => l10n.t('Change the owner of any file'),
  DAC_OVERRIDE: () => l10n.t('Bypass file read, write and execute permission checks'),
  DAC_READ_SEARCH: () => l10n.t('Bypass file read and directory search permission checks'),
  FOWNER: () => l10n.t('Act as the owner of any file'),
  FSETID: () => l10n.t('Keep set-user-ID bits when a file changes'),
  IPC_LOCK: () => l10n.t('Lock memory (mlock, huge pages)'),
  IPC_OWNER: () => l10n.t('Bypass permission checks on System V IPC objects'),
  KILL: () => l10n.t('Send signals to any process'),
  LEASE: () => l10n.t('Take leases on any file'),
  LINUX_IMMUTABLE: () => l10n.t('Set the immutable and append-only file flags'),
  MAC_ADMIN: () => l10n.t('Configure mandatory access control (AppArmor, SELinux)'),
  MAC_OVERRIDE: () => l10n.t('Override mandatory access control'),
  MKNOD: () => l10n.t('Create device files'),
  NET_ADMIN: () => l10n.t('Configure network interfaces, routes and firewall rules'),
  NET_BIND_SERVICE: () => l10n.t('Listen on ports below 1024'),
  NET_BROADCAST: () => l10n.t('Broadcast and listen to multicast'),
  NET_RAW: () => l10n.t('Use raw and packet sockets (ping)'),
  PERFMON: () => l10n.t('Use performance monitoring (perf)'),
  SETFCAP: () => l10n.t('Set file capabilities'),
  SETGID: () => l10n.t('Change group IDs'),
  SETPCAP: () => l10n.t('Change the capabilities of processes'),
  SETUID: () => l10n.t('Change user IDs'),
  SYS_ADMIN: () => l10n.t('Mount file systems and many other administration tasks'),
  SYS_BOOT: () => l10n.t('Reboot and load new kernels'),
  SYS_CHROOT: () => l10n.t('Use chroot'),
  SYS_MODULE: () => l10n.t('Load and unload kernel modules'),
  SYS_NICE: () => l10n.t('Raise process priority and change scheduling'),
  SYS_PACCT: () => l10n.t('Turn process accounting on or off'),
  SYS_PTRACE: () => l10n.t('Trace any process (debuggers, strace)'),
  SYS_RAWIO: () => l10n.t('Access I/O ports and raw devices'),
  SYS_RESOURCE: () => l10n.t('Exceed resource limits'),
  SYS_TIME: () => l10n.t('Set the system clock'),
  SYS_TTY_CONFIG: () => l10n.t('Configure terminals (vhangup)'),
  SYSLOG: () => l10n.t('Use privileged syslog operations'),
  WAKE_ALARM: () => l10n.t('Set alarms that wake the system'),
};

/** "cap_sys_admin", "CAP_SYS_ADMIN" and "sys_admin" all name SYS_ADMIN; undefined when unknown. */
export function capabilityName(text: string): string | undefined {
  const name = text.trim().toUpperCase().replace(/^CAP_/, '');
  return name in CAPABILITIES ? name : undefined;
}

/** The form the engine stores (and the docker CLI sends): CAP_ prefixed, except ALL. */
export function engineCapability(name: string): string {
  return name === 'ALL' ? 'ALL' : `CAP_${name}`;
}
