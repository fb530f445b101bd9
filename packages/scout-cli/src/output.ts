import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';

// Large writes: one syscall per ~64 KiB instead of one per line.
const CHUNK_CHARS = 64 * 1024;

/**
 * Writes lines in large chunks and respects backpressure. When the reader goes
 * away (EPIPE, as with `| head`) it marks itself closed instead of crashing.
 */
export class LineWriter {
  readonly #stream: Writable;
  #buffer = '';
  #closed = false;
  #failure?: Error;

  constructor(stream: Writable) {
    this.#stream = stream;
    stream.on('error', error => {
      this.#closed = true;
      if (!('code' in error && error.code === 'EPIPE')) this.#failure = error;
    });
  }

  /** True once the stream is gone; stop producing. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Buffers one line; returns true when it is time to `flush()`. */
  write(line: string): boolean {
    this.#buffer += `${line}\n`;
    return this.#buffer.length >= CHUNK_CHARS;
  }

  async flush(): Promise<void> {
    if (!this.#closed && this.#buffer !== '') {
      const chunk = this.#buffer;
      this.#buffer = '';
      if (this.#stream.write(chunk)) {
        // Pipes on Linux write synchronously and report EPIPE on a later tick: let it arrive.
        await nextTurn();
      } else {
        await this.#drained();
      }
    }
    if (this.#failure) throw this.#failure;
  }

  #drained(): Promise<void> {
    const stream = this.#stream;
    return new Promise(resolve => {
      const done = () => {
        stream.off('drain', done).off('close', done).off('error', done);
        resolve();
      };
      stream.on('drain', done).on('close', done).on('error', done);
    });
  }
}
