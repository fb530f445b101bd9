import type { EmbeddingColumn } from '../ingest-doc/store';
import type { SqlQueryable } from '@internal/backstage-plugin-scout-common';

export type StaleChunk = {
  document_id: string;
  chunk_no: number;
  content: string;
};

// Stale: never embedded, or embedded by another model (vectors of different
// models are not comparable, so retrieval must not mix them).
const STALE = 'embedding is null or embedding_model is distinct from $1';

export async function findStaleChunks(
  sql: SqlQueryable,
  model: string,
  limit: number,
): Promise<StaleChunk[]> {
  const { rows } = await sql.query<StaleChunk>(
    `select document_id, chunk_no, content from scout.document_chunks
     where ${STALE} order by document_id, chunk_no limit $2`,
    [model, limit],
  );
  return rows;
}

export async function countStaleChunks(
  sql: SqlQueryable,
  model: string,
): Promise<number> {
  const { rows } = await sql.query<{ remaining: number | string }>(
    `select count(*) as remaining from scout.document_chunks where ${STALE}`,
    [model],
  );
  return Number(rows[0]?.remaining ?? 0);
}

/**
 * Stores the vectors; returns how many chunks took them. A chunk whose content
 * changed since it was read (the document was re-ingested) is left alone, so
 * a vector never describes text it was not computed from.
 */
export async function writeEmbeddings(
  sql: SqlQueryable,
  chunks: StaleChunk[],
  vectors: number[][],
  model: string,
  column: EmbeddingColumn,
): Promise<number> {
  const { rows } = await sql.query(
    `update scout.document_chunks c
     set embedding = u.embedding::${column.cast}, embedding_model = $1
     from unnest($2::text[], $3::int[], $4::text[], $5::text[])
       as u(document_id, chunk_no, content, embedding)
     where c.document_id = u.document_id and c.chunk_no = u.chunk_no and c.content = u.content
     returning c.chunk_no`,
    [
      model,
      chunks.map(c => c.document_id),
      chunks.map(c => c.chunk_no),
      chunks.map(c => c.content),
      vectors.map(v => column.literal(v)),
    ],
  );
  return rows.length;
}
