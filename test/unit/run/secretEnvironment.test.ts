// Secret variables of a run (the mysql preset's root password): the value comes from the secret store,
// is asked for once when missing, and never appears in the options that settings and state hold.
import * as assert from 'node:assert/strict';
import { containerCreateBody } from '../../../src/engine/run';
import { dockerRunLine } from '../../../src/run/dockerRunLine';
import { presetById } from '../../../src/run/presets/presetCatalog';
import { presetRunOptions } from '../../../src/run/presets/presetRunOptions';
import { runConfigurationFingerprint } from '../../../src/run/runConfigurationReview';
import { describeSecretKey, secretEnvironment, secretKey, type SecretValues } from '../../../src/run/secretEnvironment';
import { validateRunOptions } from '../../../src/run/validateRunOptions';
import { compactRunOptions } from '../../../src/models/run/runOptions';

class MemorySecrets implements SecretValues {
  readonly values = new Map<string, string>();
  readonly reads: string[] = [];
  async get(key: string) {
    this.reads.push(key);
    return this.values.get(key);
  }
  async store(key: string, value: string) {
    this.values.set(key, value);
  }
}

describe('secret environment', () => {
  const mysql = presetRunOptions(presetById('mysql')!);
  const password = 'pa$$ w0rd "quoted"';

  it('takes the mysql root password from the secret store, keyed by the container, without asking', async () => {
    const secrets = new MemorySecrets();
    secrets.values.set('dockside.run.secretEnv/mysql/mysql/MYSQL_ROOT_PASSWORD', password);
    const asked: string[] = [];
    const env = await secretEnvironment(mysql, secrets, async (v) => (asked.push(v), 'wrong'));
    assert.deepEqual(env, [`MYSQL_ROOT_PASSWORD=${password}`]);
    assert.deepEqual(asked, []);
    assert.deepEqual(secrets.reads, [secretKey(mysql, 'MYSQL_ROOT_PASSWORD')]);
  });

  it('asks once when the store has none, stores the answer, and reads it next time', async () => {
    const secrets = new MemorySecrets();
    const asked: string[] = [];
    const ask = async (variable: string, owner: string) => (asked.push(`${owner}/${variable}`), password);
    assert.deepEqual(await secretEnvironment(mysql, secrets, ask), [`MYSQL_ROOT_PASSWORD=${password}`]);
    assert.deepEqual(await secretEnvironment(mysql, secrets, ask), [`MYSQL_ROOT_PASSWORD=${password}`]);
    assert.deepEqual(asked, ['mysql/MYSQL_ROOT_PASSWORD']);
    assert.deepEqual([...secrets.values.keys()], ['dockside.run.secretEnv/mysql/mysql/MYSQL_ROOT_PASSWORD']);
  });

  it('keeps one secret per image repository and container: a renamed container, or another image under the same name, is asked again', async () => {
    assert.equal(secretKey({ ...mysql, name: 'mysql-2' }, 'MYSQL_ROOT_PASSWORD'), 'dockside.run.secretEnv/mysql/mysql-2/MYSQL_ROOT_PASSWORD');
    assert.equal(secretKey({ ...mysql, image: 'mysql:9.1' }, 'MYSQL_ROOT_PASSWORD'), secretKey(mysql, 'MYSQL_ROOT_PASSWORD'), 'a new tag keeps the password');
    assert.equal(secretKey({ image: 'registry.local:5000/db/mysql:8.4' }, 'X'), 'dockside.run.secretEnv/registry.local:5000/db/mysql/-/X');
    const secrets = new MemorySecrets();
    secrets.values.set(secretKey(mysql, 'MYSQL_ROOT_PASSWORD'), password);
    const asked: string[] = [];
    const borrowed = { ...mysql, image: 'someone/else:1' };
    assert.deepEqual(await secretEnvironment(borrowed, secrets, async (v, owner) => (asked.push(`${owner}/${v}`), 'typed')), ['MYSQL_ROOT_PASSWORD=typed']);
    assert.deepEqual(asked, ['mysql/MYSQL_ROOT_PASSWORD']);
  });

  it('reads a key back into its variable, container and repository, to offer it for forgetting', () => {
    assert.deepEqual(describeSecretKey(secretKey(mysql, 'MYSQL_ROOT_PASSWORD')), { variable: 'MYSQL_ROOT_PASSWORD', container: 'mysql', repository: 'mysql' });
    assert.deepEqual(describeSecretKey(secretKey({ image: 'registry.local:5000/db/mysql:8.4' }, 'X')), { variable: 'X', container: undefined, repository: 'registry.local:5000/db/mysql' });
    assert.equal(describeSecretKey('something.else/x'), undefined);
  });

  it('stores nothing and gives nothing when the question is cancelled', async () => {
    const secrets = new MemorySecrets();
    assert.equal(await secretEnvironment({ ...mysql, secretEnv: ['A', 'B'] }, secrets, async (v) => (v === 'A' ? 'a' : undefined)), undefined);
    assert.equal(secrets.values.size, 0);
  });

  it('leaves the value out of what settings, state and the docker run line hold; only the create body has it', async () => {
    const secrets = new MemorySecrets();
    const env = await secretEnvironment(mysql, secrets, async () => password);
    const saved = JSON.stringify({ name: 'db', options: compactRunOptions(mysql) });
    assert.ok(!saved.includes(password) && !saved.includes('w0rd'));
    assert.ok(!dockerRunLine(mysql).includes('w0rd'));
    assert.ok(!runConfigurationFingerprint({ name: 'db', options: mysql }).includes('w0rd'));
    assert.deepEqual(containerCreateBody(mysql, env!).Env, [`MYSQL_ROOT_PASSWORD=${password}`]);
  });

  it('refuses a secret that is not a variable name, or is also in Environment', () => {
    const problems = validateRunOptions({ image: 'mysql:8.4', env: ['MYSQL_ROOT_PASSWORD=plain'], secretEnv: ['MYSQL_ROOT_PASSWORD', 'PASS=x', '1ABC'] });
    assert.deepEqual(problems.map((p) => [p.field, p.severity]), [['secretEnv', 'error'], ['secretEnv', 'error'], ['secretEnv', 'error']]);
    assert.match(problems[0].message, /both in Environment and in Secret environment/);
    assert.match(problems[1].message, /"PASS=x" must be a variable name/);
  });
});
