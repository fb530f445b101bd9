-- Documents and their chunks, for Genie's retrieval. Embeddings are pgvector
-- vectors where the extension exists (PGlite with pgvector, Supabase) and
-- real[] where it does not (Debian 12 does not package pgvector for
-- PostgreSQL 15). ScoutDatabase.hasVector() tells writers which one they get.

create table scout.documents (
  document_id text primary key,
  title text not null,
  source text,
  metadata jsonb not null default '{}',
  created_at timestamptz not null default now()
);

do $$
begin
  if exists (select from pg_available_extensions where name = 'vector') then
    create extension if not exists vector;
    create table scout.document_chunks (
      document_id text references scout.documents on delete cascade,
      chunk_no int,
      content text not null,
      embedding vector(256),
      embedding_model text,
      primary key (document_id, chunk_no)
    );
    create index document_chunks_embedding on scout.document_chunks
      using hnsw (embedding vector_cosine_ops);
  else
    create table scout.document_chunks (
      document_id text references scout.documents on delete cascade,
      chunk_no int,
      content text not null,
      embedding real[],
      embedding_model text,
      primary key (document_id, chunk_no)
    );
  end if;
end
$$;
