// A local OpenAI-compatible embeddings server for tests (Node and Deno), so the
// SDK path runs for real over HTTP without a key or the network.
import { Buffer } from 'node:buffer';
import { createServer, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StubRequest = {
  authorization: string | undefined;
  model: string;
  input: string[];
  dimensions?: number;
  encoding_format?: string;
};

export type OpenAIStub = {
  /** Pass as the SDK's baseURL (ends in /v1). */
  baseURL: string;
  requests: StubRequest[];
  /** Answer every following request with this status (500, 401), or normally again (null). */
  failWith(status: 500 | 401 | null): void;
  close(): Promise<void>;
};

type StubBody = {
  model: string;
  input: string | string[];
  dimensions?: number;
  encoding_format?: string;
};

/** The stub's vector for a text: its length, then a checksum, then zeros. */
export function stubVector(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  vector[0] = text.length;
  vector[1] = Array.from(text).reduce(
    (sum, c) => (sum + c.codePointAt(0)!) % 9973,
    0,
  );
  return vector;
}

/** Starts on 127.0.0.1 with a free port; requests without `Bearer <apiKey>` get a 401. */
export async function startOpenAIStub(apiKey: string): Promise<OpenAIStub> {
  const requests: StubRequest[] = [];
  let failure: 500 | 401 | null = null;

  const reply = async (req: IncomingMessage): Promise<[number, unknown]> => {
    if (req.method !== 'POST' || req.url !== '/v1/embeddings') {
      return [404, apiError('Not found', 'invalid_request_error')];
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body: StubBody = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const input = typeof body.input === 'string' ? [body.input] : body.input;
    const authorization = req.headers.authorization;
    requests.push({ ...body, input, authorization });
    if (failure === 401 || authorization !== `Bearer ${apiKey}`) {
      // Worse than OpenAI (which masks most of it): echo the whole key, to prove callers scrub it.
      const given = authorization?.replace(/^Bearer /, '') ?? '';
      const message = `Incorrect API key provided: ${given}.`;
      return [
        401,
        apiError(message, 'invalid_request_error', 'invalid_api_key'),
      ];
    }
    if (failure === 500)
      return [500, apiError('The server had an error.', 'server_error')];
    const dimensions = body.dimensions ?? 1536;
    const encode = (text: string): number[] | string => {
      const vector = stubVector(text, dimensions);
      if (body.encoding_format !== 'base64') return vector;
      return Buffer.from(new Float32Array(vector).buffer).toString('base64');
    };
    // Reversed on purpose: clients must order by `index`, not by position.
    const data = input
      .map((text, index) => ({
        object: 'embedding',
        index,
        embedding: encode(text),
      }))
      .reverse();
    const usage = { prompt_tokens: input.length, total_tokens: input.length };
    return [200, { object: 'list', data, model: body.model, usage }];
  };

  const server = createServer((req, res) => {
    reply(req)
      .catch((): [number, unknown] => [
        400,
        apiError('Bad request', 'invalid_request_error'),
      ])
      .then(([status, body]) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    failWith(status) {
      failure = status;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close(e => (e ? reject(e) : resolve()));
      }),
  };
}

function apiError(message: string, type: string, code?: string) {
  return { error: { message, type, code: code ?? null, param: null } };
}
