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

  it('lets it start after this turn when a view needs the engine (a view the snapshot does not cover)', async () => {
    const ask = new FirstAsk(60_000);
    const answered = ask.whenAnswered();
    ask.needsEngine();
    assert.equal(await settledNow(answered), false, 'a Containers answer asked in this turn leaves first');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(await settledNow(answered), true);
  });

  it('lets it start only after the quick read has landed when a view needs the engine', async () => {
    const ask = new FirstAsk(60_000, 60_000);
    let land!: () => void;
    ask.readingQuickly(new Promise<void>((resolve) => (land = resolve)));
    let started = false;
    const answered = ask.whenAnswered().then(() => (started = true));
    ask.needsEngine();
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(started, false, 'the Containers view is still waiting for the quick read');
    land();
    await answered;
  });

  it('lets it start after the wait when no view asks (activated for a Dockerfile)', async () => {
    const ask = new FirstAsk(30);
    const started = Date.now();
    await ask.whenAnswered();
    assert.ok(Date.now() - started >= 25, 'not before the wait');
  });

  it('has no quick read to wait for unless one was started', () => {
    const ask = new FirstAsk(60_000, 60_000);
    assert.equal(ask.readsQuickly, false);
    assert.equal(ask.quickRead(), undefined);
  });

  it('lets the first ask wait for a quick read until it lands, a failed one included', async () => {
    const ask = new FirstAsk(60_000, 60_000);
    let land!: () => void;
    ask.readingQuickly(new Promise<void>((resolve) => (land = resolve)));
    assert.equal(ask.readsQuickly, true);
    let settled = false;
    const waited = ask.quickRead()!.then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(settled, false, 'the read has not landed');
    land();
    // Settles now, long before the minute the wait would last.
    await waited;
    assert.equal(ask.quickRead(), undefined, 'nothing to wait for once it landed');

    const failing = new FirstAsk(60_000, 60_000);
    failing.readingQuickly(Promise.reject(new Error('the socket went away')));
    await failing.quickRead();
  });

  it('stops waiting for a quick read that does not land', async () => {
    const ask = new FirstAsk(60_000, 30);
    ask.readingQuickly(new Promise<void>(() => undefined));
    const started = Date.now();
    await ask.quickRead();
    assert.ok(Date.now() - started >= 25, 'not before the wait');
  });
});
