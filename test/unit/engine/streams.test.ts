// The stdout/stderr frame parser and the line splitter, on byte sequences as the engine sends them.
import * as assert from 'node:assert/strict';
import { FrameParser, LineSplitter } from '../../../src/engine/streams';

function frame(stream: 1 | 2, text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

describe('engine streams', () => {
  it('reads several frames from one chunk, keeping stdout and stderr apart', () => {
    const frames = new FrameParser().push(Buffer.concat([frame(1, 'out\n'), frame(2, 'err\n'), frame(1, 'more\n')]));
    assert.deepEqual(frames.map((f) => [f.stream, f.data.toString()]), [['stdout', 'out\n'], ['stderr', 'err\n'], ['stdout', 'more\n']]);
  });

  it('joins a frame split anywhere, even inside its header', () => {
    const bytes = Buffer.concat([frame(2, 'hello world\n'), frame(1, 'x')]);
    for (let cut = 1; cut < bytes.length; cut++) {
      const parser = new FrameParser();
      const frames = [...parser.push(bytes.subarray(0, cut)), ...parser.push(bytes.subarray(cut))];
      assert.deepEqual(frames.map((f) => [f.stream, f.data.toString()]), [['stderr', 'hello world\n'], ['stdout', 'x']], `cut at ${cut}`);
    }
  });

  it('splits lines across chunks, drops \\r before \\n, and keeps multi-byte characters whole', () => {
    const splitter = new LineSplitter();
    const text = Buffer.from('第一行\r\nsecond li', 'utf8');
    const lines = [...splitter.push(text.subarray(0, 2)), ...splitter.push(text.subarray(2)), ...splitter.push(Buffer.from('ne\nlast'))];
    assert.deepEqual(lines, ['第一行', 'second line']);
    assert.deepEqual(splitter.flush(), ['last']);
  });
});
