// The `$dockside-compose` matcher (as package.json declares it) over the line a failed compose task prints:
// from docker-compose 1.29's own words for broken files (captured from Debian's docker-compose 1.29.2), and
// from a real docker-compose run on a broken file when the CLI is installed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findComposeCli, runCompose } from '../../../src/compose/composeCli';
import { projectArgs } from '../../../src/compose/composeProject';
import { COMPOSE_PROBLEM_PATTERN, composeProblemLine } from '../../../src/tasks/composeTaskProblem';

const root = path.resolve(__dirname, '../../../..');
type Matcher = { name: string; owner: string; fileLocation: string; pattern: { regexp: string; file: number; line: number; column: number; severity: number; message: number } };
const matcher = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { problemMatchers: Matcher[] } }).contributes.problemMatchers.find((m) => m.name === 'dockside-compose')!;

/** What VS Code's matcher takes from a terminal line: file, line, column, severity, message. */
function matched(line: string): [string, number, number, string, string] | undefined {
  const m = new RegExp(matcher.pattern.regexp).exec(line);
  const p = matcher.pattern;
  return m ? [m[p.file], Number(m[p.line]), Number(m[p.column]), m[p.severity], m[p.message]] : undefined;
}

const dir = '/w/shop';
const file = `${dir}/compose.yaml`;
const spec = { files: [file], directory: dir, profiles: [] };

describe('compose task problem line', () => {
  it('is declared in package.json with its own owner, the pattern of the code', () => {
    assert.ok(matcher, 'a dockside-compose problem matcher');
    assert.equal(matcher.pattern.regexp, COMPOSE_PROBLEM_PATTERN.source);
    assert.equal(matcher.fileLocation, 'absolute');
    assert.equal(matcher.owner, 'dockside-task-compose');
  });

  // stderr as docker-compose 1.29.2 printed it for each file, run with `-f <absolute file>`.
  const cases: [string, string, string, [number, number, string]][] = [
    [
      'a YAML scanner error',
      'services:\n  web:\n    image: x\n  bad: : :\n',
      `yaml.scanner.ScannerError: mapping values are not allowed here\n  in "${file}", line 4, column 8\n`,
      [4, 8, 'mapping values are not allowed here'],
    ],
    [
      'a YAML parser error: the problem, not the context before it',
      'services:\n  web:\n    image: x\n   oops: 1\n',
      `yaml.parser.ParserError: while parsing a block mapping\n  in "${file}", line 2, column 3\nexpected <block end>, but found '<block mapping start>'\n  in "${file}", line 4, column 4\n`,
      [4, 4, "expected <block end>, but found '<block mapping start>'"],
    ],
    [
      'an unclosed flow sequence',
      'services:\n  web:\n    image: x\n    command: [sleep, "1"\n    ports: 80\n',
      `yaml.parser.ParserError: while parsing a flow sequence\n  in "${file}", line 4, column 14\nexpected ',' or ']', but got '<scalar>'\n  in "${file}", line 5, column 5\n`,
      [5, 5, "expected ',' or ']', but got '<scalar>'"],
    ],
    [
      'a schema error naming a key: the key is found in the file',
      'version: "3.8"\nservices:\n  web:\n    image: x\n    ports: 80\n',
      `The Compose file '${file}' is invalid because:\nservices.web.ports contains an invalid type, it should be an array\n`,
      [5, 5, 'services.web.ports contains an invalid type, it should be an array'],
    ],
    [
      'an unknown key, relative to the project folder',
      'version: "3"\nservices:\n  web:\n    imagee: x\n',
      "The Compose file './compose.yaml' is invalid because:\nUnsupported config option for services.web: 'imagee'\n",
      [4, 5, "The Compose file './compose.yaml' is invalid because: Unsupported config option for services.web: 'imagee'"],
    ],
    [
      'a dependency on an undefined service',
      'services:\n  web:\n    image: x\n    depends_on: [db]\n',
      "Service 'web' depends on service 'db' which is undefined.\n",
      [4, 5, "Service 'web' depends on service 'db' which is undefined."],
    ],
  ];
  for (const [title, text, stderr, [line, column, message]] of cases) {
    it(title, async () => {
      const printed = await composeProblemLine(spec, stderr, async (f) => (f === file ? text : Promise.reject(new Error(`read ${f}`))));
      assert.deepEqual(matched(printed ?? ''), [file, line, column, 'error', message], printed);
    });
  }

  it('prints nothing when the CLI names no place in the files', async () => {
    const stderr = "ERROR: for shop_web_1  Cannot start service web: port is already allocated\nERROR: Encountered errors while bringing up the project.\n";
    assert.equal(await composeProblemLine(spec, stderr, async () => 'services:\n  web:\n    image: x\n'), undefined);
  });

  it('leaves compose chatter alone', () => {
    for (const chatter of ['Creating network "shop_default" with the default driver', 'Creating shop_web_1 ... done', `  in "${file}", line 4, column 8`, 'yaml: line 4: did not find expected key']) assert.equal(matched(chatter), undefined, chatter);
  });

  describe('a real docker-compose on a broken file', function () {
    this.timeout(60_000);
    let folder = '';
    before(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-compose-task-'))));
    after(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('prints what the matcher reads, on the line the CLI names', async function () {
      const { cli } = await findComposeCli(undefined);
      if (!cli) this.skip();
      const broken = path.join(folder, 'compose.yaml');
      fs.writeFileSync(broken, 'services:\n  web:\n    image: dockside-test/busybox:latest\n   command: sleep 1\n');
      const real = { files: [broken], directory: folder, profiles: [] };
      const result = await runCompose(cli!, [...projectArgs(real), 'config'], { cwd: folder });
      assert.notEqual(result.code, 0, 'compose refuses the file');
      const found = matched((await composeProblemLine(real, result.stderr)) ?? '');
      assert.ok(found, `a problem line from: ${result.stderr}`);
      assert.deepEqual(found.slice(0, 2), [broken, 4], result.stderr);
    });
  });
});
