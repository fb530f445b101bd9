import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { parseExposition } from './exposition';

describe('parseExposition', () => {
  it('reads what prom-client serves, escapes and buckets included', async () => {
    const registry = new Registry();
    new Counter({
      name: 'c_total',
      help: 'c',
      labelNames: ['a'],
      registers: [registry],
    }).inc({ a: 'quote " back \\ line\nend' }, 3);
    new Histogram({
      name: 'h_seconds',
      help: 'h',
      buckets: [0.3, 2],
      registers: [registry],
    }).observe(1);
    new Gauge({ name: 'g', help: 'g', registers: [registry] }).set(1.5e9);
    const samples = parseExposition(await registry.metrics());
    expect(samples).toContainEqual({
      metric: 'c_total',
      labels: { a: 'quote " back \\ line\nend' },
      value: 3,
    });
    expect(samples).toContainEqual({
      metric: 'h_seconds_bucket',
      labels: { le: '2' },
      value: 1,
    });
    expect(samples).toContainEqual({
      metric: 'h_seconds_bucket',
      labels: { le: '+Inf' },
      value: 1,
    });
    expect(samples).toContainEqual({ metric: 'g', labels: {}, value: 1.5e9 });
  });

  it('skips comments and lines it cannot read', () => {
    expect(parseExposition('# HELP x\nx{a="1" 2\ny 3 1700000000000\n')).toEqual(
      [{ metric: 'y', labels: {}, value: 3 }],
    );
  });
});
