import express from 'express';
import request from 'supertest';
import { HttpMetrics } from './httpMetrics';

// The root middleware in front of routes shaped like Backstage's: one
// router per plugin under /api/<id>, the app's assets outside /api.
function app(metrics: HttpMetrics) {
  const server = express();
  server.use(metrics.middleware());
  server.get('/api/scout/stats', (_req, res) => {
    res.json({ ok: true });
  });
  server.get('/api/lakehouse/tables', () => {
    throw new Error('boom');
  });
  // The events bus's long poll answers 202 when no event came in time.
  server.get('/api/events/bus/v1/subscriptions/:id/events', (_req, res) => {
    res.status(202).end();
  });
  server.put('/api/events/bus/v1/subscriptions/:id', (_req, res) => {
    res.status(201).end();
  });
  server.get('/index.html', (_req, res) => {
    res.send('<html></html>');
  });
  return server;
}

type Sample = Record<string, string | number | undefined>;

/** A metric's samples: labels, value, and metricName for histogram parts. */
async function series(metrics: HttpMetrics, name: string): Promise<Sample[]> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find(
    m => m.name === name,
  );
  return (metric?.values ?? []).map(v => {
    const part = (v as { metricName?: string }).metricName;
    return {
      ...v.labels,
      value: v.value,
      ...(part ? { metricName: part } : {}),
    };
  });
}

describe('HttpMetrics', () => {
  it('counts and times every /api request by plugin, method and status', async () => {
    const metrics = new HttpMetrics();
    metrics.setPlugins(['scout', 'lakehouse']);
    const server = app(metrics);
    await request(server).get('/api/scout/stats').expect(200);
    await request(server).get('/api/scout/stats').expect(200);
    await request(server).get('/api/lakehouse/tables').expect(500);
    await request(server).post('/api/scout/stats').expect(404);
    await request(server).get('/index.html').expect(200);

    expect(await series(metrics, 'scout_http_requests_total')).toEqual([
      { plugin: 'scout', method: 'GET', status: '200', value: 2 },
      { plugin: 'lakehouse', method: 'GET', status: '500', value: 1 },
      { plugin: 'scout', method: 'POST', status: '404', value: 1 },
    ]);
    const duration = await series(
      metrics,
      'scout_http_request_duration_seconds',
    );
    const counts = duration.filter(
      s => s.metricName === 'scout_http_request_duration_seconds_count',
    );
    expect(
      counts.map(({ plugin, status, value }) => [plugin, status, value]),
    ).toEqual([
      ['scout', '200', 2],
      ['lakehouse', '500', 1],
      ['scout', '404', 1],
    ]);
    expect(
      duration
        .filter(s => String(s.metricName).endsWith('_bucket'))
        .filter(s => s.plugin === 'scout' && s.status === '200')
        .map(s => s.le),
    ).toEqual([0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, '+Inf']);
  });

  it("leaves the events bus's long polls out: they wait by design", async () => {
    const metrics = new HttpMetrics();
    metrics.setPlugins(['events']);
    const server = app(metrics);
    await request(server)
      .get('/api/events/bus/v1/subscriptions/catalog.x/events')
      .expect(202);
    await request(server)
      .put('/api/events/bus/v1/subscriptions/catalog.x')
      .expect(201);
    expect(await series(metrics, 'scout_http_requests_total')).toEqual([
      { plugin: 'events', method: 'PUT', status: '201', value: 1 },
    ]);
  });

  it('keeps its labels bounded whatever the paths and methods', async () => {
    const metrics = new HttpMetrics();
    metrics.setPlugins(['scout']);
    const server = app(metrics);
    for (let i = 0; i < 20; i++) {
      await request(server).get(`/api/probe-${i}/x?y=${i}`).expect(404);
    }
    await request(server).get('/api/SCOUT/stats').expect(200);
    await request(server).get('/api/%2e%2e/etc').expect(404);
    await request(server).propfind('/api/scout/stats').expect(404);

    expect(await series(metrics, 'scout_http_requests_total')).toEqual([
      { plugin: 'other', method: 'GET', status: '404', value: 21 },
      { plugin: 'scout', method: 'GET', status: '200', value: 1 },
      { plugin: 'scout', method: 'OTHER', status: '404', value: 1 },
    ]);
  });

  it('labels by path only once it knows the installed plugins', () => {
    const metrics = new HttpMetrics();
    expect(metrics.pluginOf('/api/scout/metrics')).toBe('other');
    metrics.setPlugins(['scout']);
    expect(metrics.pluginOf('/api/scout/metrics')).toBe('scout');
    expect(metrics.pluginOf('/api/scout')).toBe('scout');
    expect(metrics.pluginOf('/api')).toBeUndefined();
    expect(metrics.pluginOf('/catalog/entity')).toBeUndefined();
  });
});
