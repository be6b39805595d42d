// A HostAccess over literals, for the checks' logic: files by path, stats, programs on PATH, command
// outputs, processes. The live fault tests use the real one.
import type { CommandResult, FileStat, HostAccess, SocketProbe } from '../../../src/doctor/hostAccess';
import { DEFAULT_ROOTS } from '../../../src/doctor/hostAccess';

export interface FakeHost {
  files?: Record<string, string>;
  stats?: Record<string, FileStat>;
  statfs?: Record<string, { total: number; available: number }>;
  programs?: Record<string, string>;
  commands?: Record<string, CommandResult>;
  sockets?: Record<string, SocketProbe>;
  env?: NodeJS.ProcessEnv;
}

export function fakeHost(fake: FakeHost): HostAccess {
  const files = fake.files ?? {};
  return {
    roots: DEFAULT_ROOTS,
    env: fake.env ?? { PATH: '/usr/bin' },
    home: '/home/ana',
    now: () => 1_000,
    readFile: async (file) => files[file],
    stat: async (file) => fake.stats?.[file],
    statfs: async (dir) => fake.statfs?.[dir],
    run: async (command, args) => fake.commands?.[[command, ...args].join(' ')],
    which: async (name) => fake.programs?.[name],
    pids: async () => Object.keys(files).map((f) => /^\/proc\/(\d+)\/comm$/.exec(f)?.[1]).filter((p): p is string => !!p).map(Number),
    probeSocket: async (socket) => fake.sockets?.[socket] ?? 'ENOENT',
  };
}
