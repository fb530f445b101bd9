// Web-standard response helpers shared by every edge function.

/** Origins allowed to call the functions from a browser, and the body limit. */
export type HttpOptions = {
  allowedOrigins: string[];
  maxBodyBytes: number;
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
    'access-control-allow-headers': 'authorization, content-type, x-request-id',
    'access-control-max-age': '600',
    vary: 'origin',
  };
}

export function json(
  req: Request,
  options: HttpOptions,
  status: number,
  body: unknown,
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...securityHeaders, ...corsHeaders(req, options) },
  });
}

export function preflight(req: Request, options: HttpOptions): Response {
  return new Response(null, {
    status: 204,
    headers: { ...securityHeaders, ...corsHeaders(req, options) },
  });
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra?: object,
  ) {
    super(message);
  }
}

/**
 * Reads the body as JSON without buffering more than the limit: a declared
 * or streamed size over it is a 413, unparsable JSON a 400.
 */
export async function readJson(
  req: Request,
  maxBytes: number,
): Promise<unknown> {
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) throw new HttpError(400, 'The request has no body.');
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req.body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new HttpError(400, 'The body is not valid UTF-8 JSON.');
  }
}

function tooLarge(maxBytes: number) {
  return new HttpError(413, `The body is larger than ${maxBytes} bytes.`);
}
