// The primary engine's first connect waits for VS Code's first ask when the last window's rows can answer it.
import * as assert from 'node:assert/strict';
import { FirstAsk } from '../../../src/tree/firstAsk';

/** Whether the promise settled by the time queued callbacks of this turn ran. */
async function settledNow(promise: Promise<void>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await Promise.resolve();
  await Promise.resolve();
  return settled;
}

describe('the first ask of a view', () => {
  it('lets the connect start once the answer from the snapshot has left, not while the view still answers', async () => {
    const ask = new FirstAsk(60_000);
    const answered = ask.whenAnswered();
    assert.equal(await settledNow(answered), false, 'nobody asked yet');
    ask.answeredFromSnapshot();
    assert.equal(await settledNow(answered), false, 'the answer is still being returned in this turn');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(await settledNow(answered), true);
  });

  it('lets it start at once when a view needs the engine (a view the snapshot does not cover)', async () => {
    const ask = new FirstAsk(60_000);
    const answered = ask.whenAnswered();
    ask.needsEngine();
    assert.equal(await settledNow(answered), true);
  });

  it('lets it start after the wait when no view asks (activated for a Dockerfile)', async () => {
    const ask = new FirstAsk(30);
    const started = Date.now();
    await ask.whenAnswered();
    assert.ok(Date.now() - started >= 25, 'not before the wait');
  });
});
