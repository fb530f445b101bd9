import { FLOAT4_MAX } from '@internal/backstage-plugin-scout-common';
import { createServer, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local OpenAI-compatible embeddings server whose vectors the test
 * controls, so the backend's real provider path (the OpenAI SDK over HTTP)
 * meets values at the edges of float4. Each text gets a deterministic vector;
 * `specials` overwrite components of every vector. On the wire -0 stays -0,
 * ±Infinity is written as ±1e999 (JSON.parse reads it as ±Infinity) and NaN
 * as NaN (not JSON at all), as a faulty provider might send them.
 */
export type EmbeddingsStub = {
  /** For `scout.embeddings` config: ends in /v1. */
  baseURL: string;
  apiKey: string;
  model: string;
  /** [component, value] pairs put into every following vector. */
  specials: Array<[number, number]>;
  /** The vector this stub sends for `text` with the current specials. */
  vectorFor(text: string): number[];
  close(): Promise<void>;
};

const DIMENSIONS = 256;

/** Storable values at the edges: rounding, -0, float4's largest and smallest, underflow to 0. */
const EDGES = [
  0.1,
  -0,
  1 / 3,
  FLOAT4_MAX,
  -3.4028235e38,
  1.401298464324817e-45,
  1e-50,
];

function baseVector(text: string): number[] {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  const vector = Array.from({ length: DIMENSIONS }, (_, i) => {
    hash = Math.imul(hash ^ i, 0x01000193) >>> 0;
    return (hash % 20_001) / 10_000 - 1;
  });
  EDGES.forEach((x, i) => (vector[i] = x));
  vector[EDGES.length] = text.length;
  return vector;
}

function wire(x: number): string {
  if (Object.is(x, -0)) return '-0';
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '1e999' : '-1e999';
  return String(x);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts on 127.0.0.1 with a free port. */
export async function startEmbeddingsStub(): Promise<EmbeddingsStub> {
  const stub = {
    apiKey: 'stub-key',
    model: 'stub-embeddings',
    specials: [] as Array<[number, number]>,
    vectorFor(text: string) {
      const vector = baseVector(text);
      for (const [i, x] of stub.specials) vector[i] = x;
      return vector;
    },
  };
  const server = createServer(async (req, res) => {
    const body = JSON.parse(await readBody(req));
    if (req.headers.authorization !== `Bearer ${stub.apiKey}`) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"bad key","type":"invalid_request_error"}}');
      return;
    }
    const input: string[] =
      typeof body.input === 'string' ? [body.input] : body.input;
    const data = input.map(
      (text, index) =>
        `{"object":"embedding","index":${index},"embedding":[${stub
          .vectorFor(text)
          .map(wire)
          .join(',')}]}`,
    );
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      `{"object":"list","model":${JSON.stringify(
        stub.model,
      )},"data":[${data.join(
        ',',
      )}],"usage":{"prompt_tokens":1,"total_tokens":1}}`,
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...stub,
    baseURL: `http://127.0.0.1:${port}/v1`,
    get specials() {
      return stub.specials;
    },
    set specials(value) {
      stub.specials = value;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(e => (e ? reject(e) : resolve()));
      }),
  };
}
