import { localStackSettings } from './settings.ts';

describe('localStackSettings', () => {
  it("reads the local stack from app-config.yaml, with the stack's ports", async () => {
    const s = await localStackSettings({});
    expect(s.postgres).toEqual({
      port: 54329,
      url: 'postgres://postgres@127.0.0.1:54329/scout',
      jdbcUrl: 'jdbc:postgresql://127.0.0.1:54329/scout',
    });
    expect(s.s3).toMatchObject({
      port: 9000,
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      accessKeyId: 'scout',
      secretAccessKey: 'scout-dev-secret',
      bucket: 'scout-lakehouse',
      warehouse: 's3://scout-lakehouse/warehouse',
    });
    expect(s.nessie).toEqual({
      port: 19120,
      managementPort: 19121,
      apiUrl: 'http://127.0.0.1:19120/api/v2',
    });
    expect(s.trino).toMatchObject({
      port: 8080,
      url: 'http://127.0.0.1:8080',
      user: 'scout',
      icebergCatalog: 'iceberg',
      postgresCatalog: 'postgresql',
    });
  });

  it('moves ports through the variables app-config.yaml substitutes; empty means unset', async () => {
    const s = await localStackSettings({
      SCOUT_S3_PORT: '9100',
      SCOUT_NESSIE_PORT: '19200',
      SCOUT_TRINO_PORT: '',
      SCOUT_PG_PORT: '5433',
    });
    expect(s.s3.endpoint).toBe('http://127.0.0.1:9100');
    expect(s.nessie.managementPort).toBe(19201);
    expect(s.trino.port).toBe(8080);
    expect(s.postgres.jdbcUrl).toBe('jdbc:postgresql://127.0.0.1:5433/scout');
    expect(s.stack.postgres.jdbcUrl).toBe(s.postgres.jdbcUrl);
  });

  it("reads the scraper's and Alertmanager's tokens from backend.auth.externalAccess", async () => {
    expect((await localStackSettings({})).tokens).toEqual({
      metrics: 'scout-dev-metrics-token',
      alerts: 'scout-dev-alerts-token',
    });
    const s = await localStackSettings({
      SCOUT_METRICS_TOKEN: 'm'.repeat(32),
      SCOUT_ALERTS_TOKEN: 'a'.repeat(32),
    });
    expect(s.tokens).toEqual({
      metrics: 'm'.repeat(32),
      alerts: 'a'.repeat(32),
    });
  });

  it('names what is wrong', async () => {
    await expect(
      localStackSettings({ SCOUT_TRINO_PORT: 'eighty' }),
    ).rejects.toThrow(/scout\.lakehouse\.trino\.url must be a http/);
    await expect(
      localStackSettings({ SCOUT_NESSIE_MANAGEMENT_PORT: 'x' }),
    ).rejects.toThrow(/SCOUT_NESSIE_MANAGEMENT_PORT/);
  });
});
