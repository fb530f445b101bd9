import { formatStatusTable } from './statusTable.ts';

describe('formatStatusTable', () => {
  it('lines up one row per service and explains "foreign"', () => {
    const table = formatStatusTable([
      {
        service: 's3',
        state: 'up',
        pid: 123,
        port: 9000,
        url: 'http://127.0.0.1:9000',
        log: '.scout/logs/s3.log',
      },
      {
        service: 'trino',
        state: 'foreign',
        port: 8080,
        url: 'http://127.0.0.1:8080',
        log: '.scout/logs/trino.log',
      },
    ]);
    expect(table.split('\n')).toEqual([
      'SERVICE  STATE    PID  URL                    LOG',
      's3       up       123  http://127.0.0.1:9000  .scout/logs/s3.log',
      'trino    foreign  -    http://127.0.0.1:8080  .scout/logs/trino.log',
      'foreign: something answers on the port, but "scout stack up" did not start it',
      '',
    ]);
  });
});
