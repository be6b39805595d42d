// The engine's stdout/stderr framing. Without a TTY, attach, exec and logs streams carry 8-byte headers
// ([stream, 0, 0, 0, size32be]) before each payload; with a TTY the bytes come raw. Frames may arrive split
// across chunks or several in one chunk, so the parser keeps what it has not yet consumed.

export type OutputStream = 'stdout' | 'stderr';

export interface OutputChunk {
  readonly stream: OutputStream;
  readonly data: Buffer;
}

const HEADER_BYTES = 8;

export class FrameParser {
  private pending: Buffer = Buffer.alloc(0);

  /** Returns every complete frame the chunk finishes; keeps a partial one for the next call. */
  push(chunk: Buffer): OutputChunk[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: OutputChunk[] = [];
    let offset = 0;
    while (this.pending.length - offset >= HEADER_BYTES) {
      const size = this.pending.readUInt32BE(offset + 4);
      if (this.pending.length - offset - HEADER_BYTES < size) break;
      const start = offset + HEADER_BYTES;
      // Stream 0 is stdin (never sent back), 1 stdout, 2 stderr; the engine uses 3 for its own errors.
      const stream: OutputStream = this.pending[offset] === 1 ? 'stdout' : 'stderr';
      frames.push({ stream, data: this.pending.subarray(start, start + size) });
      offset = start + size;
    }
    this.pending = offset === 0 ? this.pending : Buffer.from(this.pending.subarray(offset));
    return frames;
  }
}

/** Cuts a byte stream into lines (without the newline), keeping a trailing partial line until more comes. */
export class LineSplitter {
  private partial = '';
  private readonly decoder = new TextDecoder('utf-8');

  push(data: Buffer): string[] {
    const text = this.partial + this.decoder.decode(data, { stream: true });
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  }

  /** What is left when the stream ends: a last line without a newline. */
  flush(): string[] {
    const rest = this.partial + this.decoder.decode();
    this.partial = '';
    return rest ? [rest] : [];
  }
}

/** Reads a Node stream of either framing as output chunks; `tty` says which framing the engine used. */
export function outputChunks(stream: NodeJS.ReadableStream, tty: boolean, onChunk: (chunk: OutputChunk) => void): Promise<void> {
  const parser = tty ? undefined : new FrameParser();
  return new Promise<void>((resolve, reject) => {
    stream.on('data', (data: Buffer) => {
      if (!parser) onChunk({ stream: 'stdout', data });
      else for (const frame of parser.push(data)) onChunk(frame);
    });
    stream.on('end', () => resolve());
    stream.on('close', () => resolve());
    stream.on('error', reject);
  });
}
