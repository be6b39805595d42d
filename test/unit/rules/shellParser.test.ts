// The shell parser rules rely on: words after quote removal, commands found wherever they hide, and no
// hang or throw on broken input.
import * as assert from 'node:assert/strict';
import { parseShell } from '../../../src/server/rules/shell/shellParser';
import { withNestedShellScripts } from '../../../src/server/rules/shell/nestedShell';

function commands(script: string): string[] {
  return parseShell(script).commands.map((c) => c.words.map((w) => w.value).join(' '));
}

describe('shell parser', () => {
  it('splits lists on && || ; | & and newlines', () => {
    assert.deepEqual(commands('a 1 && b 2 || c; d | e & f\ng'), ['a 1', 'b 2', 'c', 'd', 'e', 'f', 'g']);
  });

  it('removes quotes and keeps operators inside quotes as text', () => {
    assert.deepEqual(commands(`echo "a && b" 'c | d' e\\ f "x\\"y" $'t\\'s'`), ['echo a && b c | d e f x"y t\'s']);
  });

  it('finds commands in substitutions, subshells, groups and compound commands', () => {
    assert.deepEqual(commands('x=$(curl -s u) && (cd /a && make) && { b; } && if c; then d; elif e; then f; else g; fi'),
      ['curl -s u', '', 'cd /a', 'make', 'b', 'c', 'd', 'e', 'f', 'g']);
    assert.deepEqual(commands('for i in 1 2; do echo $i; done; while read l; do p; done < f; case $x in a|b) h ;; *) k ;; esac'),
      ['echo $i', 'read l', 'p', 'h', 'k']);
    assert.deepEqual(commands('f() { inner; }; function g { other; }; echo `uname -m`'), ['inner', 'other', 'uname -m', 'echo `uname -m`']);
  });

  it('marks pipelines, subshells and conditional commands', () => {
    const [a, b, c, d] = parseShell('a | b; (c) || d').commands;
    assert.deepEqual([a.pipelineIndex, a.pipelineLength, b.pipelineIndex, b.pipelineLength], [0, 2, 1, 2]);
    assert.equal(c.inSubshell, true);
    assert.equal(d.conditional, true);
  });

  it('treats [[ ]] operators as operands', () => {
    assert.deepEqual(commands('[[ -n $a && $b == c ]] && ok'), ['[[ -n $a $b == c ]]', 'ok']);
  });

  it('reads here-documents as bodies, not commands', () => {
    const script = parseShell('cat <<EOF > /etc/x\nrm -rf /\nEOF\necho done\ncat <<-"END"\n\tapt-get install x\n\tEND\n');
    assert.deepEqual(script.commands.map((c) => c.words[0]?.value), ['cat', 'echo', 'cat']);
    assert.equal(script.commands[0].redirects[0].heredocBody, 'rm -rf /\n');
    assert.deepEqual(script.errors, []);
  });

  it('records assignments and redirections apart from words', () => {
    const [command] = parseShell('A=1 B="x y" env 2>&1 >/dev/null make').commands;
    assert.deepEqual(command.assignments.map((w) => w.value), ['A=1', 'B=x y']);
    assert.deepEqual(command.words.map((w) => w.value), ['env', 'make']);
    assert.deepEqual(command.redirects.map((r) => r.operator), ['>&', '>']);
  });

  it('keeps word offsets into the script', () => {
    const [command] = parseShell('  apt-get   install "curl"').commands;
    assert.deepEqual(command.words.map((w) => [w.start, w.end]), [[2, 9], [12, 19], [20, 26]]);
  });

  it('parses sh -c scripts as commands of their own', () => {
    const script = withNestedShellScripts(parseShell(`sh -c 'apt-get update && apt-get install -y curl'`));
    assert.deepEqual(script.commands.map((c) => c.words.map((w) => w.value).join(' ')),
      ['sh -c apt-get update && apt-get install -y curl', 'apt-get update', 'apt-get install -y curl']);
    assert.equal(script.text.slice(script.commands[2].words[0].start, script.commands[2].words[0].end), 'apt-get');
  });

  it('reports errors on broken input without throwing or hanging', () => {
    for (const input of ['echo "open', "echo 'open", 'echo $(', 'if a; then', ')))', 'case x in', '`', '$((((', '<<', 'a |', '((((((((((']) {
      const script = parseShell(input);
      assert.ok(Array.isArray(script.commands), input);
    }
    assert.ok(parseShell('echo "open').errors.length > 0);
    const deep = '$('.repeat(5000) + 'x' + ')'.repeat(5000);
    assert.ok(parseShell(deep).errors.some((e) => e.message === 'nesting too deep'));
  });
});
