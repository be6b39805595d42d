// The compose CLI's output shapes, v2 (JSON where it offers it) and v1 (text): one case per shape.
import * as assert from 'node:assert/strict';
import { errorSentence, parseErrorLocation, parseProgressLine, parsePsOutput, parseVersionOutput, stripAnsi } from '../../../src/compose/composeOutput';
import { findKeyPath, locateCliError, serviceLines } from '../../../src/compose/composeKeyLocator';
import { defaultProjectName, projectArgs, specFromLabels } from '../../../src/compose/composeProject';
import { splitCommandLine } from '../../../src/compose/composeCli';
import { projectRisks } from '../../../src/compose/composeRisks';

describe('compose CLI output', () => {
  describe('version', () => {
    it('v2: version --format json', () => assert.deepEqual(parseVersionOutput('{"version":"v2.27.1"}\n'), { generation: 'v2', version: '2.27.1' }));
    it('v1: version --short', () => assert.deepEqual(parseVersionOutput('1.29.2\n'), { generation: 'v1', version: '1.29.2' }));
    it('v1: version (long)', () => assert.deepEqual(parseVersionOutput('docker-compose version 1.29.2, build unknown\ndocker-py version: 5.0.3\n'), { generation: 'v1', version: '1.29.2' }));
    it('v2: version (text)', () => assert.deepEqual(parseVersionOutput('Docker Compose version v2.20.2\n'), { generation: 'v2', version: '2.20.2' }));
    it('nothing recognisable', () => assert.equal(parseVersionOutput('usage: …'), undefined));
  });

  describe('ps', () => {
    it('v2 before 2.21: one JSON array', () => {
      const out = '[{"Name":"shop-web-1","Service":"web","State":"running","Status":"Up 2 seconds"},{"Name":"shop-db-1","Service":"db","State":"exited","Status":"Exited (0)"}]';
      assert.deepEqual(parsePsOutput(out).map((c) => [c.name, c.service, c.state]), [['shop-web-1', 'web', 'running'], ['shop-db-1', 'db', 'exited']]);
    });
    it('v2 since 2.21: one JSON object a line', () => {
      const out = '{"Name":"shop-web-1","Service":"web","State":"running"}\n{"Name":"shop-web-2","Service":"web","State":"paused"}\n';
      assert.deepEqual(parsePsOutput(out).map((c) => [c.name, c.state]), [['shop-web-1', 'running'], ['shop-web-2', 'paused']]);
    });
    it('v1: the text table', () => {
      const out = [
        // As docker-compose 1.29 prints it: centred headers, values padded per column.
        '    Name            Command          State              Ports          ',
        '-----------------------------------------------------------------------',
        'shop_db_1    sleep 1000             Exit 137                           ',
        'shop_web_1   httpd -f -p 80    Up (healthy)   127.0.0.1:18080->80/tcp',
        'shop_web_2   sleep 100              Up                                 ',
      ].join('\n');
      assert.deepEqual(parsePsOutput(out).map((c) => [c.name, c.state, c.status]), [['shop_db_1', 'exited', 'Exit 137'], ['shop_web_1', 'running', 'Up (healthy)'], ['shop_web_2', 'running', 'Up']]);
    });
    it('no containers', () => assert.deepEqual(parsePsOutput(''), []));
  });

  describe('progress lines', () => {
    it('v2 plain progress', () => assert.deepEqual(parseProgressLine(' Container shop-web-1  Starting'), { subject: 'shop-web-1', action: 'Starting' }));
    it('v2 with a tick and a time', () => assert.deepEqual(parseProgressLine(' ✔ Container shop-db-1  Started  0.4s'), { subject: 'shop-db-1', action: 'Started' }));
    it('v2 network', () => assert.deepEqual(parseProgressLine(' Network shop_default  Creating'), { subject: 'shop_default', action: 'Creating' }));
    it('v1 container', () => assert.deepEqual(parseProgressLine('Creating shop_web_1 ... '), { subject: 'shop_web_1', action: 'Creating' }));
    it('v1 network', () => assert.deepEqual(parseProgressLine('Creating network "shop_default" with the default driver'), { subject: 'shop_default', action: 'Creating' }));
    it('v1 with colours', () => assert.deepEqual(parseProgressLine('Starting shop_db_1 ... \x1b[32mdone\x1b[0m'), { subject: 'shop_db_1', action: 'Starting' }));
    it('other lines', () => assert.equal(parseProgressLine('Attaching to shop_web_1'), undefined));
  });

  it('strips ANSI colours and cursor movement', () => {
    assert.equal(stripAnsi('\x1b[1A\x1b[2K\rCreating \x1b[32mdone\x1b[0m'), '\rCreating done');
  });

  describe('errors', () => {
    it('v1 schema error: the file, the reason', () => {
      const stderr = "The Compose file './docker-compose.yml' is invalid because:\nUnsupported config option for services.web: 'imagee'\n";
      assert.equal(errorSentence(stderr), "The Compose file './docker-compose.yml' is invalid because: Unsupported config option for services.web: 'imagee'");
      assert.deepEqual(parseErrorLocation(stderr), { keyPath: ['services', 'web'], key: 'imagee', file: './docker-compose.yml', unknownToCli: true });
    });
    it('v1 YAML error: the last "in file, line, column"', () => {
      const stderr = 'yaml.parser.ParserError: while parsing a block mapping\n  in "./docker-compose.yml", line 2, column 3\nexpected <block end>, but found \'<block mapping start>\'\n  in "./docker-compose.yml", line 4, column 4\n';
      assert.deepEqual(parseErrorLocation(stderr), { file: './docker-compose.yml', line: 4, column: 4 });
      // The sentence is the problem before that line, not the context before the first one.
      assert.equal(errorSentence(stderr), "expected <block end>, but found '<block mapping start>'");
      assert.equal(errorSentence('yaml.scanner.ScannerError: mapping values are not allowed here\n  in "./c.yml", line 4, column 8\n'), 'mapping values are not allowed here');
    });
    it('v1 wrong type', () => {
      const stderr = "ERROR: The Compose file './docker-compose.yml' is invalid because:\nservices.web.ports contains an invalid type, it should be an array\n";
      assert.deepEqual(parseErrorLocation(stderr), { keyPath: ['services', 'web', 'ports'], file: './docker-compose.yml' });
    });
    it('v1 undefined network at up', () => {
      const stderr = 'ERROR: Service "web" uses an undefined network "front"\n';
      assert.equal(errorSentence(stderr), 'Service "web" uses an undefined network "front"');
      assert.deepEqual(parseErrorLocation(stderr), { keyPath: ['services', 'web', 'networks'], key: 'front' });
    });
    it('v2 YAML error', () => {
      assert.deepEqual(parseErrorLocation('yaml: line 4: did not find expected key\n'), { file: undefined, line: 4, column: undefined });
    });
    it('v2 additional property', () => {
      assert.deepEqual(parseErrorLocation("validating /w/compose.yaml: services.web additional properties 'imagee' not allowed\n"), { file: '/w/compose.yaml', keyPath: ['services', 'web'], key: 'imagee', unknownToCli: true });
    });
    it('v2 undefined network', () => {
      assert.deepEqual(parseErrorLocation('service "web" refers to undefined network front: invalid compose project\n'), { keyPath: ['services', 'web', 'networks'], key: 'front' });
    });
    it('the daemon\'s word on a taken port', () => {
      const stderr = 'Creating shop_web_1 ... error\n\nERROR: for shop_web_1  Cannot start service web: driver failed programming external connectivity: Bind for 127.0.0.1:18080 failed: port is already allocated\nERROR: Encountered errors while bringing up the project.\n';
      assert.equal(errorSentence(stderr), 'Encountered errors while bringing up the project.');
    });
  });
});

describe('compose key locator', () => {
  const text = 'x-a: &a\n  restart: always\nservices:\n  web:\n    image: x\n    networks: [front]\n  "db":\n    image: y\nnetworks:\n  back: {}\n';
  it('finds the services and their lines', () => {
    assert.deepEqual(serviceLines(text).entries.map((e) => [e.key, e.line, e.character]), [['web', 3, 2], ['db', 6, 2]]);
  });
  it('finds a key path, or as much of it as exists', () => {
    assert.deepEqual(findKeyPath(text, ['services', 'web', 'networks']), { key: 'networks', line: 5, character: 4 });
    assert.deepEqual(findKeyPath(text, ['services', 'db', 'ports']), { key: 'db', line: 6, character: 2 });
  });
  it('places a CLI error on the key it names', async () => {
    const spec = { files: ['/w/docker-compose.yml'], directory: '/w', profiles: [] };
    const located = await locateCliError(spec, "The Compose file './docker-compose.yml' is invalid because:\nUnsupported config option for services.web: 'image'\n", async () => text);
    assert.deepEqual(located, { file: '/w/docker-compose.yml', line: 4, character: 4, endCharacter: 9 });
  });
});

describe('compose project arguments', () => {
  it('files, env file, profiles, name and folder in the order compose reads them', () => {
    assert.deepEqual(projectArgs({ files: ['/w/a.yml', '/w/b.yml'], directory: '/w', envFile: '/w/.env.test', profiles: ['debug'], name: 'shop' }),
      ['-f', '/w/a.yml', '-f', '/w/b.yml', '--env-file', '/w/.env.test', '--profile', 'debug', '-p', 'shop', '--project-directory', '/w']);
  });
  it('reads a project from its containers\' labels', () => {
    const spec = specFromLabels({ 'com.docker.compose.project': 'shop', 'com.docker.compose.project.working_dir': '/w', 'com.docker.compose.project.config_files': 'compose.yaml,compose.override.yaml' });
    assert.deepEqual(spec, { files: ['/w/compose.yaml', '/w/compose.override.yaml'], directory: '/w', name: 'shop', profiles: [], envFile: undefined });
  });
  it('derives the default project name like compose', () => assert.equal(defaultProjectName('/home/u/My Shop.2'), 'myshop2'));
  it('splits the command setting into words, quotes grouping, no shell', () => {
    assert.deepEqual(splitCommandLine(`"/opt/my tools/docker" compose`), ['/opt/my tools/docker', 'compose']);
    assert.deepEqual(splitCommandLine('docker-compose; rm -rf /'), ['docker-compose;', 'rm', '-rf', '/']);
  });
});

describe('what a compose project would do to the machine', () => {
  it('names host mounts, privileged, capabilities, host namespaces, devices and ports on every interface', () => {
    const rendered = [
      'services:',
      '  web:',
      '    privileged: true',
      '    cap_add: [NET_ADMIN]',
      '    network_mode: host',
      '    devices: ["/dev/fuse:/dev/fuse"]',
      '    volumes:',
      '      - type: bind',
      '        source: /etc',
      '        target: /host-etc',
      '      - type: volume',
      '        source: data',
      '        target: /data',
      '    ports:',
      '      - mode: ingress',
      '        target: 80',
      '        published: "8080"',
      '        protocol: tcp',
      '      - mode: ingress',
      '        host_ip: 127.0.0.1',
      '        target: 81',
      '        published: "8081"',
    ].join('\n');
    assert.deepEqual(projectRisks(rendered), [
      'web: runs privileged (full access to the host)',
      'web: adds capabilities NET_ADMIN',
      'web: uses the host network namespace',
      'web: maps host devices',
      'web: mounts the host path /etc',
      'web: publishes port 8080 on every interface',
    ]);
  });
  it('has nothing to say of a project on loopback ports with named volumes', () => {
    assert.deepEqual(projectRisks('services:\n  web:\n    ports:\n      - host_ip: 127.0.0.1\n        target: 80\n        published: "18080"\n'), []);
  });
});
