// The lineage bench's producer, in its own process as real producers are:
// the server's share of the CPU is then what the ingest rate measures, not
// the client's. Reads {url, token, concurrency, bodies} as JSON on stdin,
// POSTs each body with `concurrency` requests in flight on kept-alive
// connections, and prints {"seconds": <wall time of the POSTs>} on stdout.
// Exits 1 on the first answer other than 201, with that answer on stderr.
//
// node:http, not fetch: fetch costs the producer about 0.8 ms of CPU a
// request here, which capped the rate near 1,250/s against a server that
// does nothing; node:http costs about 0.3 ms.
import http from 'node:http';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { url, token, concurrency, bodies } = JSON.parse(
  Buffer.concat(chunks).toString('utf8'),
);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

/** POSTs one body; resolves with the answer's status and text. */
const post = body =>
  new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      res => {
        const parts = [];
        res.on('data', part => parts.push(part));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            text: Buffer.concat(parts).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });

let next = 0;
const started = performance.now();
try {
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const { status, text } = await post(bodies[next++]);
        if (status !== 201) throw new Error(`event refused: ${status} ${text}`);
      }
    }),
  );
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
const seconds = (performance.now() - started) / 1000;
agent.destroy();
process.stdout.write(`${JSON.stringify({ seconds })}\n`);
