import type { SqlQueryable } from '@internal/backstage-plugin-scout-common';
import type { Response } from 'supertest';

/** A document as scout.documents and scout.document_chunks hold it. */
export type StoredDocument = {
  title: string;
  source: string | null;
  metadata: Record<string, string>;
  chunks: StoredChunk[];
};

export type StoredChunk = {
  document_id: string;
  chunk_no: number;
  content: string;
  /** Each component as the float4 it is (see float4sOf), or null when not embedded. */
  embedding: number[] | null;
  embedding_model: string | null;
};

/**
 * A vector's text form ('[1,2]' for pgvector, '{1,2}' for real[]) as float4
 * values. Both print the shortest decimal that reads back as the same float4,
 * so Math.fround of each decimal is exactly the stored float4.
 */
export function float4sOf(text: string): number[] {
  return text.slice(1, -1).split(',').map(Number).map(Math.fround);
}

const CHUNKS = `select document_id, chunk_no, content, embedding::text as embedding, embedding_model
  from scout.document_chunks`;

type ChunkRow = Omit<StoredChunk, 'embedding'> & { embedding: string | null };
const toChunk = (row: ChunkRow): StoredChunk => ({
  ...row,
  embedding: row.embedding === null ? null : float4sOf(row.embedding),
});

/** Every chunk of every document, by document_id then chunk_no. */
export async function readAllChunks(db: SqlQueryable): Promise<StoredChunk[]> {
  const { rows } = await db.query<ChunkRow>(
    `${CHUNKS} order by document_id, chunk_no`,
  );
  return rows.map(toChunk);
}

/** One document with its chunks, or undefined. */
export async function readDocument(
  db: SqlQueryable,
  documentId: string,
): Promise<StoredDocument | undefined> {
  const { rows } = await db.query<Omit<StoredDocument, 'chunks'>>(
    'select title, source, metadata from scout.documents where document_id = $1',
    [documentId],
  );
  if (rows.length === 0) return undefined;
  const chunks = await db.query<ChunkRow>(
    `${CHUNKS} where document_id = $1 order by chunk_no`,
    [documentId],
  );
  return { ...rows[0], chunks: chunks.rows.map(toChunk) };
}

/**
 * chunkText's contract, checked from the outside: every chunk is non-empty,
 * trimmed, at most `size` characters and a piece of the text (CRLF read as
 * LF); laid over the text in order, each starting no later than where the one
 * before ends (overlap allowed), they cover every non-whitespace character,
 * with only whitespace left between them. Each chunk is placed at its latest
 * possible position, which finds a covering whenever one exists.
 */
export function chunksCoverText(
  text: string,
  chunks: string[],
  size = 1000,
): boolean {
  const normal = text.replace(/\r\n?/g, '\n');
  const nextNonSpace = (from: number) => {
    let i = from;
    while (i < normal.length && /\s/.test(normal[i])) i++;
    return i;
  };
  let reach = nextNonSpace(0);
  for (const chunk of chunks) {
    if (!chunk || chunk !== chunk.trim() || chunk.length > size) return false;
    const at = normal.lastIndexOf(chunk, reach);
    if (at < 0) return false;
    reach = Math.max(reach, nextNonSpace(at + chunk.length));
  }
  return reach === normal.length;
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

/** PostgreSQL text/jsonb hold it as is: no NUL, and UTF-8 gives it back (no lone surrogate). */
function storableText(value: string): boolean {
  return (
    !value.includes('\u0000') && decoder.decode(encoder.encode(value)) === value
  );
}

/**
 * The top-level fields of an ingest-doc body that should be refused, worked
 * out from the rules (migrations/0006, chunkText) rather than from the
 * schema: ids of 1-64 `[A-Za-z0-9._-]`; title 1-500 and source 1-2048
 * characters (code points) not starting with U+FEFF; content 1-1,000,000
 * characters with some non-whitespace; metadata of at most 50 entries, keys
 * 1-64 and values 0-1000 characters, no "__proto__" key; all of it storable
 * text. Content without text counts only when all else is fine (it is checked
 * after the schema). An empty set: the document should be stored.
 */
export function documentFaults(doc: Record<string, unknown>): Set<string> {
  const faults = new Set<string>();
  const text = (v: unknown, min: number, max: number) =>
    typeof v === 'string' &&
    storableText(v) &&
    [...v].length >= min &&
    [...v].length <= max;
  const column = (v: unknown, max: number) =>
    text(v, 1, max) && !(v as string).startsWith('\ufeff');
  const known = ['document_id', 'title', 'content', 'source', 'metadata'];
  for (const key of Object.keys(doc)) if (!known.includes(key)) faults.add(key);
  const id = doc.document_id;
  if (typeof id !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(id)) {
    faults.add('document_id');
  }
  if (!column(doc.title, 500)) faults.add('title');
  if (!text(doc.content, 1, 1_000_000)) faults.add('content');
  if (doc.source !== undefined && !column(doc.source, 2048)) {
    faults.add('source');
  }
  const meta = doc.metadata;
  if (meta !== undefined) {
    const entries =
      typeof meta === 'object' && meta !== null && !Array.isArray(meta)
        ? Object.entries(meta)
        : undefined;
    const good =
      entries !== undefined &&
      !Object.prototype.hasOwnProperty.call(meta, '__proto__') &&
      entries.length <= 50 &&
      entries.every(([k, v]) => text(k, 1, 64) && text(v, 0, 1000));
    if (!good) faults.add('metadata');
  }
  if (faults.size === 0 && (doc.content as string).trim() === '') {
    faults.add('content');
  }
  return faults;
}

/**
 * A response as status, the fields its problems name (the first path segment
 * unless `topLevel` is false) and its error message (a placeholder on a 200,
 * which has none, so that `expect.anything()` matches every status alike).
 */
export function summary(res: Response, topLevel = true) {
  const problems: { path: string }[] = res.body.problems ?? [];
  return {
    status: res.status,
    fields: new Set(
      problems.map(p => (topLevel ? p.path.split('.')[0] : p.path)),
    ),
    error: res.body.error ?? (res.status === 200 ? 'none, a 200' : undefined),
  };
}

/** 400 when the body has faults, else 502 when the provider's vectors cannot be stored, else 200. */
export function expectedStatus(
  faults: Set<string>,
  providerFault: boolean,
): number {
  if (faults.size > 0) return 400;
  return providerFault ? 502 : 200;
}
