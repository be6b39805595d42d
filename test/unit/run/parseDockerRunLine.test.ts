// A pasted docker run line fills the Run… form: the inverse of "Copy as docker run".
import * as assert from 'node:assert/strict';
import { dockerRunLine } from '../../../src/run/dockerRunLine';
import { parseDockerRunLine } from '../../../src/run/parseDockerRunLine';

describe('pasting a docker run line', () => {
  it('reads the flags people write, long, short and glued, and the command after the image', () => {
    const parsed = parseDockerRunLine(`docker run -dit --name web --restart=unless-stopped -p 127.0.0.1:8080:80 --publish 443:443 -v data:/data -e 'GREETING=ni hao' --memory 512m -w /srv --cap-add NET_ADMIN nginx:1.27 sh -c 'echo hi; sleep 1'`);
    assert.ok('options' in parsed);
    assert.deepEqual(parsed.unsupported, []);
    assert.deepEqual(parsed.options, {
      image: 'nginx:1.27', mode: 'interactiveDetached', name: 'web', restart: 'unless-stopped', ports: ['127.0.0.1:8080:80', '443:443'],
      volumes: ['data:/data'], env: ['GREETING=ni hao'], memory: '512m', workdir: '/srv', capAdd: ['NET_ADMIN'], command: `sh -c 'echo hi; sleep 1'`,
    });
  });

  it('gives back the line "Copy as docker run" wrote', () => {
    const line = `docker run -d --rm --name api --network back --ip 10.176.241.22 -p 8080:8080 -v /srv/app:/app:ro --tmpfs /run -e MODE=prod --device /dev/fuse --label team=web busybox:latest httpd -f`;
    const parsed = parseDockerRunLine(line);
    assert.ok('options' in parsed);
    assert.equal(dockerRunLine(parsed.options), line);
  });

  it('names the flags the form has no field for, and refuses what is not a run line', () => {
    const parsed = parseDockerRunLine('docker container run --add-host db:10.0.0.2 --init -p8080:80 alpine');
    assert.ok('options' in parsed);
    assert.deepEqual(parsed.unsupported, ['--add-host db:10.0.0.2', '--init']);
    assert.deepEqual(parsed.options.ports, ['8080:80']);
    assert.deepEqual(parseDockerRunLine('docker ps -a'), { problem: 'notRunLine' });
    assert.deepEqual(parseDockerRunLine('docker run -d --name x'), { problem: 'noImage' });
    assert.deepEqual(parseDockerRunLine("docker run 'alpine"), { problem: 'quotes' });
  });
});
