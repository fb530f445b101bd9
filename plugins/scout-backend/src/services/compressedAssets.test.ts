import express from 'express';
import {
  mkdtempSync,
  mkdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import request from 'supertest';
import { compressedAssets } from './compressedAssets';

const SCRIPT = `console.log(${JSON.stringify('x'.repeat(5000))});`;

describe('compressedAssets', () => {
  let dir: string;
  let app: express.Express;

  beforeEach(() => {
    const root = mkdtempSync(join(tmpdir(), 'compressed-assets-'));
    dir = join(root, 'static');
    mkdirSync(join(dir, 'css'), { recursive: true });
    mkdirSync(join(dir, 'folder.js'));
    writeFileSync(join(dir, 'main.1234.js'), SCRIPT);
    writeFileSync(join(dir, 'css', 'app.css'), 'body { margin: 0 }');
    writeFileSync(join(dir, 'logo.png'), Buffer.from([137, 80, 78, 71]));
    writeFileSync(
      join(dir, 'config.js'),
      'window.c = /*__APP_INJECTED_CONFIG_MARKER__*/"{}"/*__INJECTED_END__*/;',
    );
    // A file beside the assets that must stay out of reach.
    writeFileSync(join(root, 'secret.js'), 'secret');
    app = express();
    app.use('/static', compressedAssets(dir));
    // What app-backend does with everything passed on.
    app.use('/static', (_req, res) => {
      res.status(299).send('passed on');
    });
  });

  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  const get = (path: string, encoding = 'gzip, deflate, br') =>
    request(app)
      .get(path)
      .set('accept-encoding', encoding)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  it('answers brotli, with the headers app-backend gives a hashed asset', async () => {
    const res = await get('/static/main.1234.js');
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      'content-encoding': 'br',
      'content-type': 'application/javascript; charset=utf-8',
      'cache-control': 'public, max-age=1209600',
      vary: 'Accept-Encoding',
    });
    expect(res.headers.etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
    expect(res.headers['last-modified']).toBeDefined();
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
    expect(Number(res.headers['content-length'])).toBeLessThan(SCRIPT.length);
  });

  it('answers 304 to a revalidation with the same ETag, and HEAD without a body', async () => {
    const { headers } = await get('/static/css/app.css');
    const again = await get('/static/css/app.css').set(
      'if-none-match',
      headers.etag,
    );
    expect(again.status).toBe(304);
    const head = await request(app)
      .head('/static/css/app.css')
      .set('accept-encoding', 'br');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.text ?? '').toBe('');
  });

  it('compresses a file again once it changed on disk', async () => {
    const first = await get('/static/main.1234.js');
    writeFileSync(join(dir, 'main.1234.js'), 'console.log("changed");');
    utimesSync(
      join(dir, 'main.1234.js'),
      new Date(),
      new Date(Date.now() + 5000),
    );
    const second = await get('/static/main.1234.js');
    expect(brotliDecompressSync(second.body).toString()).toBe(
      'console.log("changed");',
    );
    expect(second.headers.etag).not.toBe(first.headers.etag);
  });

  it('serves the scripts index.html loads at start with the compile hint, and their maps a line down', async () => {
    writeFileSync(
      join(dir, '..', 'index.html'),
      '<script defer="defer" src="/static/main.1234.js"></script>',
    );
    const map = { version: 3, sources: ['a.ts'], mappings: 'AAAA;AACA' };
    writeFileSync(join(dir, 'main.1234.js.map'), JSON.stringify(map));
    writeFileSync(join(dir, 'lazy.5678.js.map'), JSON.stringify(map));
    writeFileSync(join(dir, 'lazy.5678.js'), SCRIPT);
    const body = async (path: string) =>
      brotliDecompressSync((await get(path)).body).toString();

    expect(await body('/static/main.1234.js')).toBe(
      `//# allFunctionsCalledOnLoad\n${SCRIPT}`,
    );
    expect(JSON.parse(await body('/static/main.1234.js.map'))).toEqual({
      ...map,
      mappings: ';AAAA;AACA',
    });
    // A lazy chunk and its map are served as built.
    expect(await body('/static/lazy.5678.js')).toBe(SCRIPT);
    expect(JSON.parse(await body('/static/lazy.5678.js.map'))).toEqual(map);
  });

  it('has the file holding the runtime config revalidated', async () => {
    const res = await get('/static/config.js');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it.each([
    ['a browser that takes no brotli', '/static/main.1234.js', 'gzip'],
    ['an image', '/static/logo.png', 'br'],
    ['a missing file', '/static/gone.js', 'br'],
    ['a folder', '/static/folder.js', 'br'],
    ['a malformed path', '/static/%E0%A4%A.js', 'br'],
    ['a path out of the folder', '/static/..%2Fsecret.js', 'br'],
  ])('passes on %s', async (_what, path, encoding) => {
    const res = await get(path, encoding);
    expect(res.status).toBe(299);
    expect(res.body.toString()).toBe('passed on');
  });

  it('passes on what is not a read', async () => {
    const res = await request(app)
      .post('/static/main.1234.js')
      .set('accept-encoding', 'br');
    expect(res.status).toBe(299);
  });
});
