// Web-standard response helpers shared by every edge function.
import {
  ACCEPT_ENCODING,
  Coding,
  decodeStream,
  parseContentEncoding,
} from './contentEncoding';

/** What the frame hands the server-error hook besides the error. */
export type ServerErrorContext = {
  /** The id the 5xx body and its `x-request-id` header carry. */
  requestId: string;
  request: Request;
};

/**
 * Origins allowed to call the functions from a browser, the body limit, and
 * where the details of server errors go.
 */
export type HttpOptions = {
  allowedOrigins: string[];
  /** Largest body accepted, in bytes: as sent, and again once decoded. */
  maxBodyBytes: number;
  /**
   * Told of every error the frame answers with a 5xx (thrown by a handler or
   * the frame), with the error itself: message, stack, SQL, which never reach
   * a response. Should log; its own errors are ignored.
   */
  onServerError?: (error: unknown, context: ServerErrorContext) => void;
};

const securityHeaders: Record<string, string> = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

function corsHeaders(
  req: Request,
  options: HttpOptions,
): Record<string, string> {
  const origin = req.headers.get('origin');
  if (!origin || !options.allowedOrigins.includes(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers':
      'authorization, content-type, content-encoding, x-request-id',
    'access-control-expose-headers': 'x-request-id',
    'access-control-max-age': '600',
    vary: 'origin',
  };
}

/** A JSON response with the security headers, CORS for allowed origins, and any `headers` given. */
export function json(
  req: Request,
  options: HttpOptions,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...headers, ...securityHeaders, ...corsHeaders(req, options) },
  });
}

export function preflight(req: Request, options: HttpOptions): Response {
  return new Response(null, {
    status: 204,
    headers: { ...securityHeaders, ...corsHeaders(req, options) },
  });
}

/**
 * An error answered with `status` and `{ error: message }`. Write messages
 * for the caller: a 5xx HttpError's message is shown too. `headers` go on the
 * response (e.g. Accept-Encoding on a 415).
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra?: object,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/**
 * Reads the body as JSON (see readBody); bytes that are not UTF-8 JSON are a
 * 400.
 */
export async function readJson(
  req: Request,
  maxBytes: number,
): Promise<unknown> {
  const bytes = await readBody(req, maxBytes);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new HttpError(400, 'The body is not valid UTF-8 JSON.');
  }
}

/**
 * Reads the whole body, undoing its Content-Encoding (gzip, deflate, br),
 * without ever holding more than `maxBytes` (bytes) of it: a declared,
 * received or decoded size over the limit is a 413, counted while streaming,
 * so a compression bomb stops at the limit. An unsupported coding is a 415
 * with Accept-Encoding; bytes that do not decode as declared are a 400.
 */
export async function readBody(
  req: Request,
  maxBytes: number,
): Promise<Uint8Array> {
  const encoding = parseContentEncoding(req.headers.get('content-encoding'));
  if (!encoding.ok) {
    throw new HttpError(415, encoding.message, undefined, {
      'accept-encoding': ACCEPT_ENCODING,
    });
  }
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes, '');
  if (!req.body) throw new HttpError(400, 'The request has no body.');

  const { codings } = encoding;
  let stream = capped(req.body, maxBytes, '');
  // Undone last-applied first; each decoder's output is capped too, so
  // nested codings cannot expand without bound in between.
  for (const coding of [...codings].reverse()) {
    stream = capped(decodeStream(stream, coding), maxBytes, ' once decoded');
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk);
      size += chunk.byteLength;
    }
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw notDecodable(codings);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Passes `source` through, throwing a 413 once more than `maxBytes` went by. */
async function* capped(
  source: AsyncIterable<Uint8Array>,
  maxBytes: number,
  when: string,
): AsyncGenerator<Uint8Array> {
  let size = 0;
  for await (const chunk of source) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge(maxBytes, when);
    yield chunk;
  }
}

function tooLarge(maxBytes: number, when: string) {
  return new HttpError(
    413,
    `The body is larger than ${maxBytes} bytes${when}.`,
  );
}

function notDecodable(codings: Coding[]) {
  if (codings.length === 0) {
    return new HttpError(400, 'The body could not be read to its end.');
  }
  return new HttpError(
    400,
    `The body is not valid ${codings.join(
      ', ',
    )} data, as its Content-Encoding says.`,
  );
}
