// Types for tar-stream 2's header codec (its own module, not typed by @types/tar-stream): the tar walker
// decodes and encodes single 512-byte headers with it instead of streaming every member through extract/pack.
declare module 'tar-stream/headers' {
  import type { Headers } from 'tar-stream';
  /** Null for an all-zero block (the end of an archive); throws on a bad checksum or an unknown format. */
  export function decode(block: Buffer, filenameEncoding?: string, allowUnknownFormat?: boolean): (Headers & { name: string; size: number }) | null;
  /** Null when the header needs PAX (a name beyond ustar's fields, or not ASCII). */
  export function encode(header: Headers): Buffer | null;
  export function encodePax(options: { name?: string; linkname?: string; pax?: Record<string, string> }): Buffer;
  export function decodePax(body: Buffer): Record<string, string>;
  export function decodeLongPath(body: Buffer, encoding?: string): string;
}
