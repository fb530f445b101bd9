import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import process from 'node:process';
import {
  brotliCompressSync,
  constants,
  createBrotliCompress,
  deflateRawSync,
  deflateSync,
  gzipSync,
} from 'node:zlib';
import fc from 'fast-check';
import { ACCEPT_ENCODING, parseContentEncoding } from './contentEncoding';
import { postEndpoint } from './endpoint';
import { json, readJson } from './http';
import { AUDIENCE, SECRET, token } from '../_test/fixtures';

const MAX = 1 << 20;
const options = {
  allowedOrigins: [],
  maxBodyBytes: MAX,
  jwt: { audience: AUDIENCE, secret: SECRET },
};
// Answers with the JSON it read, so a round trip shows what was decoded.
const echo = postEndpoint(options, 'ingest', async req =>
  json(req, options, 200, await readJson(req, MAX)),
);
const encode = (value: unknown) =>
  new TextEncoder().encode(JSON.stringify(value));
const gzip = (b: Uint8Array) => new Uint8Array(gzipSync(b));
const deflate = (b: Uint8Array) => new Uint8Array(deflateSync(b));
const br = (b: Uint8Array) => new Uint8Array(brotliCompressSync(b));

async function post(
  body: Uint8Array | ReadableStream<Uint8Array>,
  encoding?: string,
) {
  const headers: Record<string, string> = {
    authorization: `Bearer ${await token({ role: 'service_role' })}`,
    'content-type': 'application/json',
  };
  if (encoding !== undefined) headers['content-encoding'] = encoding;
  return echo(
    new Request('http://localhost/echo', {
      method: 'POST',
      headers,
      body,
      duplex: 'half', // Node's fetch needs it for a stream body
    } as RequestInit),
  );
}

const sale = { transaction_id: 'a1', items: [{ sku: 'SKU-1', quantity: 2 }] };

describe('Content-Encoding on request bodies', () => {
  for (const [name, pack] of [
    ['gzip', gzip],
    ['x-gzip', gzip],
    ['deflate', deflate],
    ['br', br],
    ['GZIP', gzip],
    ['identity', (b: Uint8Array) => b],
  ] as const) {
    it(`decodes ${name}`, async () => {
      const res = await post(pack(encode(sale)), name);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), sale);
    });
  }

  it('undoes a list of codings last-applied first', async () => {
    const res = await post(br(gzip(encode(sale))), 'gzip, identity, br');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), sale);
  });

  it('round-trips any JSON value through every coding', async () => {
    const packs = { gzip, deflate, br };
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue(),
        fc.constantFrom('gzip', 'deflate', 'br') as fc.Arbitrary<
          keyof typeof packs
        >,
        async (value, coding) => {
          const bytes = encode(value);
          fc.pre(bytes.byteLength <= MAX);
          const res = await post(packs[coding](bytes), coding);
          assert.equal(res.status, 200);
          // JSON has no -0: compare with what JSON itself round-trips to.
          assert.deepEqual(await res.json(), JSON.parse(JSON.stringify(value)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses an unsupported coding with 415 and Accept-Encoding', async () => {
    for (const coding of ['compress', 'zstd', 'gzip, compress', '%%garbage']) {
      const res = await post(encode(sale), coding);
      assert.equal(res.status, 415, coding);
      assert.equal(res.headers.get('accept-encoding'), ACCEPT_ENCODING);
      const { error } = await res.json();
      assert.match(error, new RegExp(coding.split(', ').pop()!), coding);
    }
  });

  it('refuses more than two codings with 415', async () => {
    const res = await post(gzip(gzip(gzip(encode(sale)))), 'gzip, gzip, gzip');
    assert.equal(res.status, 415);
    assert.match((await res.json()).error, /At most 2/);
  });

  it('answers 400 when the body is not what its header says', async () => {
    const gz = gzip(encode({ note: 'x'.repeat(2000) }));
    const lies: [string, Uint8Array, string][] = [
      ['plain JSON sent as gzip', encode(sale), 'gzip'],
      ['truncated gzip', gz.subarray(0, gz.length - 12), 'gzip'],
      ['gzip sent as br', gz, 'br'],
      [
        'raw deflate sent as deflate',
        new Uint8Array(deflateRawSync(encode(sale))),
        'deflate',
      ],
      ['garbage sent as br', new Uint8Array([0xff, 0x00, 0x13, 0x37]), 'br'],
    ];
    for (const [name, body, coding] of lies) {
      const res = await post(body, coding);
      assert.equal(res.status, 400, name);
      assert.equal(typeof (await res.json()).error, 'string', name);
    }
  });

  it('applies the limit to the decoded size', async () => {
    const res = await post(gzip(encode({ note: 'x'.repeat(MAX) })), 'gzip');
    assert.equal(res.status, 413);
    assert.match((await res.json()).error, /once decoded/);
  });

  it('applies the limit to the size as sent', async () => {
    // Random bytes do not compress: MAX of them decoded, a little more sent.
    const random = new Uint8Array(MAX);
    for (let i = 0; i < MAX; i += 65536) {
      crypto.getRandomValues(random.subarray(i, i + 65536));
    }
    const noise = gzip(random);
    const res = await post(noise, 'gzip'); // no declared length: a stream count
    assert.equal(res.status, 413);
    assert.doesNotMatch((await res.json()).error, /once decoded/);
  });

  it('stops a gzip bomb at the limit, with bounded memory', async () => {
    // 1 GiB of zeros as 1024 gzip members of 1 MiB each (~1 KiB apiece),
    // handed out one member per pull so we can see how much was read.
    const member = gzip(new Uint8Array(1 << 20));
    let pulled = 0;
    const bomb = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled === 1024) controller.close();
        else {
          pulled++;
          controller.enqueue(member);
        }
      },
    });
    const rss = process.memoryUsage().rss;
    const started = Date.now();
    const res = await post(bomb, 'gzip');
    assert.equal(res.status, 413);
    assert.match((await res.json()).error, /once decoded/);
    // Each member is 1 MiB decoded: reading stopped near the 1 MiB limit,
    // read-ahead aside, far from the 1 GiB behind it.
    assert.ok(pulled < 200, `read ${pulled} of 1024 members`);
    assert.ok(process.memoryUsage().rss - rss < 256 << 20, 'memory grew');
    assert.ok(Date.now() - started < 20_000, 'took too long');
  });

  it('stops a brotli bomb at the limit', async () => {
    // 256 MiB of zeros; brotli makes a few hundred bytes of it.
    const encoder = createBrotliCompress({
      params: { [constants.BROTLI_PARAM_QUALITY]: 4 },
    });
    const parts: Uint8Array[] = [];
    encoder.on('data', (c: Uint8Array) => parts.push(c));
    const ended = new Promise(resolve => encoder.on('end', resolve));
    const zeros = new Uint8Array(1 << 20);
    for (let i = 0; i < 256; i++) {
      if (!encoder.write(zeros)) {
        await new Promise(resolve => encoder.once('drain', resolve));
      }
    }
    encoder.end();
    await ended;
    const bomb = new Uint8Array(Buffer.concat(parts));
    assert.ok(bomb.byteLength < 4096, String(bomb.byteLength));

    const rss = process.memoryUsage().rss;
    const res = await post(bomb, 'br');
    assert.equal(res.status, 413);
    assert.ok(process.memoryUsage().rss - rss < 128 << 20, 'memory grew');
  });
});

describe('parseContentEncoding', () => {
  it('skips identity and empty members, maps x-gzip, keeps the order', () => {
    assert.deepEqual(parseContentEncoding(null), { ok: true, codings: [] });
    assert.deepEqual(parseContentEncoding(' , identity ,'), {
      ok: true,
      codings: [],
    });
    assert.deepEqual(parseContentEncoding('X-Gzip, br'), {
      ok: true,
      codings: ['gzip', 'br'],
    });
  });

  it('quotes and shortens the unknown coding it names', () => {
    const parsed = parseContentEncoding(`gzip, ${'z'.repeat(500)}`);
    assert.equal(parsed.ok, false);
    if (!parsed.ok) {
      assert.ok(parsed.message.includes(`"${'z'.repeat(40)}"`));
      assert.ok(parsed.message.length < 200);
    }
  });
});
