import {
  type Document,
  float4Text,
  type Sql,
  type SqlQueryable,
} from '@internal/backstage-plugin-scout-common';
import type { EmbeddingsProvider } from '../_shared/embeddings';
import { HttpError } from '../_shared/http';

/**
 * How scout.document_chunks.embedding stores vectors: pgvector where the
 * extension exists, real[] where it does not (see migrations/0006). Both
 * parse from text, so writers send one literal per vector and cast it. Both
 * hold float4s: literals carry each number rounded to float4 (float4Text), so
 * what is read back is exactly Math.fround of what the provider gave.
 */
export type EmbeddingColumn = {
  /** The column's type as the database names it, used as the cast. */
  cast: string;
  /** Fixed by the column for vector(n); free for real[]. */
  dimensions?: number;
  literal(vector: number[]): string;
};

export async function readEmbeddingColumn(
  sql: SqlQueryable,
): Promise<EmbeddingColumn> {
  const { rows } = await sql.query<{ type: string | null }>(
    `select format_type(atttypid, atttypmod) as type from pg_attribute
     where attrelid = 'scout.document_chunks'::regclass and attname = 'embedding'`,
  );
  const type = rows[0]?.type ?? '';
  // Supabase keeps pgvector in the extensions schema, so the name may be qualified.
  const vector = /^(?:\w+\.)?vector(?:\((\d+)\))?$/.exec(type);
  if (vector) {
    const dimensions = vector[1] ? Number(vector[1]) : undefined;
    return {
      cast: type,
      dimensions,
      literal: v => `[${v.map(float4Text).join(',')}]`,
    };
  }
  if (type === 'real[]')
    return { cast: type, literal: v => `{${v.map(float4Text).join(',')}}` };
  throw new Error(
    `scout.document_chunks.embedding has an unexpected type: "${type}".`,
  );
}

/** Reads the column type on first use only; a failed read is retried next time. */
export function embeddingColumnOnce(
  sql: SqlQueryable,
): () => Promise<EmbeddingColumn> {
  let column: Promise<EmbeddingColumn> | undefined;
  return () => {
    column ??= readEmbeddingColumn(sql).catch(e => {
      column = undefined;
      throw e;
    });
    return column;
  };
}

/** A vector(n) column only takes n dimensions: say so plainly instead of failing in SQL. */
export function checkDimensions(
  column: EmbeddingColumn,
  embeddings: EmbeddingsProvider,
): void {
  if (
    column.dimensions !== undefined &&
    column.dimensions !== embeddings.dimensions
  ) {
    throw new HttpError(
      500,
      `The embeddings provider makes ${embeddings.dimensions}-dimensional vectors; ` +
        `scout.document_chunks.embedding holds ${column.dimensions}.`,
    );
  }
}

export type StoredChunk = { content: string; embedding: number[] };

/** Replaces a document and all its chunks in one transaction. */
export async function replaceDocument(
  sql: Sql,
  doc: Document,
  chunks: StoredChunk[],
  model: string,
  column: EmbeddingColumn,
): Promise<void> {
  await sql.transaction(async tx => {
    await tx.query(
      `insert into scout.documents (document_id, title, source, metadata)
       values ($1, $2, $3, $4::jsonb)
       on conflict (document_id) do update
         set title = excluded.title, source = excluded.source, metadata = excluded.metadata`,
      [
        doc.document_id,
        doc.title,
        doc.source ?? null,
        JSON.stringify(doc.metadata ?? {}),
      ],
    );
    await tx.query('delete from scout.document_chunks where document_id = $1', [
      doc.document_id,
    ]);
    await tx.query(
      `insert into scout.document_chunks (document_id, chunk_no, content, embedding, embedding_model)
       select $1, c.chunk_no, c.content, c.embedding::${column.cast}, $2
       from unnest($3::int[], $4::text[], $5::text[]) as c(chunk_no, content, embedding)`,
      [
        doc.document_id,
        model,
        chunks.map((_, i) => i),
        chunks.map(c => c.content),
        chunks.map(c => column.literal(c.embedding)),
      ],
    );
  });
}
