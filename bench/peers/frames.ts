/** Wire frames kept in a file between the benchmark's processes, and the append-and-fsync log the CRDT adapters persist with. */

import { closeSync, fsyncSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';

/** Writes frames as [u32 length][bytes]…. */
export function writeFrames(file: string, frames: readonly Uint8Array[]): void {
  const total = frames.reduce((sum, frame) => sum + 4 + frame.byteLength, 0);
  const out = Buffer.alloc(total);
  let at = 0;
  for (const frame of frames) {
    at = out.writeUInt32LE(frame.byteLength, at);
    out.set(frame, at);
    at += frame.byteLength;
  }
  writeFileSync(file, out);
}

export function readFrames(file: string): Uint8Array[] {
  const data = readFileSync(file);
  const frames: Uint8Array[] = [];
  for (let at = 0; at < data.byteLength; ) {
    const length = data.readUInt32LE(at);
    frames.push(data.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return frames;
}

/** An append-only file that is fsynced after every append: a write is on disk when `append` returns. */
export class SyncedLog {
  private readonly fd: number;

  constructor(file: string) {
    this.fd = openSync(file, 'a');
  }

  append(bytes: Uint8Array): void {
    writeSync(this.fd, bytes);
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}
