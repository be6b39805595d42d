// The handbook's services as run presets: plain data, one entry a service, read by presetRunOptions into
// the Run form's options. Ports are written host:container here; the mapper binds them to 127.0.0.1, so
// nothing a preset starts is reachable from other machines unless the user switches that on in the form.
// Images are pinned to a major line the handbook's commands work with. Texts are l10n keys (English and
// Chinese), resolved when shown.
import * as l10n from '@vscode/l10n';
import type { RunMode } from '../../models/run/runOptions';

export interface RunPreset {
  readonly id: string;
  /** The product's own name, not translated. */
  readonly label: string;
  readonly image: string;
  /** The container's name; volume names start with it. */
  readonly name: string;
  readonly mode?: RunMode;
  readonly restart?: string;
  /** hostPort:containerPort, published on 127.0.0.1 by default. */
  readonly ports?: readonly string[];
  /** volume-name:/path in the container. */
  readonly volumes?: readonly string[];
  readonly env?: readonly string[];
  /** Variables asked for at the first run and kept in VS Code's secret storage (a password). */
  readonly secretEnv?: readonly string[];
  readonly command?: string;
  readonly memory?: string;
  /** Kernel settings of the engine's machine the service needs at least (checked when that machine is this one). */
  readonly sysctlMinimums?: readonly { readonly name: string; readonly minimum: number }[];
  /** What it is, one line for the QuickPick. */
  readonly description: () => string;
  /** What to know before running it (memory, first login), shown in the Run form. */
  readonly note?: () => string;
}

export const RUN_PRESETS: readonly RunPreset[] = [
  {
    id: 'redis',
    label: 'Redis',
    image: 'redis:7.4',
    name: 'redis',
    restart: 'unless-stopped',
    ports: ['6379:6379'],
    volumes: ['redis-data:/data'],
    // AOF: every write is appended to /data/appendonly.aof, so the data survives a restart of the container.
    command: 'redis-server --appendonly yes',
    description: () => l10n.t('Key-value store with append-only-file persistence in the volume redis-data'),
  },
  {
    id: 'mysql',
    label: 'MySQL',
    image: 'mysql:8.4',
    name: 'mysql',
    restart: 'unless-stopped',
    ports: ['3306:3306'],
    volumes: ['mysql-conf:/etc/mysql/conf.d', 'mysql-data:/var/lib/mysql', 'mysql-log:/var/log/mysql'],
    secretEnv: ['MYSQL_ROOT_PASSWORD'],
    description: () => l10n.t('Database with configuration, data and log volumes; the root password is asked for and kept in secret storage'),
    note: () => l10n.t('The root password (MYSQL_ROOT_PASSWORD) is asked for at the first run and kept in VS Code\'s secret storage, never in settings; it reaches the container only when it starts.'),
  },
  {
    id: 'centos',
    label: 'CentOS',
    image: 'centos:7',
    name: 'centos',
    // -itd: bash keeps a terminal and waits for input, so the container stays up for shells and exec.
    mode: 'interactiveDetached',
    command: '/bin/bash',
    description: () => l10n.t('A long-running CentOS shell to open terminals in'),
    note: () => l10n.t('CentOS 7 no longer gets updates (end of life June 2024); use it to try things, not to serve anything.'),
  },
  {
    id: 'jenkins',
    label: 'Jenkins',
    image: 'jenkins/jenkins:lts-jdk17',
    name: 'jenkins',
    restart: 'unless-stopped',
    ports: ['8080:8080', '50000:50000'],
    volumes: ['jenkins-home:/var/jenkins_home'],
    description: () => l10n.t('CI server with its home in the volume jenkins-home; web on 8080, agents on 50000'),
    note: () => l10n.t('The first login asks for the initial admin password: it is in /var/jenkins_home/secrets/initialAdminPassword inside the container, and in its log.'),
  },
  {
    id: 'gitlab',
    label: 'GitLab',
    image: 'gitlab/gitlab-ce:17.5.2-ce.0',
    name: 'gitlab',
    restart: 'unless-stopped',
    // GitLab's nginx listens on the port of external_url, so the host and container ports are the same.
    ports: ['8929:8929', '8443:443', '2224:22'],
    volumes: ['gitlab-config:/etc/gitlab', 'gitlab-logs:/var/log/gitlab', 'gitlab-data:/var/opt/gitlab'],
    env: ["GITLAB_OMNIBUS_CONFIG=external_url 'http://localhost:8929'; gitlab_rails['gitlab_shell_ssh_port'] = 2224"],
    description: () => l10n.t('Git server with configuration, logs and data volumes; web on 8929, ssh on 2224'),
    note: () => l10n.t('GitLab needs about 4 GiB of memory and several minutes to start. The initial root password is in /etc/gitlab/initial_root_password inside the container for 24 hours.'),
  },
  {
    id: 'elasticsearch',
    label: 'Elasticsearch',
    image: 'elasticsearch:8.15.3',
    name: 'elasticsearch',
    restart: 'unless-stopped',
    ports: ['9200:9200', '9300:9300'],
    volumes: ['elasticsearch-data:/usr/share/elasticsearch/data'],
    env: ['discovery.type=single-node', 'ES_JAVA_OPTS=-Xms512m -Xmx512m'],
    memory: '1g',
    sysctlMinimums: [{ name: 'vm.max_map_count', minimum: 262144 }],
    description: () => l10n.t('Search engine as a single node, heap 512 MiB (ES_JAVA_OPTS), data in the volume elasticsearch-data'),
    note: () => l10n.t('Elasticsearch stops at start unless vm.max_map_count on the engine\'s machine is at least 262144: run "sudo sysctl -w vm.max_map_count=262144" there (add it to /etc/sysctl.conf to keep it). ES_JAVA_OPTS sets the heap to 512 MiB; keep it at about half the container\'s memory (1g here), or the kernel kills the container (exit code 137).'),
  },
  {
    id: 'nginx',
    label: 'nginx',
    image: 'nginx:1.27',
    name: 'nginx',
    restart: 'unless-stopped',
    ports: ['8080:80'],
    // A new named volume starts with the image's files, so default.conf is there to edit.
    volumes: ['nginx-conf:/etc/nginx/conf.d'],
    description: () => l10n.t('Web server on 8080 with its site configuration in the volume nginx-conf'),
  },
];

export function presetById(id: string): RunPreset | undefined {
  return RUN_PRESETS.find((p) => p.id === id);
}
