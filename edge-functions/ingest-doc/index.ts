import { documentSchema } from '@internal/backstage-plugin-scout-common';
import type { JwtOptions } from '../_shared/auth';
import { postEndpoint } from '../_shared/endpoint';
import type { EmbeddingsProvider } from '../_shared/embeddings';
import { HttpOptions, json, readJson } from '../_shared/http';
import type { Sql } from '@internal/backstage-plugin-scout-common';
import { chunkText } from './chunk';
import { Problem, problemsOf } from './problems';
import { checkDimensions, embeddingColumnOnce, replaceDocument } from './store';
import { embedChecked } from './vectors';

export type IngestDocOptions = HttpOptions & {
  sql: Sql;
  jwt: JwtOptions;
  embeddings: EmbeddingsProvider;
};

/**
 * POST one document: it is chunked, embedded, then written with its chunks in
 * one transaction, replacing any earlier version. Embedding happens before the
 * transaction opens, so a provider failure writes nothing and holds no locks.
 * 200 `{ document_id, chunks, embedding_model }`; 400 `{ error, problems }`
 * for any value documentSchema refuses (every value it accepts is storable);
 * 502 when the provider fails or returns vectors the column cannot hold.
 */
export function createIngestDoc(
  options: IngestDocOptions,
): (req: Request) => Promise<Response> {
  const column = embeddingColumnOnce(options.sql);
  const { embeddings } = options;

  return postEndpoint(options, 'ingest', async req => {
    const body = await readJson(req, options.maxBodyBytes);
    const parsed = documentSchema.safeParse(body);
    if (!parsed.success) return invalid(req, problemsOf(parsed.error.issues));
    const doc = parsed.data;
    const texts = chunkText(doc.content);
    if (texts.length === 0) {
      return invalid(req, [
        { path: 'content', message: 'The content has no text to index.' },
      ]);
    }
    const target = await column();
    checkDimensions(target, embeddings);
    // Checked before the transaction: a vector the column cannot hold is a 502, not a failed write.
    const vectors = await embedChecked(embeddings, texts);
    const chunks = texts.map((content, i) => ({
      content,
      embedding: vectors[i],
    }));
    await replaceDocument(options.sql, doc, chunks, embeddings.model, target);
    return json(req, options, 200, {
      document_id: doc.document_id,
      chunks: chunks.length,
      embedding_model: embeddings.model,
    });
  });

  function invalid(req: Request, problems: Problem[]) {
    return json(req, options, 400, {
      error: 'The document is invalid; nothing was written.',
      problems,
    });
  }
}
