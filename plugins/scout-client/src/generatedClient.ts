// A character outside the Basic Multilingual Plane (an emoji, CJK
// Extension B) as uri-template 2.0.0 writes it: each UTF-16 surrogate
// percent-encoded on its own (CESU-8), which is not UTF-8, so the backend
// cannot decode it.
const SURROGATE_PAIR =
  /%ED%([AB][0-9A-F])%([89AB][0-9A-F])%ED%([BC][0-9A-F])%([89AB][0-9A-F])/gi;

/** The code unit one CESU-8 three-byte sequence (ED b2 b3) stands for. */
const unit = (b2: string, b3: string) =>
  0xd000 | ((parseInt(b2, 16) & 0x3f) << 6) | (parseInt(b3, 16) & 0x3f);

/**
 * `url` with every surrogate pair that uri-template percent-encoded unit
 * by unit rewritten as the UTF-8 of its character; the rest as it was.
 */
export function repairSurrogateEscapes(url: string): string {
  return url.replace(SURROGATE_PAIR, (_, a, b, c, d) =>
    encodeURIComponent(String.fromCharCode(unit(a, b), unit(c, d))),
  );
}

/**
 * The options for a Backstage-generated OpenAPI client (`DefaultApiClient`)
 * whose requests carry names with emoji intact: the generated client
 * expands query parameters with uri-template, which mis-encodes them (see
 * repairSurrogateEscapes).
 */
export function generatedClientOptions<
  T extends { fetchApi: { fetch: typeof fetch } },
>(options: T): T {
  const { fetchApi } = options;
  return {
    ...options,
    fetchApi: {
      fetch: (input: RequestInfo | URL, init?: RequestInit) =>
        fetchApi.fetch(
          typeof input === 'string' ? repairSurrogateEscapes(input) : input,
          init,
        ),
    },
  };
}
