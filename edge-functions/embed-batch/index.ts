import { z } from 'zod';
import type { JwtOptions } from '../_shared/auth';
import { postEndpoint } from '../_shared/endpoint';
import type { EmbeddingsProvider } from '../_shared/embeddings';
import { HttpOptions, json, readJson } from '../_shared/http';
import type { Sql } from '@internal/backstage-plugin-scout-common';
import { problemsOf } from '../ingest-doc/problems';
import { checkDimensions, embeddingColumnOnce } from '../ingest-doc/store';
import { embedChecked } from '../ingest-doc/vectors';
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
 * 200 `{ embedded, remaining, embedding_model }`; 400 `{ error, problems }`
 * for a bad body; 502 when the provider fails or returns vectors the column
 * cannot hold (float4: finite, |x| up to ~3.4e38).
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
      // A vector the column cannot hold is a 502 before this batch is written.
      const vectors = await embedChecked(
        embeddings,
        batch.map(c => c.content),
      );
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
