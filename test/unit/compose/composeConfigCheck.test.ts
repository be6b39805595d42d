// The CLI's check on save (`config -q`): each shape of error that compose v1 (Debian's docker-compose 1.29,
// the texts below are what it prints) and v2 print, placed on the line it names; and the real docker-compose
// run through the runner on broken files, its error placed on the right line.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findComposeCli, runCompose } from '../../../src/compose/composeCli';
import { locateCliError } from '../../../src/compose/composeKeyLocator';
import { parseErrorLocation } from '../../../src/compose/composeOutput';
import { projectArgs } from '../../../src/compose/composeProject';
import { configErrorKind, shouldCheckOnSave } from '../../../src/compose/configCheckPolicy';
import { composeAvailable } from '../../support/composeCliAvailable';

const FILE = [
  'name: shop', // 0
  'services:', // 1
  '  web:', // 2
  '    image: busybox', // 3
  '    depends_on: [db]', // 4
  '    environment:', // 5
  '      A: ${A:?A is required}', // 6
  '    ports: 80', // 7
  '',
].join('\n');

const spec = { files: ['/w/docker-compose.yml'], directory: '/w', profiles: [] };
const lineOf = async (stderr: string) => (await locateCliError(spec, stderr, async () => FILE))?.line;

describe('compose config on save: when it runs, what its error becomes', () => {
  const saved = { scheme: 'file', languageId: 'dockercompose', path: '/w/compose.yaml', trusted: true, enabled: true };
  it('runs for a compose file saved in a trusted workspace', () => {
    assert.equal(shouldCheckOnSave(saved), true);
    assert.equal(shouldCheckOnSave({ ...saved, languageId: 'yaml', path: '/w/docker-compose.prod.yml' }), true, 'recognised by name');
  });
  it('never runs in an untrusted workspace, when turned off, for other files or for files not on disk', () => {
    assert.equal(shouldCheckOnSave({ ...saved, trusted: false }), false);
    assert.equal(shouldCheckOnSave({ ...saved, enabled: false }), false);
    assert.equal(shouldCheckOnSave({ ...saved, languageId: 'yaml', path: '/w/values.yaml' }), false);
    assert.equal(shouldCheckOnSave({ ...saved, scheme: 'untitled' }), false);
  });
  it('adds an error only where the spec check has none, and an older CLI\'s unknown key as a hint', () => {
    assert.equal(configErrorKind(false, false), 'error');
    assert.equal(configErrorKind(false, true), 'hint');
    assert.equal(configErrorKind(true, false), 'skip');
    assert.equal(configErrorKind(true, true), 'skip');
  });
});

describe('compose config on save: where the CLI\'s error goes', () => {
  const shapes: [string, string, number | undefined, boolean?][] = [
    ['v1 YAML parser error', 'yaml.parser.ParserError: while parsing a block mapping\n  in "./docker-compose.yml", line 2, column 3\nexpected <block end>, but found \'<block mapping start>\'\n  in "./docker-compose.yml", line 4, column 4\n', 3],
    ['v1 YAML scanner error', 'yaml.scanner.ScannerError: while scanning a quoted scalar\n  in "./docker-compose.yml", line 7, column 10\nfound unexpected end of stream\n  in "./docker-compose.yml", line 9, column 1\n', 8],
    ['v1 unknown service key', "The Compose file './docker-compose.yml' is invalid because:\nUnsupported config option for services.web: 'image'\n", 3, true],
    ['v1 unknown top-level key (it predates `name:`)', "The Compose file './docker-compose.yml' is invalid because:\n'name' does not match any of the regexes: '^x-'\n\nYou might be seeing this error because you're using the wrong Compose file version.\n", 0, true],
    ['v1 a compose tag it predates', "yaml.constructor.ConstructorError: could not determine a constructor for the tag '!reset'\n  in \"./docker-compose.yml\", line 4, column 12\n", 3, true],
    ['v1 wrong type', "The Compose file './docker-compose.yml' is invalid because:\nservices.web.ports contains an invalid type, it should be an array\n", 7],
    ['v1 undefined dependency', "Service 'web' depends on service 'db' which is undefined.\n", 4],
    ['v1 required variable', 'Missing mandatory value for "environment" option interpolating {\'A\': \'${A:?A is required}\'} in service "web": A is required\n', 5],
    ['v2 YAML error', 'yaml: line 8: mapping values are not allowed in this context\n', 7],
    ['v2 YAML error after the file', 'parsing /w/docker-compose.yml: yaml: line 4: did not find expected key\n', 3],
    ['v2 unknown key', "validating /w/docker-compose.yml: services.web additional properties 'image' not allowed\n", 3, true],
    ['v2 wrong type', 'validating /w/docker-compose.yml: services.web.ports must be a array\n', 7],
    ['v2 undefined dependency', 'service "web" depends on undefined service "db": invalid compose project\n', 4],
    ['v2 required variable (no place named)', 'required variable A is missing a value: A is required\n', undefined],
  ];
  for (const [name, stderr, line, unknownToCli] of shapes) {
    it(name, async () => {
      assert.equal(await lineOf(stderr), line);
      assert.equal(parseErrorLocation(stderr)?.unknownToCli, unknownToCli);
    });
  }
});

describe('compose config on save with the real docker-compose', function () {
  this.timeout(60_000);
  let dir: string;
  before(function () {
    if (!composeAvailable()) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-compose-config-'));
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  const cases: [string, string[], number | undefined][] = [
    ['a required variable', ['services:', '  web:', '    image: busybox', '    environment:', '      A: ${DOCKSIDE_UNSET_VARIABLE:?set it}'], 3],
    ['a bad indentation', ['services:', '  web:', '    image: busybox', '   ports: [80]'], 3],
    ['an undefined dependency', ['services:', '  web:', '    image: busybox', '    depends_on: [db]'], 3],
    ['a valid file', ['services:', '  web:', '    image: busybox'], undefined],
  ];
  for (const [name, lines, line] of cases) {
    it(`places ${name}`, async () => {
      const file = path.join(dir, `${name.replace(/\W+/g, '-')}.yml`);
      fs.writeFileSync(file, lines.join('\n') + '\n');
      const { cli } = await findComposeCli('docker-compose');
      const project = { files: [file], directory: dir, profiles: [] };
      const env = { ...process.env };
      delete env.DOCKSIDE_UNSET_VARIABLE;
      const result = await runCompose(cli!, [...projectArgs(project), 'config', '-q'], { cwd: dir, env });
      assert.equal(result.code === 0, line === undefined, result.stderr);
      if (line !== undefined) assert.equal((await locateCliError(project, result.stderr, async (f) => fs.readFileSync(f, 'utf8')))?.line, line, result.stderr);
    });
  }
});
