// Request bodies sent with a Content-Encoding (RFC 9110 §8.4), decoded while
// streaming so that size limits can be applied to what comes out.
//
// node:zlib rather than DecompressionStream: Node 22's DecompressionStream has
// no brotli, and node:zlib's streaming decoders behave the same under Deno.
import { pipeline, Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** A content coding we decode; `deflate` is the zlib format (RFC 1950), as RFC 9110 defines it. */
export type Coding = 'gzip' | 'deflate' | 'br';

/** The value of the `Accept-Encoding` header that a 415 carries (RFC 7694). */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/**
 * At most this many codings are decoded; a longer list is refused. Every
 * decoder adds a buffer and work per byte, and no real client stacks three.
 */
export const MAX_CODINGS = 2;

const aliases: Record<string, Coding> = {
  gzip: 'gzip',
  'x-gzip': 'gzip', // RFC 9110 §8.4.1.3: equivalent to gzip
  deflate: 'deflate',
  br: 'br',
};

export type ParsedEncoding =
  | { ok: true; codings: Coding[] }
  | { ok: false; message: string };

/**
 * Parses a `Content-Encoding` header value (null when absent) into the
 * codings in the order they were applied. `identity` and empty list members
 * are skipped; names are case-insensitive. An unknown coding, or more than
 * MAX_CODINGS, is `{ ok: false }` with a message naming the fault.
 */
export function parseContentEncoding(header: string | null): ParsedEncoding {
  const codings: Coding[] = [];
  for (const raw of (header ?? '').split(',')) {
    const name = raw.trim().toLowerCase();
    if (name === '' || name === 'identity') continue;
    const coding = aliases[name];
    if (!coding) {
      // Quoted and cut short: the name is the sender's text, echoed back.
      const shown = JSON.stringify(raw.trim().slice(0, 40));
      return {
        ok: false,
        message: `The content coding ${shown} is not supported; send ${ACCEPT_ENCODING} or none.`,
      };
    }
    codings.push(coding);
  }
  if (codings.length > MAX_CODINGS) {
    return {
      ok: false,
      message: `At most ${MAX_CODINGS} content codings are decoded; this body has ${codings.length}.`,
    };
  }
  return { ok: true, codings };
}

const decoders: Record<Coding, () => Transform> = {
  gzip: createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * The decoded bytes of `source`, one coding undone. Decoding only runs as
 * fast as the result is read, so a reader that stops early (a size limit)
 * stops the work: leaving the iteration destroys the decoder and ends
 * `source`. Malformed or truncated input makes the iteration throw the
 * decoder's error; an error thrown by `source` comes out unchanged.
 */
export function decodeStream(
  source: AsyncIterable<Uint8Array>,
  coding: Coding,
): AsyncIterable<Uint8Array> {
  const decoder = decoders[coding]();
  // Errors reach the reader through the decoder's iterator, so the callback has nothing to add.
  pipeline(Readable.from(source, { highWaterMark: 1 }), decoder, () => {});
  return decoder;
}
