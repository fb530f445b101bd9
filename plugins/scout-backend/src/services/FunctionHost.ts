import {
  Request as ExpressRequest,
  Response as ExpressResponse,
} from 'express';
import { Readable } from 'node:stream';
import { NotFoundError } from '@backstage/errors';
import { FunctionMetrics } from './metrics';

export type EdgeFunction = (req: Request) => Promise<Response>;

/**
 * Runs Web-standard edge functions inside the backend: turns the Express
 * request into a `Request`, the `Response` back into Express, and measures.
 */
export class FunctionHost {
  readonly #functions: Map<string, EdgeFunction>;
  readonly #metrics: FunctionMetrics;

  constructor(
    functions: Record<string, EdgeFunction>,
    metrics: FunctionMetrics,
  ) {
    this.#functions = new Map(Object.entries(functions));
    this.#metrics = metrics;
  }

  names() {
    return [...this.#functions.keys()];
  }

  async handle(name: string, req: ExpressRequest, res: ExpressResponse) {
    const fn = this.#functions.get(name);
    if (!fn)
      throw new NotFoundError(`There is no edge function named '${name}'.`);
    const started = process.hrtime.bigint();
    const response = await fn(toWebRequest(req));
    res.status(response.status);
    response.headers.forEach((value, key) => res.setHeader(key, value));
    res.end(Buffer.from(await response.arrayBuffer()));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    this.#metrics.observeRequest(name, response.status, seconds);
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
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    // Node's fetch needs this to stream a request body.
    duplex: 'half',
  } as RequestInit);
}
