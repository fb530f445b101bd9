import { isLoopbackHost } from './loopback';

describe('isLoopbackHost', () => {
  it.each([
    'localhost',
    'LOCALHOST',
    'portal.localhost',
    '127.0.0.1',
    '127.1.2.3',
    '[::1]',
    '0.0.0.0',
  ])('%s is this machine', host => expect(isLoopbackHost(host)).toBe(true));

  it.each([
    'db.example.test',
    '10.0.0.1',
    '128.0.0.1',
    'localhost.example.test',
    '[::2]',
  ])('%s is another machine', host => expect(isLoopbackHost(host)).toBe(false));
});
