import { APIError, OpenAI } from 'openai';
import { HttpError } from './http';

/** Turns texts into vectors of a fixed size; `model` is stored next to each vector. */
export interface EmbeddingsProvider {
  readonly model: string;
  readonly dimensions: number;
  embed(texts: string[]): Promise<number[][]>;
}

export type OpenAIEmbeddingsOptions = {
  apiKey: string;
  baseURL?: string;
  model: string;
  dimensions?: number;
  /** Inputs per request; OpenAI accepts up to 2048, smaller keeps requests light. */
  batchSize?: number;
  maxRetries?: number;
  timeoutMs?: number;
};

/** OpenAI or any OpenAI-compatible server, through the official SDK. */
export function createOpenAIEmbeddings(
  options: OpenAIEmbeddingsOptions,
): EmbeddingsProvider {
  const { apiKey, model, dimensions = 256, batchSize = 100 } = options;
  if (!apiKey) throw new Error('OpenAI embeddings need an API key.');
  const client = new OpenAI({
    apiKey,
    baseURL: options.baseURL,
    maxRetries: options.maxRetries,
    timeout: options.timeoutMs ?? 60_000,
  });
  const embedBatch = async (input: string[]): Promise<number[][]> => {
    const { data } = await client.embeddings
      // 'float' explicitly: the SDK otherwise asks for base64, which not every compatible server speaks.
      .create({ model, input, dimensions, encoding_format: 'float' })
      .catch((e: unknown) => {
        throw providerError(e, apiKey);
      });
    const vectors = [...data]
      .sort((a, b) => a.index - b.index)
      .map(d => d.embedding);
    const valid = vectors.every(
      v => v.length === dimensions && v.every(Number.isFinite),
    );
    if (vectors.length !== input.length || !valid) {
      throw new HttpError(
        502,
        `The embeddings provider did not return ${input.length} vectors of ${dimensions} numbers.`,
      );
    }
    return vectors;
  };
  return {
    model,
    dimensions,
    async embed(texts) {
      const vectors: number[][] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        vectors.push(...(await embedBatch(texts.slice(i, i + batchSize))));
      }
      return vectors;
    },
  };
}

/**
 * A 502 whose message names the upstream status only: the provider's own
 * text may echo the request (document content) or the key. That text,
 * with the key masked, rides along as `cause` for the server log.
 */
function providerError(e: unknown, apiKey: string): HttpError {
  const status = e instanceof APIError && e.status ? ` (HTTP ${e.status})` : '';
  const detail = (e instanceof Error ? e.message : String(e))
    .split(apiKey)
    .join('***')
    .replace(/\bsk-[\w*.-]+/g, '***')
    .slice(0, 300);
  return Object.assign(
    new HttpError(502, `The embeddings provider failed${status}.`),
    { cause: new Error(detail) },
  );
}

/**
 * LEXICAL embeddings, not semantic: feature hashing of lower-cased words and
 * character trigrams. Texts that share words (or word parts) come out close;
 * synonyms and paraphrases do not. Deterministic and local, so the embedded
 * default and the tests need no network and no model; the model name says
 * what it is so these vectors are never mistaken for (or mixed with) real ones.
 */
export function createLexicalEmbeddings(
  options: { dimensions?: number } = {},
): EmbeddingsProvider {
  const dimensions = options.dimensions ?? 256;
  return {
    model: `lexical-hash-${dimensions}`,
    dimensions,
    embed: async texts => texts.map(text => lexicalVector(text, dimensions)),
  };
}

function lexicalVector(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const token of lexicalTokens(text)) {
    const hash = fnv1a(token);
    // The top bit picks the sign, so colliding tokens tend to cancel out rather than pile up.
    vector[hash % dimensions] += hash & 0x80000000 ? -1 : 1;
  }
  const norm = Math.hypot(...vector);
  if (norm === 0) {
    vector[0] = 1; // a text without tokens still gets a unit vector
    return vector;
  }
  return vector.map(x => x / norm);
}

function lexicalTokens(text: string): string[] {
  const normal = text.normalize('NFKC').toLowerCase();
  const words = normal.match(/[\p{L}\p{N}]+/gu) ?? normal.match(/\S+/g) ?? [];
  const tokens: string[] = [];
  for (const word of words) {
    tokens.push(`w:${word}`);
    const chars = Array.from(` ${word} `);
    for (let i = 0; i + 3 <= chars.length; i++) {
      tokens.push(`c:${chars.slice(i, i + 3).join('')}`);
    }
  }
  return tokens;
}

const encoder = new TextEncoder();

/** 32-bit FNV-1a over UTF-8 bytes: fixed, so any language can reproduce the vectors. */
function fnv1a(token: string): number {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(token)) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return hash;
}

/** OpenAI when a key is set (SCOUT_EMBEDDINGS_API_KEY first), else the local lexical embeddings. */
export function embeddingsFromEnv(
  env: Record<string, string | undefined>,
): EmbeddingsProvider {
  const apiKey =
    env.SCOUT_EMBEDDINGS_API_KEY?.trim() || env.OPENAI_API_KEY?.trim();
  if (!apiKey) return createLexicalEmbeddings();
  return createOpenAIEmbeddings({
    apiKey,
    baseURL: env.SCOUT_EMBEDDINGS_BASE_URL?.trim() || undefined,
    model: env.SCOUT_EMBEDDINGS_MODEL?.trim() || 'text-embedding-3-small',
  });
}
