// The lineage bench's producer, in its own process as real producers are:
// the server's share of the CPU is then what the ingest rate measures, not
// the client's. Reads {url, token, concurrency, bodies} as JSON on stdin,
// POSTs each body with `concurrency` requests in flight, and prints
// {"seconds": <wall time of the POSTs>} on stdout. Exits 1 on the first
// answer other than 201, with that answer on stderr.
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { url, token, concurrency, bodies } = JSON.parse(
  Buffer.concat(chunks).toString('utf8'),
);
const headers = {
  authorization: `Bearer ${token}`,
  'content-type': 'application/json',
};
let next = 0;
const started = performance.now();
try {
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const res = await fetch(url, { method: 'POST', headers, body });
        if (res.status !== 201) {
          throw new Error(`event refused: ${res.status} ${await res.text()}`);
        }
      }
    }),
  );
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
process.stdout.write(
  `${JSON.stringify({ seconds: (performance.now() - started) / 1000 })}\n`,
);
