import {
  Request as ExpressRequest,
  Response as ExpressResponse,
} from 'express';
import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { requestIdOf, serverErrorBody } from '@internal/scout-edge-functions';
import { FunctionMetrics } from './metrics';

export type EdgeFunction = (req: Request) => Promise<Response>;

/**
 * Runs Web-standard edge functions inside the backend: turns the Express
 * request into a `Request`, the `Response` back into Express, and measures
 * every request, whatever its outcome.
 */
export class FunctionHost {
  readonly #functions: Map<string, EdgeFunction>;
  readonly #metrics: FunctionMetrics;
  readonly #logger?: LoggerService;

  /** `logger` receives the errors of functions that throw instead of answering. */
  constructor(
    functions: Record<string, EdgeFunction>,
    metrics: FunctionMetrics,
    logger?: LoggerService,
  ) {
    this.#functions = new Map(Object.entries(functions));
    this.#metrics = metrics;
    this.#logger = logger;
  }

  names() {
    return [...this.#functions.keys()];
  }

  /**
   * Answers `req` with the function `name` (NotFoundError if there is none).
   * A function that throws, or whose response body fails, is answered with a
   * generic JSON 500; each answer is counted in
   * scout_function_requests_total{function,status}.
   */
  async handle(name: string, req: ExpressRequest, res: ExpressResponse) {
    const fn = this.#functions.get(name);
    if (!fn)
      throw new NotFoundError(`There is no edge function named '${name}'.`);
    const started = process.hrtime.bigint();
    let status = 500;
    try {
      const { response, body } = await this.#run(name, fn, req);
      status = response.status;
      res.status(status);
      response.headers.forEach((value, key) => res.setHeader(key, value));
      // An unread rest of the body (a refusal before or while reading) is
      // not drained, whatever its size: the connection closes instead.
      if (!req.complete) res.setHeader('connection', 'close');
      res.end(body);
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.#metrics.observeRequest(name, status, seconds);
    }
  }

  async #run(name: string, fn: EdgeFunction, req: ExpressRequest) {
    try {
      const response = await fn(toWebRequest(req));
      return { response, body: Buffer.from(await response.arrayBuffer()) };
    } catch (error) {
      const header = req.headers['x-request-id'];
      const requestId = requestIdOf(typeof header === 'string' ? header : null);
      this.#logger?.error(
        `edge function ${name} failed; request_id ${requestId}`,
        error instanceof Error ? error : { error: String(error) },
      );
      const body = JSON.stringify(serverErrorBody(requestId));
      const response = new Response(body, {
        status: 500,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
          'x-request-id': requestId,
        },
      });
      return { response, body: Buffer.from(body) };
    }
  }
}

function toWebRequest(req: ExpressRequest): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(key, value);
    else if (Array.isArray(value)) value.forEach(v => headers.append(key, v));
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(`http://localhost${req.originalUrl}`, {
    method: req.method,
    headers,
    body: hasBody ? bodyOf(req) : undefined,
    // Node's fetch needs this to stream a request body.
    duplex: 'half',
  } as RequestInit);
}

/**
 * The request body as a web stream that reads on demand. Not
 * Readable.toWeb: cancelling that destroys the request and with it the
 * socket, so the 413 or 400 that follows a refusal would never arrive.
 */
function bodyOf(req: ExpressRequest): ReadableStream<Uint8Array> {
  let controller: ReadableStreamDefaultController<Uint8Array>;
  let settled = false;
  const onData = (chunk: Buffer) => {
    controller.enqueue(chunk);
    if ((controller.desiredSize ?? 0) <= 0) req.pause();
  };
  // Stops reading, once; `end` closes or errors the stream unless cancelled.
  const settle = (
    end?: (c: ReadableStreamDefaultController<Uint8Array>) => void,
  ) => {
    if (settled) return;
    settled = true;
    req.pause();
    req.removeListener('data', onData);
    end?.(controller);
  };
  return new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      req.on('data', onData);
      req.once('end', () => settle(s => s.close()));
      req.once('close', () =>
        settle(s =>
          s.error(new Error('The request closed before its body ended.')),
        ),
      );
      req.on('error', error => settle(s => s.error(error)));
    },
    pull() {
      if (!settled) req.resume();
    },
    cancel() {
      settle();
    },
  });
}
