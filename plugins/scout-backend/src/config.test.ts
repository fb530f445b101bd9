import { mockServices } from '@backstage/backend-test-utils';
import {
  DEV_JWT_SECRET,
  repositoryRoot,
} from '@internal/backstage-plugin-scout-node';
import { join, relative, resolve } from 'node:path';
import { readScoutConfig } from './config';

const read = (scout: object = {}) =>
  readScoutConfig(
    mockServices.rootConfig({
      data: { app: { baseUrl: 'http://localhost:3000' }, scout },
    }),
  );

describe('readScoutConfig', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("defaults to the checkout's migrations, scripts/dbt and the development secret", () => {
    const config = read();
    expect(config.migrations.dir).toBe(join(repositoryRoot(), 'migrations'));
    expect(config.pipeline.dbt).toEqual({
      executable: join(repositoryRoot(), 'scripts/dbt'),
      projectDir: join(repositoryRoot(), 'transform'),
    });
    expect(config.functions).toMatchObject({
      jwtSecret: DEV_JWT_SECRET,
      usesDevSecret: true,
      issuer: undefined,
      allowedOrigins: ['http://localhost:3000'],
    });
    expect(config.database.url).toBeUndefined();
  });

  it('counts data stale after two schedule periods', () => {
    expect(read().pipeline.staleAfterSeconds).toBe(1800);
    expect(
      read({
        pipeline: { schedule: { frequency: 'PT1H', timeout: { minutes: 5 } } },
      }).pipeline.staleAfterSeconds,
    ).toBe(7200);
    expect(
      read({
        pipeline: {
          schedule: { frequency: { trigger: 'manual' }, timeout: 'PT5M' },
        },
      }).pipeline.staleAfterSeconds,
    ).toBe(1800);
  });

  it('reads no environment variable: those enter through app-config only', () => {
    Object.assign(process.env, {
      SCOUT_JWT_SECRET: 'from-env-secret-that-is-long-enough',
      SCOUT_DATABASE_URL: 'postgres://env/scout',
      SCOUT_EMBEDDINGS_API_KEY: 'sk-env',
      OPENAI_API_KEY: 'sk-openai',
    });
    const config = read();
    expect(config.functions.jwtSecret).toBe(DEV_JWT_SECRET);
    expect(config.database.url).toBeUndefined();
    expect(config.embeddings.apiKey).toBeUndefined();
  });

  it('takes every path, the issuer and a dbt on PATH from config', () => {
    // Relative to the working directory, as the backend resolves them.
    const migrations = relative(
      process.cwd(),
      join(repositoryRoot(), 'migrations'),
    );
    const transform = join(repositoryRoot(), 'transform');
    const config = read({
      migrations: { dir: migrations },
      functions: { jwtSecret: 's'.repeat(32), issuer: 'https://id.test' },
      pipeline: { dbt: { projectDir: transform, executable: 'dbt' } },
    });
    expect(config.migrations.dir).toBe(resolve(migrations));
    expect(config.pipeline.dbt).toEqual({
      executable: 'dbt',
      projectDir: transform,
    });
    expect(config.functions).toMatchObject({
      issuer: 'https://id.test',
      usesDevSecret: false,
    });
  });

  it.each([
    [
      { migrations: { dir: 'no-such-folder' } },
      /scout\.migrations\.dir: no folder at/,
    ],
    [
      { pipeline: { dbt: { projectDir: '.' } } },
      /scout\.pipeline\.dbt\.projectDir: no dbt_project\.yml in/,
    ],
    [
      { pipeline: { dbt: { executable: './no/dbt' } } },
      /scout\.pipeline\.dbt\.executable: no file at/,
    ],
  ])('refuses %j, naming the key', (scout, message) => {
    expect(() => read(scout)).toThrow(message);
  });

  describe('in production', () => {
    beforeEach(() => {
      process.env.NODE_ENV = 'production';
    });

    it('needs a dbt executable: scripts/dbt installs software at run time', () => {
      expect(() => read()).toThrow(
        /scout\.pipeline\.dbt\.executable must be set in production/,
      );
    });

    it('never falls back to the development secret', () => {
      const config = read({ pipeline: { dbt: { executable: 'dbt' } } });
      expect(config.functions).toMatchObject({
        jwtSecret: undefined,
        usesDevSecret: false,
      });
    });
  });
});
