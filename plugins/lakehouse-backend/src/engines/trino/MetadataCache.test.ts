import { MetadataCache } from './MetadataCache';

describe('MetadataCache', () => {
  it('loads once per metadata file and again when the file changes', async () => {
    const cache = new MetadataCache();
    let calls = 0;
    const load = jest.fn(async () => ++calls);
    expect(await cache.get('gold.t', 's3://m/1.json', 'summary', load)).toBe(1);
    expect(await cache.get('gold.t', 's3://m/1.json', 'summary', load)).toBe(1);
    expect(await cache.get('gold.t', 's3://m/2.json', 'summary', load)).toBe(2);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('forgets a failed load', async () => {
    const cache = new MetadataCache();
    await expect(
      cache.get('gold.t', 'a', 'x', () => Promise.reject(new Error('down'))),
    ).rejects.toThrow('down');
    await Promise.resolve();
    expect(await cache.get('gold.t', 'a', 'x', async () => 'ok')).toBe('ok');
  });

  it('keeps at most maxTables tables, dropping the oldest', async () => {
    const cache = new MetadataCache(2);
    for (const t of ['a', 'b', 'c']) {
      await cache.get(t, 'l', 'x', async () => t);
    }
    expect(cache.has('a', 'l', 'x')).toBe(false);
    expect(cache.has('b', 'l', 'x')).toBe(true);
    expect(cache.has('c', 'l', 'x')).toBe(true);
  });
});
