// Test helper (ingest-doc and embed-batch tests): an in-memory stand-in for
// scout.documents and scout.document_chunks that answers exactly the
// statements these functions send, so the handlers' own logic is tested
// without a server. The SQL itself runs against PGlite and PostgreSQL in the
// backend plugin's tests.
import type {
  QueryResult,
  Sql,
  SqlTransaction,
} from '@internal/backstage-plugin-scout-common';

export type FakeDocument = {
  title: string;
  source: string | null;
  metadata: string;
};
export type FakeChunk = {
  document_id: string;
  chunk_no: number;
  content: string;
  /** The literal as sent, e.g. '{0.1,0.2}' or '[0.1,0.2]'. */
  embedding: string | null;
  embedding_model: string | null;
};

const byKey = (a: FakeChunk, b: FakeChunk) =>
  a.document_id.localeCompare(b.document_id) || a.chunk_no - b.chunk_no;

const result = <T>(rows: T[]): QueryResult<T> => ({
  rows,
  rowCount: rows.length,
});

export class FakeDocumentsSql implements Sql {
  documents = new Map<string, FakeDocument>();
  chunks: FakeChunk[] = [];
  transactions = 0;
  statements: string[] = [];

  /** `columnType` is what format_type() reports for the embedding column. */
  constructor(readonly columnType = 'real[]') {}

  async query<T>(sql: string, params: unknown[] = []): Promise<QueryResult<T>> {
    this.statements.push(sql);
    return this.#answer(sql, params) as QueryResult<T>;
  }

  async transaction<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    this.transactions++;
    const documents = new Map(this.documents);
    const chunks = this.chunks.map(c => ({ ...c }));
    const copyRows = async () => {
      throw new Error('FakeDocumentsSql does not COPY');
    };
    try {
      return await fn({ query: this.query.bind(this), copyRows });
    } catch (e) {
      this.documents = documents; // roll back
      this.chunks = chunks;
      throw e;
    }
  }

  /** Adds chunks as an older writer left them (no vector, or another model's). */
  seed(documentId: string, contents: string[], model: string | null = null) {
    this.documents.set(documentId, {
      title: documentId,
      source: null,
      metadata: '{}',
    });
    contents.forEach((content, chunk_no) =>
      this.chunks.push({
        document_id: documentId,
        chunk_no,
        content,
        embedding: model ? '{0}' : null,
        embedding_model: model,
      }),
    );
  }

  #answer(sql: string, p: unknown[]): QueryResult<unknown> {
    if (sql.includes('format_type('))
      return result([{ type: this.columnType }]);
    if (sql.includes('insert into scout.documents')) {
      const [id, title, source, metadata] = p as [
        string,
        string,
        string | null,
        string,
      ];
      this.documents.set(id, { title, source, metadata });
      return result([]);
    }
    if (sql.includes('delete from scout.document_chunks')) {
      this.chunks = this.chunks.filter(c => c.document_id !== p[0]);
      return result([]);
    }
    if (sql.includes('insert into scout.document_chunks')) {
      const [id, model, nos, contents, embeddings] = p as [
        string,
        string,
        number[],
        string[],
        string[],
      ];
      nos.forEach((chunk_no, i) =>
        this.chunks.push({
          document_id: id,
          chunk_no,
          content: contents[i],
          embedding: embeddings[i],
          embedding_model: model,
        }),
      );
      return result([]);
    }
    const stale = (c: FakeChunk) =>
      c.embedding === null || c.embedding_model !== p[0];
    if (sql.includes('count(*)'))
      return result([{ remaining: String(this.chunks.filter(stale).length) }]);
    if (sql.includes('select document_id, chunk_no, content')) {
      const rows = this.chunks
        .filter(stale)
        .sort(byKey)
        .slice(0, p[1] as number);
      return result(
        rows.map(({ document_id, chunk_no, content }) => ({
          document_id,
          chunk_no,
          content,
        })),
      );
    }
    if (sql.includes('update scout.document_chunks')) {
      const [model, ids, nos, contents, embeddings] = p as [
        string,
        string[],
        number[],
        string[],
        string[],
      ];
      const updated = ids.flatMap((id, i) => {
        const chunk = this.chunks.find(
          c =>
            c.document_id === id &&
            c.chunk_no === nos[i] &&
            c.content === contents[i],
        );
        if (!chunk) return [];
        Object.assign(chunk, {
          embedding: embeddings[i],
          embedding_model: model,
        });
        return [{ chunk_no: chunk.chunk_no }];
      });
      return result(updated);
    }
    throw new Error(`FakeDocumentsSql does not know: ${sql}`);
  }
}
