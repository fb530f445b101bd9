import express from 'express';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { Registry } from 'prom-client';
import { HttpMetrics } from './httpMetrics';
import { FunctionMetrics } from './metrics';

// The real Prometheus (Debian's) on the stack's scrape config, the template
// `scout stack up` renders (platform-manifests/config/prometheus), scraping
// an in-test server that serves the scout registry behind a bearer token
// as /api/scout/metrics does: proves the job's path, the token file and
// that Prometheus reads what the registry writes.

const TEMPLATE = resolve(
  __dirname,
  '../../../../platform-manifests/config/prometheus/prometheus.yml',
);

function findPrometheus(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, 'prometheus'), constants.X_OK);
      return join(dir, 'prometheus');
    } catch {
      // not here
    }
  }
  const reason = 'prometheus is not installed (apt-get install prometheus)';
  if (process.env.CI) throw new Error(reason);
  // eslint-disable-next-line no-console
  console.warn(`Skipping the Prometheus scrape test: ${reason}`);
  return undefined;
}

const listen = (server: Server) =>
  new Promise<number>(done =>
    server.listen(0, '127.0.0.1', () =>
      done((server.address() as AddressInfo).port),
    ),
  );

async function freePort() {
  const server = createServer();
  const port = await listen(server);
  await new Promise(done => server.close(done));
  return port;
}

/** The Prometheus HTTP API's instant query: the series' labels and values. */
async function query(base: string, promql: string) {
  const res = await fetch(
    `${base}/api/v1/query?${new URLSearchParams({ query: promql })}`,
  );
  const body = (await res.json()) as {
    data: {
      result: { metric: Record<string, string>; value: [number, string] }[];
    };
  };
  return body.data.result;
}

async function until<T>(
  what: string,
  ms: number,
  get: () => Promise<T | undefined>,
) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await get().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 500));
  }
}

const binary = findPrometheus();

(binary ? describe : describe.skip)(
  'Prometheus scraping the scout registry',
  () => {
    jest.setTimeout(60_000);
    const token = randomBytes(32).toString('hex');
    let dir: string;
    let server: Server;
    let prometheus: ChildProcess;
    let base: string;
    let anonymousStatus: number;
    let rendered: string;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'scout-prometheus-'));
      const http = new HttpMetrics();
      http.setPlugins(['scout']);
      const registry = Registry.merge([
        http.registry,
        FunctionMetrics.create().registry,
      ]);
      const app = express();
      app.use(http.middleware());
      app.get('/api/scout/metrics', async (req, res) => {
        if (req.headers.authorization !== `Bearer ${token}`) {
          res.status(401).end();
          return;
        }
        res.type(registry.contentType).send(await registry.metrics());
      });
      server = createServer(app);
      const backendPort = await listen(server);
      // A request without the token: its 401 is a series before the first scrape.
      anonymousStatus = (
        await fetch(`http://127.0.0.1:${backendPort}/api/scout/metrics`)
      ).status;

      const vars: Record<string, string> = {
        BACKEND_SCHEME: 'http',
        BACKEND_ADDRESS: `127.0.0.1:${backendPort}`,
        ALERTMANAGER_ADDRESS: `127.0.0.1:${await freePort()}`,
      };
      const config = (await readFile(TEMPLATE, 'utf8')).replace(
        /\$\{([A-Z_]+)\}/g,
        (_, name: string) => vars[name],
      );
      rendered = config;
      await writeFile(join(dir, 'prometheus.yml'), config);
      await writeFile(join(dir, 'scout-metrics.token'), token, { mode: 0o600 });
      await mkdir(join(dir, 'rules'));

      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      prometheus = spawn(
        binary!,
        [
          `--config.file=${join(dir, 'prometheus.yml')}`,
          `--storage.tsdb.path=${join(dir, 'data')}`,
          `--web.listen-address=127.0.0.1:${port}`,
        ],
        { stdio: 'ignore' },
      );
      await until('Prometheus to be ready', 20_000, async () =>
        (await fetch(`${base}/-/ready`)).ok ? true : undefined,
      );
    });

    afterAll(async () => {
      if (prometheus && prometheus.exitCode === null) {
        const exited = new Promise(done => prometheus.once('exit', done));
        prometheus.kill('SIGTERM');
        await exited;
      }
      await new Promise(done => server?.close(done));
      await rm(dir, { recursive: true, force: true });
    });

    it('scrapes scout_http_requests_total with the token file, job scout', async () => {
      expect(anonymousStatus).toBe(401);
      // Every placeholder of the template had a value.
      expect(rendered).not.toContain('undefined');
      // The first scrape comes within one interval (15 s) of the start.
      const series = await until('the first scrape', 30_000, async () => {
        const result = await query(
          base,
          'scout_http_requests_total{job="scout"}',
        );
        return result.length > 0 ? result : undefined;
      });
      expect(series.map(s => s.metric)).toContainEqual(
        expect.objectContaining({
          __name__: 'scout_http_requests_total',
          job: 'scout',
          plugin: 'scout',
          method: 'GET',
          status: '401',
        }),
      );
      const [up] = await query(base, 'up{job="scout"}');
      expect(up.value[1]).toBe('1');
    });
  },
);
