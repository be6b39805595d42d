import * as assert from 'node:assert/strict';
import { advanceStatus, humanDuration, parseHumanDuration } from '../../../src/tree/containers/statusText';

describe('container status text over time', () => {
  it('writes durations as the engine does (go-units HumanDuration)', () => {
    const cases: [number, string][] = [
      [500, 'Less than a second'], [1_000, '1 second'], [59_999, '59 seconds'], [60_000, 'About a minute'],
      [119_999, 'About a minute'], [120_000, '2 minutes'], [59 * 60_000, '59 minutes'], [60 * 60_000, 'About an hour'],
      [90 * 60_000, '2 hours'], [47 * 3_600_000, '47 hours'], [48 * 3_600_000, '2 days'], [14 * 86_400_000, '2 weeks'],
      [60 * 86_400_000, '2 months'], [730 * 86_400_000, '2 years'],
    ];
    for (const [ms, text] of cases) assert.equal(humanDuration(ms), text, `${ms} ms`);
  });

  it('reads a duration back as its lower bound, which writes the same text again', () => {
    for (const text of ['Less than a second', '1 second', '42 seconds', 'About a minute', '7 minutes', 'About an hour', '5 hours', '3 days', '2 weeks', '4 months', '3 years']) {
      const ms = parseHumanDuration(text);
      assert.ok(ms !== undefined, text);
      assert.equal(humanDuration(ms), text);
    }
    assert.equal(parseHumanDuration('a while'), undefined);
  });

  it('advances running, exited and restarting texts, keeping health and pause marks, and leaves others alone', () => {
    assert.equal(advanceStatus('Up 1 second', 5 * 60_000), 'Up 5 minutes');
    assert.equal(advanceStatus('Up Less than a second (healthy)', 3_000), 'Up 3 seconds (healthy)');
    assert.equal(advanceStatus('Up 2 minutes (Paused)', 60 * 60_000), 'Up About an hour (Paused)');
    assert.equal(advanceStatus('Up 3 seconds (health: starting)', 0), 'Up 3 seconds (health: starting)');
    assert.equal(advanceStatus('Exited (137) 1 second ago', 2 * 3_600_000), 'Exited (137) 2 hours ago');
    assert.equal(advanceStatus('Restarting (1) Less than a second ago', 10_000), 'Restarting (1) 10 seconds ago');
    for (const text of ['Created', 'Dead', 'Removal In Progress', 'Up for a while']) assert.equal(advanceStatus(text, 60_000), text);
  });
});
