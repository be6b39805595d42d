// Run presets (issue 18): each of the handbook's services maps to run options with its volumes, ports on
// 127.0.0.1, environment, command and restart policy; the options pass validation, reach nothing beyond
// the container, give a docker run line without secrets, and a create body the engine takes as meant.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { containerCreateBody } from '../../../src/engine/run';
import { dockerRunLine } from '../../../src/run/dockerRunLine';
import { parseDockerRunLine } from '../../../src/run/parseDockerRunLine';
import { presetById, RUN_PRESETS } from '../../../src/run/presets/presetCatalog';
import { presetRunOptions } from '../../../src/run/presets/presetRunOptions';
import { readSysctl, sysctlShortfall } from '../../../src/run/presets/sysctlCheck';
import { runConfigurationEffects } from '../../../src/run/runConfigurationReview';
import { validateRunOptions } from '../../../src/run/validateRunOptions';
import type { RunOptions } from '../../../src/models/run/runOptions';

const EXPECTED: Record<string, RunOptions> = {
  redis: {
    image: 'redis:7.4', name: 'redis', mode: 'detached', restart: 'unless-stopped', ports: ['127.0.0.1:6379:6379'],
    volumes: ['redis-data:/data'], command: 'redis-server --appendonly yes',
  },
  mysql: {
    image: 'mysql:8.4', name: 'mysql', mode: 'detached', restart: 'unless-stopped', ports: ['127.0.0.1:3306:3306'],
    volumes: ['mysql-conf:/etc/mysql/conf.d', 'mysql-data:/var/lib/mysql', 'mysql-log:/var/log/mysql'], secretEnv: ['MYSQL_ROOT_PASSWORD'],
  },
  centos: { image: 'centos:7', name: 'centos', mode: 'interactiveDetached', command: '/bin/bash' },
  jenkins: {
    image: 'jenkins/jenkins:lts-jdk17', name: 'jenkins', mode: 'detached', restart: 'unless-stopped',
    ports: ['127.0.0.1:8080:8080', '127.0.0.1:50000:50000'], volumes: ['jenkins-home:/var/jenkins_home'],
  },
  gitlab: {
    image: 'gitlab/gitlab-ce:17.5.2-ce.0', name: 'gitlab', mode: 'detached', restart: 'unless-stopped',
    ports: ['127.0.0.1:8929:8929', '127.0.0.1:8443:443', '127.0.0.1:2224:22'],
    volumes: ['gitlab-config:/etc/gitlab', 'gitlab-logs:/var/log/gitlab', 'gitlab-data:/var/opt/gitlab'],
    env: ["GITLAB_OMNIBUS_CONFIG=external_url 'http://localhost:8929'; gitlab_rails['gitlab_shell_ssh_port'] = 2224"],
  },
  elasticsearch: {
    image: 'elasticsearch:8.15.3', name: 'elasticsearch', mode: 'detached', restart: 'unless-stopped',
    ports: ['127.0.0.1:9200:9200', '127.0.0.1:9300:9300'], volumes: ['elasticsearch-data:/usr/share/elasticsearch/data'],
    env: ['discovery.type=single-node', 'ES_JAVA_OPTS=-Xms512m -Xmx512m'], memory: '1g',
  },
  nginx: {
    image: 'nginx:1.27', name: 'nginx', mode: 'detached', restart: 'unless-stopped', ports: ['127.0.0.1:8080:80'],
    volumes: ['nginx-conf:/etc/nginx/conf.d'],
  },
};

describe('run presets', () => {
  it('offers the handbook services, each once, with a description', () => {
    assert.deepEqual(RUN_PRESETS.map((p) => p.id), ['redis', 'mysql', 'centos', 'jenkins', 'gitlab', 'elasticsearch', 'nginx']);
    for (const preset of RUN_PRESETS) assert.ok(preset.description().length > 20, preset.id);
  });

  for (const [id, expected] of Object.entries(EXPECTED)) {
    it(`maps ${id} to its volumes, ports on 127.0.0.1, environment, command and restart policy`, () => {
      assert.deepEqual(presetRunOptions(presetById(id)!), expected);
    });
  }

  it('gives options that validate without errors and reach nothing beyond the container but the secrets they name', () => {
    for (const preset of RUN_PRESETS) {
      const options = presetRunOptions(preset);
      assert.deepEqual(validateRunOptions(options).filter((p) => p.severity === 'error'), [], preset.id);
      const secrets = preset.id === 'mysql' ? ['Gives the container values from your secret storage: MYSQL_ROOT_PASSWORD.'] : [];
      assert.deepEqual(runConfigurationEffects(options), secrets, preset.id);
    }
  });

  it('builds a create body with loopback bindings, named volumes and the restart policy', () => {
    const body = containerCreateBody(presetRunOptions(presetById('gitlab')!), []);
    assert.deepEqual(body.HostConfig?.PortBindings, {
      '8929/tcp': [{ HostIp: '127.0.0.1', HostPort: '8929' }],
      '443/tcp': [{ HostIp: '127.0.0.1', HostPort: '8443' }],
      '22/tcp': [{ HostIp: '127.0.0.1', HostPort: '2224' }],
    });
    assert.deepEqual(body.HostConfig?.Binds, ['gitlab-config:/etc/gitlab', 'gitlab-logs:/var/log/gitlab', 'gitlab-data:/var/opt/gitlab']);
    assert.deepEqual(body.HostConfig?.RestartPolicy, { Name: 'unless-stopped', MaximumRetryCount: 0 });
    const redis = containerCreateBody(presetRunOptions(presetById('redis')!), []);
    assert.deepEqual(redis.Cmd, ['redis-server', '--appendonly', 'yes']);
    const centos = containerCreateBody(presetRunOptions(presetById('centos')!), []);
    assert.equal(centos.Tty, true);
    assert.equal(centos.OpenStdin, true);
    assert.equal(centos.AttachStdin, false, '-itd: a terminal is kept, nothing attached');
    const es = containerCreateBody(presetRunOptions(presetById('elasticsearch')!), presetRunOptions(presetById('elasticsearch')!).env!);
    assert.equal(es.HostConfig?.Memory, 1024 ** 3);
    assert.ok(es.Env?.includes('ES_JAVA_OPTS=-Xms512m -Xmx512m'));
  });

  it('writes the mysql root password in the docker run line only as a name taken from the shell', () => {
    const line = dockerRunLine(presetRunOptions(presetById('mysql')!));
    assert.equal(line, 'docker run -d --name mysql --restart unless-stopped -p 127.0.0.1:3306:3306 -v mysql-conf:/etc/mysql/conf.d -v mysql-data:/var/lib/mysql -v mysql-log:/var/log/mysql -e MYSQL_ROOT_PASSWORD mysql:8.4');
  });

  it('reads every preset line back into the same options (secret names come back as pass-through env)', () => {
    for (const preset of RUN_PRESETS) {
      const options = presetRunOptions(preset);
      const parsed = parseDockerRunLine(dockerRunLine(options));
      assert.ok(!('problem' in parsed), preset.id);
      const { secretEnv, ...rest } = options;
      const expected = secretEnv ? { ...rest, env: [...(rest.env ?? []), ...secretEnv] } : rest;
      assert.deepEqual(parsed.options, expected, preset.id);
      assert.deepEqual(parsed.unsupported, [], preset.id);
    }
  });

  it('checks vm.max_map_count for Elasticsearch: a value below 262144 is said, enough is not', async () => {
    assert.deepEqual(presetById('elasticsearch')!.sysctlMinimums, [{ name: 'vm.max_map_count', minimum: 262144 }]);
    assert.equal(sysctlShortfall('vm.max_map_count', 65530, 262144), 'On this machine vm.max_map_count is 65530, below 262144: the container will stop at start until you raise it.');
    assert.equal(sysctlShortfall('vm.max_map_count', 262144, 262144), undefined);
    const live = await readSysctl('vm.max_map_count');
    assert.equal(live, Number(fs.readFileSync('/proc/sys/vm/max_map_count', 'utf8')));
    assert.equal(await readSysctl('vm.no_such_setting'), undefined);
  });

  it('explains the Elasticsearch memory needs: vm.max_map_count and the heap', () => {
    const note = presetById('elasticsearch')!.note!();
    assert.match(note, /vm\.max_map_count/);
    assert.match(note, /262144/);
    assert.match(note, /ES_JAVA_OPTS/);
    assert.match(note, /137/);
  });
});
