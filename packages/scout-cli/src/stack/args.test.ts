import { UsageError } from '../command.ts';
import { parseStackArgs } from './args.ts';

describe('parseStackArgs', () => {
  it('defaults to every service', () => {
    expect(parseStackArgs(['up'])).toEqual({
      action: 'up',
      services: [],
      json: false,
    });
  });

  it('takes services in start order, once each', () => {
    expect(parseStackArgs(['down', 'trino', 's3', 'trino']).services).toEqual([
      's3',
      'trino',
    ]);
  });

  it('knows gitea, started last', () => {
    expect(parseStackArgs(['up', 'gitea', 'trino']).services).toEqual([
      'trino',
      'gitea',
    ]);
  });

  it('takes --json for status', () => {
    expect(parseStackArgs(['status', '--json']).json).toBe(true);
    expect(() => parseStackArgs(['up', '--json'])).toThrow(
      '--json goes with "status" only',
    );
  });

  it('rejects unknown actions, services and flags as usage errors', () => {
    expect(() => parseStackArgs([])).toThrow(UsageError);
    expect(() => parseStackArgs(['start'])).toThrow('unknown action "start"');
    expect(() => parseStackArgs(['up', 'minio'])).toThrow(
      'unknown service "minio"; the services are postgres, s3, nessie, trino, keycloak',
    );
    expect(() => parseStackArgs(['up', '--fast'])).toThrow(UsageError);
  });
});
