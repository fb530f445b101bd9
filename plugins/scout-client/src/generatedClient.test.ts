import {
  generatedClientOptions,
  repairSurrogateEscapes,
} from './generatedClient';

describe('repairSurrogateEscapes', () => {
  it('writes characters outside the BMP as UTF-8, as uri-template does not', () => {
    // What uri-template 2.0.0 expands `{?q}` with q = 'a📈é𠀀' to.
    const cesu = '/x?q=a%ED%A0%BD%ED%B3%88%C3%A9%ED%A1%80%ED%B0%80';
    const url = repairSurrogateEscapes(cesu);
    expect(url).toBe(`/x?q=${encodeURIComponent('a📈é𠀀')}`);
    expect(decodeURIComponent(url.split('=')[1])).toBe('a📈é𠀀');
  });

  it('leaves everything else alone', () => {
    const url = `/x?q=${encodeURIComponent('dataset:s3://b/p:é 中 %ED')}`;
    expect(repairSurrogateEscapes(url)).toBe(url);
  });

  it('repairs the URLs a generated client fetches', async () => {
    const fetched: unknown[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      fetched.push(input);
      return new Response('{}');
    }) as typeof globalThis.fetch;
    const options = generatedClientOptions({
      discoveryApi: { getBaseUrl: async () => 'http://x' },
      fetchApi: { fetch },
    });
    await options.fetchApi.fetch('http://x/s?q=%ED%A0%BD%ED%B3%88');
    expect(fetched).toEqual(['http://x/s?q=%F0%9F%93%88']);
  });
});
