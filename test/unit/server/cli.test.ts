// dockside-lint as users run it: the bin shim over the bundle, with real files and the real-world corpus.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { POOL_BODIES_PER_PROCESS } from '../../../src/server/rules/shellcheck/shellcheck';
import { repoRoot } from './lspTestClient';
import { lint } from './runLintCli';

const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus', 'dockerfiles');
const bin = path.join(repoRoot, 'bin', 'dockside-lint');

describe('dockside-lint', () => {
  let folder: string;
  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-lint-'));
    fs.writeFileSync(path.join(folder, 'Dockerfile'), 'FROM alpine:3.20\nfoo bar\nWORKDIR app\n');
    fs.writeFileSync(path.join(folder, 'Clean.dockerfile'), 'FROM alpine:3.20\nUSER 1000\nCMD ["sh"]\n');
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('reports a file whose analysis failed and exits 3, with what the other parts found', () => {
    // dockerfile-ast overflows its stack on this file: dockerfile-utils' part is lost, the rules' part is not.
    fs.writeFileSync(path.join(folder, 'Overflow.dockerfile'), ' ARG A=$"x"\nFROM busybox\nWORKDIR app\n');
    const { status, stdout, stderr } = lint(['-f', 'gnu', 'Overflow.dockerfile', 'Clean.dockerfile'], { cwd: folder });
    assert.equal(status, 3, stderr);
    assert.match(stdout, /^Overflow\.dockerfile:1:1: warning: Analysis of this Dockerfile is incomplete: the syntax checks failed\./m);
    assert.match(stdout, /^Overflow\.dockerfile:3:9: error: .*\[DL3000\]$/m);
    assert.match(stderr, /the analysis of Overflow\.dockerfile is incomplete/);
    assert.match(stderr, /Maximum call stack size exceeded/);
  });

  it('exits quietly when the reader of its output goes away (| head -c 10)', () => {
    fs.writeFileSync(path.join(folder, 'Many.dockerfile'), `FROM alpine:3.20\n${'foo bar\n'.repeat(5000)}`);
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" Many.dockerfile | head -c 10; echo " status=\${PIPESTATUS[0]}"`], {
      cwd: folder, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' },
    });
    assert.equal(result.stderr, '');
    // Its own exit code (1: problems found), not a crash.
    assert.match(result.stdout.trim(), /^.{10} status=1$/s);
  });

  it('checks the RUN bodies of many files with a few ShellCheck processes, not one a file (batch mode)', function () {
    if (!fs.existsSync('/usr/bin/shellcheck')) this.skip();
    const tools = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-sc-wrapper-'));
    const calls = path.join(tools, 'calls');
    fs.writeFileSync(path.join(tools, 'shellcheck'), `#!/bin/sh\n[ "$1" = --version ] || echo run >> "${calls}"\nexec /usr/bin/shellcheck "$@"\n`, { mode: 0o755 });
    const files = Array.from({ length: POOL_BODIES_PER_PROCESS }, (_, index) => {
      const name = `Batch${index}.dockerfile`;
      fs.writeFileSync(path.join(folder, name), `FROM alpine:3.20\nRUN echo $${index} && cd /tmp${index}\nRUN ls $X${index}\n`);
      return name;
    });
    try {
      const { status, stdout } = lint(['-f', 'gnu', ...files], { cwd: folder, env: { PATH: `${tools}:${process.env.PATH}` } });
      assert.equal(status, 1);
      for (const name of files) assert.match(stdout, new RegExp(`^${name}:2:\\d+: .*\\[SC2164\\]$`, 'm'), stdout);
      // Two RUN bodies a file, POOL_BODIES_PER_PROCESS a process: two processes, which may run at once.
      assert.equal(fs.readFileSync(calls, 'utf8').trim().split('\n').length, 2, `two ShellCheck processes for ${files.length} files`);
    } finally {
      fs.rmSync(tools, { recursive: true, force: true });
    }
  });

  it('in batch mode, a failed ShellCheck run leaves incomplete only the files whose bodies it checked', function () {
    if (!fs.existsSync('/usr/bin/shellcheck')) this.skip();
    const tools = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-sc-failing-'));
    // Fails (no JSON) for any batch that holds a body with "boom"; checks the others for real.
    fs.writeFileSync(path.join(tools, 'shellcheck'), `#!/bin/sh\n[ "$1" = --version ] && exec /usr/bin/shellcheck "$@"\n` +
      `for f in "$@"; do [ -f "$f" ] && grep -q boom "$f" && { echo broken; exit 2; }; done\nexec /usr/bin/shellcheck "$@"\n`, { mode: 0o755 });
    // These bodies fill the first process's batch; the last file's body goes to a second process.
    const failing = Array.from({ length: POOL_BODIES_PER_PROCESS }, (_, index) => {
      const name = `Boom${index}.dockerfile`;
      fs.writeFileSync(path.join(folder, name), `FROM alpine:3.20\nRUN echo boom${index}\n`);
      return name;
    });
    fs.writeFileSync(path.join(folder, 'Checked.dockerfile'), 'FROM alpine:3.20\nRUN ls $X\n');
    try {
      const { status, stdout } = lint(['-f', 'gnu', ...failing, 'Checked.dockerfile'], { cwd: folder, env: { PATH: `${tools}:${process.env.PATH}` } });
      assert.equal(status, 3, stdout);
      for (const name of failing) assert.match(stdout, new RegExp(`^${name}:1:1: warning: Analysis of this Dockerfile is incomplete`, 'm'), stdout);
      assert.match(stdout, /^Checked\.dockerfile:2:8: .*\[SC2086\]$/m);
      assert.doesNotMatch(stdout, /^Checked\.dockerfile:.*incomplete/m);
    } finally {
      fs.rmSync(tools, { recursive: true, force: true });
    }
  });

  it('prints problems with 1-based positions and exits 1', () => {
    const { status, stdout } = lint(['Dockerfile'], { cwd: folder });
    assert.equal(status, 1);
    assert.match(stdout, /^Dockerfile:2:1 error unknownInstruction Unknown instruction: FOO \[dockerfile-utils\]$/m);
    assert.match(stdout, /^Dockerfile:3:9 error DL3000 .*\[hadolint\]$/m);
    assert.match(stdout, /^\d+ problems \(2 errors, /m);
  });

  it('exits 0 on a clean file and below the failure threshold', () => {
    const clean = lint(['Clean.dockerfile'], { cwd: folder });
    assert.equal(clean.status, 0, clean.stdout);
    assert.match(clean.stdout, /No problems found\./);
    assert.equal(lint(['-t', 'none', 'Dockerfile'], { cwd: folder }).status, 0);
    assert.equal(lint(['--failure-threshold', 'error', '--ignore', 'unknownInstruction,DL3000', 'Dockerfile'], { cwd: folder }).status, 0);
  });

  it('takes the failure threshold from .hadolint.yaml unless the option says otherwise', () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-lint-threshold-'));
    try {
      // Only warnings here (DL3006: untagged image), no errors.
      fs.writeFileSync(path.join(project, 'Dockerfile'), 'FROM alpine\nUSER 1000\nCMD ["sh"]\n');
      assert.equal(lint(['Dockerfile'], { cwd: project }).status, 1, 'warnings fail at the default threshold (info)');
      fs.writeFileSync(path.join(project, '.hadolint.yaml'), 'failure-threshold: error\n');
      const relaxed = lint(['Dockerfile'], { cwd: project });
      assert.equal(relaxed.status, 0, relaxed.stdout);
      assert.match(relaxed.stdout, /DL3006/, 'the problems are still reported');
      assert.equal(lint(['-t', 'warning', 'Dockerfile'], { cwd: project }).status, 1, 'the option wins over the file');
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });

  it('writes GNU lines and hadolint-shaped JSON', () => {
    const gnu = lint(['-f', 'gnu', 'Dockerfile'], { cwd: folder }).stdout;
    assert.match(gnu, /^Dockerfile:2:1: error: Unknown instruction: FOO \[unknownInstruction\]$/m);
    const json = JSON.parse(lint(['--format', 'json', 'Dockerfile'], { cwd: folder }).stdout) as Record<string, unknown>[];
    assert.deepEqual(
      json.find((entry) => entry.code === 'unknownInstruction'),
      { file: 'Dockerfile', line: 2, column: 1, endLine: 2, endColumn: 4, level: 'error', code: 'unknownInstruction', source: 'dockerfile-utils', message: 'Unknown instruction: FOO' },
    );
  });

  it('writes SARIF 2.1.0 that code scanning accepts', () => {
    const { status, stdout } = lint(['--format', 'sarif', 'Dockerfile', 'Clean.dockerfile'], { cwd: folder });
    assert.equal(status, 1);
    const log = JSON.parse(stdout);
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const { driver } = log.runs[0].tool;
    assert.equal(driver.name, 'dockside-lint');
    const ruleIds = driver.rules.map((rule: { id: string }) => rule.id);
    assert.equal(new Set(ruleIds).size, ruleIds.length, 'rules listed once');
    assert.ok(log.runs[0].results.length >= 2);
    for (const result of log.runs[0].results) {
      assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.equal(typeof result.message.text, 'string');
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.deepEqual(artifactLocation, { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' });
      assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= region.startLine);
    }
    const unknown = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'unknownInstruction');
    assert.deepEqual(unknown.locations[0].physicalLocation.region, { startLine: 2, startColumn: 1, endLine: 2, endColumn: 4 });
    assert.equal(unknown.level, 'error');
  });

  it('reads standard input with -', () => {
    const { status, stdout } = lint(['-f', 'gnu', '-'], { input: 'FROM alpine:3.20\nfoo\n' });
    assert.equal(status, 1);
    assert.match(stdout, /^-:2:1: error: Unknown instruction: FOO/m);
  });

  it('speaks Chinese in a Chinese terminal', () => {
    const { stdout } = lint(['Dockerfile'], { cwd: folder, env: { LANG: 'zh_CN.UTF-8' } });
    assert.match(stdout, /未知指令：FOO/);
    assert.match(stdout, /\d+ 个问题/);
  });

  it('exits 2 with a clear message on usage errors', () => {
    for (const [args, message] of [
      [[], /no Dockerfile given/],
      [['--format', 'xml', 'Dockerfile'], /unknown format "xml"; expected one of: tty, json, sarif, gnu/],
      [['-t', 'fatal', 'Dockerfile'], /unknown failure threshold "fatal"/],
      [['--bogus', 'Dockerfile'], /Unknown option '--bogus'/],
      [['missing.Dockerfile'], /cannot read missing.Dockerfile \(ENOENT\)/],
    ] as const) {
      const result = lint([...args], { cwd: folder });
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stdout}`);
      assert.match(result.stderr, message);
      assert.match(result.stderr, /dockside-lint --help/);
    }
    const help = lint(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--failure-threshold/);
  });

  it('keeps a compile cache in the user cache folder and reports the same with it, without it and with a damaged one', () => {
    const cacheHome = path.join(folder, 'cache-home');
    const run = () => lint(['-f', 'json', 'Dockerfile', 'Clean.dockerfile'], { cwd: folder, env: { XDG_CACHE_HOME: cacheHome } });
    const cold = run();
    assert.equal(cold.status, 1, cold.stderr);
    const caches = fs.readdirSync(path.join(cacheHome, 'dockside-lint'));
    assert.equal(caches.length, 1, caches.join(', '));
    assert.match(caches[0], /^[0-9a-f]{32}\.v8cache$/);
    const cacheFile = path.join(cacheHome, 'dockside-lint', caches[0]);
    assert.equal(fs.statSync(cacheFile).mode & 0o777, 0o600, 'only the user reads it');
    assert.ok(fs.statSync(cacheFile).size > 10_000);
    const warm = run();
    assert.deepEqual(warm, cold);
    // A cache V8 rejects (damaged, other flags) is compiled around and written anew; a stale one goes.
    fs.writeFileSync(cacheFile, 'damaged');
    fs.writeFileSync(path.join(cacheHome, 'dockside-lint', `${'0'.repeat(32)}.v8cache`), 'from another bundle');
    assert.deepEqual(run(), cold);
    assert.deepEqual(fs.readdirSync(path.join(cacheHome, 'dockside-lint')), caches);
    assert.ok(fs.statSync(cacheFile).size > 10_000, 'rewritten');
    // No usable cache folder: it still lints.
    assert.deepEqual(lint(['-f', 'json', 'Dockerfile', 'Clean.dockerfile'], { cwd: folder, env: { XDG_CACHE_HOME: 'relative', HOME: '/nonexistent' } }), cold);
  });

  it('runs from the packaged extension contents, without node_modules', () => {
    // The .vsix ships bin/, dist/, l10n/ and package.json (see .vscodeignore); the CLI bundle must carry the rest.
    const extension = path.join(folder, 'extension');
    for (const file of ['bin/dockside-lint', 'dist/codeCache.js', 'dist/cli.js', 'package.json', 'l10n/bundle.l10n.zh-cn.json']) {
      fs.mkdirSync(path.dirname(path.join(extension, file)), { recursive: true });
      fs.copyFileSync(path.join(repoRoot, file), path.join(extension, file));
    }
    const result = spawnSync(process.execPath, [path.join(extension, 'bin', 'dockside-lint'), '-f', 'gnu', 'Dockerfile'], {
      cwd: folder,
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: '', LANG: 'zh_CN.UTF-8', LC_ALL: '' },
    });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /^Dockerfile:2:1: error: 未知指令：FOO \[unknownInstruction\]$/m);
    const version = spawnSync(process.execPath, [path.join(extension, 'bin', 'dockside-lint'), '--version'], { encoding: 'utf8' });
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
  });

  it('lints every real-world Dockerfile of the corpus without crashing or burying it in errors', function () {
    this.timeout(180_000);
    if (!fs.existsSync(corpus)) {
      assert.fail(`The corpus of real Dockerfiles is missing: expected it at ${corpus} (../shared/corpus beside the checkout).`);
    }
    const files = (fs.readdirSync(corpus, { recursive: true }) as string[])
      .map((file) => path.join(corpus, file))
      .filter((file) => fs.statSync(file).isFile() && !/LICENSE|\.md$/.test(file));
    assert.ok(files.length > 50, `only ${files.length} corpus files`);
    const { status, stdout, stderr } = lint(['-f', 'json', '-t', 'none', '--ignore', 'SC1091', ...files]);
    assert.equal(status, 0, stderr || 'dockside-lint did not exit normally');
    const problems = JSON.parse(stdout) as { level: string; code: string; file: string }[];
    const syntaxErrors = problems.filter((p) => p.level === 'error' && /^[a-z]/.test(p.code));
    assert.deepEqual(syntaxErrors, [], 'well-kept files have no syntax errors');
  });
});
