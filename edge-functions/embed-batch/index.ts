import { z } from 'zod';
import type { JwtOptions } from '../_shared/auth';
import { postEndpoint } from '../_shared/endpoint';
import type { EmbeddingsProvider } from '../_shared/embeddings';
import { HttpError, HttpOptions, json, readJson } from '../_shared/http';
import type { Sql } from '@internal/backstage-plugin-scout-common';
import { problemsOf } from '../ingest-doc/problems';
import { checkDimensions, embeddingColumnOnce } from '../ingest-doc/store';
import { countStaleChunks, findStaleChunks, writeEmbeddings } from './store';

export type EmbedBatchOptions = HttpOptions & {
  sql: Sql;
  jwt: JwtOptions;
  embeddings: EmbeddingsProvider;
  /** Chunks per provider call and per UPDATE; default 100. */
  batchSize?: number;
};

export const DEFAULT_EMBED_LIMIT = 500;
export const MAX_EMBED_LIMIT = 5000;

const bodySchema = z.strictObject({
  limit: z.number().int().min(1).max(MAX_EMBED_LIMIT).optional(),
});

/**
 * POST `{ limit? }`: (re-)embeds up to `limit` chunks that have no vector or
 * a vector from another model. Each batch is written as soon as it is
 * embedded, so a provider failure halfway keeps the finished batches and the
 * next call picks up the rest; once all are current, a call embeds 0.
 */
export function createEmbedBatch(
  options: EmbedBatchOptions,
): (req: Request) => Promise<Response> {
  const column = embeddingColumnOnce(options.sql);
  const { embeddings, sql } = options;
  const batchSize = Math.max(1, options.batchSize ?? 100);

  return postEndpoint(options, 'ingest', async req => {
    const parsed = bodySchema.safeParse(
      hasBody(req) ? await readJson(req, options.maxBodyBytes) : {},
    );
    if (!parsed.success) {
      return json(req, options, 400, {
        error: 'The request is invalid; nothing was embedded.',
        problems: problemsOf(parsed.error.issues),
      });
    }
    const target = await column();
    checkDimensions(target, embeddings);
    const stale = await findStaleChunks(
      sql,
      embeddings.model,
      parsed.data.limit ?? DEFAULT_EMBED_LIMIT,
    );
    let embedded = 0;
    for (let i = 0; i < stale.length; i += batchSize) {
      const batch = stale.slice(i, i + batchSize);
      const vectors = await embeddings.embed(batch.map(c => c.content));
      if (vectors.length !== batch.length) {
        throw new HttpError(
          502,
          'The embeddings provider did not return one vector per chunk.',
        );
      }
      embedded += await writeEmbeddings(
        sql,
        batch,
        vectors,
        embeddings.model,
        target,
      );
    }
    return json(req, options, 200, {
      embedded,
      remaining: await countStaleChunks(sql, embeddings.model),
      embedding_model: embeddings.model,
    });
  });
}

/** The body is optional: none, or an empty one, means the defaults. */
function hasBody(req: Request): boolean {
  return req.body !== null && req.headers.get('content-length') !== '0';
}
